import { registry } from "@web/core/registry";

// A unit leader opens the Decision 766 indicators, sees the unit's score, switches to the list of
// figures and opens the dossiers behind "settled early or on time": exactly the two counted.
registry.category("web_tour.tours").add("motcua_indicators_tour", {
    url: "/odoo/decision-766-indicators",
    steps: () => [
        {
            content: "The unit's row in the ranking",
            trigger: ".o_pivot table tbody tr:contains(Phường Chỉ Số)",
        },
        {
            content: "The figures, indicator by indicator",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            content: "Open the dossiers counted as settled early or on time",
            trigger:
                ".o_list_view .o_data_row:contains(TDGQ.1) button.o_motcua_open_numerator",
            run: "click",
        },
        {
            content: "Exactly the two dossiers settled early or on time",
            trigger: ".o_list_view .o_data_row:contains(Sớm Hạn Hai)",
            run() {
                const rows = document.querySelectorAll(".o_list_view .o_data_row");
                if (rows.length !== 2) {
                    throw new Error(`the figure (2) opened ${rows.length} rows`);
                }
                if (document.querySelector(".o_list_view").textContent.includes("Trễ Hạn Ba")) {
                    throw new Error("the late dossier is not counted");
                }
            },
        },
    ],
});
