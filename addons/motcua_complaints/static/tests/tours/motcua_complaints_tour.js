import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("motcua_complaints_portal_submit", {
    steps: () => [
        {
            content: "Choose a complaint",
            trigger: "select[name=petition_type]",
            run: "select complaint",
        },
        {
            content: "The agency is chosen",
            trigger: "select[name=unit_id]:has(option:selected:contains(Phường Thử A))",
        },
        {
            content: "Give the subject",
            trigger: "input[name=subject]",
            run: "edit Khiếu nại quyết định xử phạt",
        },
        {
            content: "Describe the complaint",
            trigger: "textarea[name=content]",
            run: "edit Tôi không đồng ý với quyết định xử phạt vi phạm hành chính.",
        },
        {
            content: "The citizen's name is filled in from their account",
            trigger: "input[name=name]:value(Phan Văn Công Dân)",
        },
        {
            content: "Send",
            trigger: ".o_motcua_petition_form button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "A code and a lookup key are given",
            trigger: ".o_motcua_petition_code:contains(KN-)",
        },
        {
            trigger: ".o_motcua_petition_key",
        },
    ],
});

registry.category("web_tour.tours").add("motcua_complaints_officer_accept", {
    steps: () => [
        {
            content: "Open the new petition from the list",
            trigger: ".o_list_view .o_data_row td:contains(Khiếu nại quyết định xử phạt)",
            run: "click",
        },
        {
            content: "Classify the petition",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_classify]",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value=classified]",
        },
        {
            content: "Open the decision tab",
            trigger: ".o_notebook .nav-link:contains(Decision)",
            run: "click",
        },
        {
            content: "Write the reason of the acceptance",
            trigger: ".o_field_widget[name=decision_reason] textarea",
            run: "edit Đủ điều kiện thụ lý",
        },
        {
            content: "Accept",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_accept]",
            run: "click",
        },
        {
            content: "The petition is accepted",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value=accepted]",
        },
    ],
});
