import { registry } from "@web/core/registry";

// A unit leader clicks the "late" figure of their unit: the list shows exactly the late dossier,
// not every dossier of the unit.
registry.category("web_tour.tours").add("motcua_dossier_statistics_tour", {
    url: "/odoo/unit-dashboard",
    steps: () => [
        {
            content: "Every period, not only this year",
            trigger: ".o_searchview_facet .o_facet_remove",
            run: "click",
        },
        {
            content: "The figures of the unit: 3 received, 2 settled, 1 late, 1 open and overdue",
            trigger: ".o_pivot table tbody tr:eq(1):has(td.o_pivot_cell_value:eq(0):contains(3)):has(td.o_pivot_cell_value:eq(3):contains(1))",
        },
        {
            content: "Open the late figure",
            trigger: ".o_pivot table tbody tr:eq(1) td.o_pivot_cell_value:eq(3)",
            run: "click",
        },
        {
            content: "Exactly the late dossier",
            trigger: ".o_list_view .o_data_row:contains(Trễ Thị Ba)",
            run() {
                const rows = document.querySelectorAll(".o_list_view .o_data_row");
                if (rows.length !== 1) {
                    throw new Error(`the late figure (1) opened ${rows.length} rows`);
                }
            },
        },
    ],
});
