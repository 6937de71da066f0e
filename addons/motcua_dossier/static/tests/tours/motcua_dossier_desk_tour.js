import { registry } from "@web/core/registry";

// A receiving officer receives a dossier at the desk and prints its receipt.
registry.category("web_tour.tours").add("motcua_dossier_desk_tour", {
    url: "/odoo/action-motcua_dossier.motcua_dossier_action",
    steps: () => [
        {
            content: "Start a new dossier",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Choose the procedure",
            trigger: ".o_field_widget[name=procedure_id] input",
            run: "edit TOUR.0001",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(Tour birth registration)",
            run: "click",
        },
        {
            content: "The papers checklist comes from the procedure",
            trigger: ".o_field_widget[name=paper_ids] .o_data_row td:contains(Birth certificate form)",
        },
        {
            content: "Applicant name",
            trigger: ".o_field_widget[name=applicant_name] input",
            run: "edit Nguyễn Thị Mai",
        },
        {
            content: "Citizen ID",
            trigger: ".o_field_widget[name=applicant_id_number] input",
            run: "edit 080190001111",
        },
        {
            content: "Phone",
            trigger: ".o_field_widget[name=applicant_phone] input",
            run: "edit 0912 000 111",
        },
        {
            content: "Tick the mandatory paper as received",
            trigger: ".o_field_widget[name=paper_ids] .o_data_row:first td[name=received] input",
            run: "click",
        },
        {
            content: "Receive",
            trigger: "button[name=action_receive]",
            run: "click",
        },
        {
            content: "The dossier has its code",
            trigger: ".o_field_widget[name=name]:contains(000.20.09.T99-)",
        },
        {
            content: "Print the receipt",
            trigger: "button[name=action_print_receipt]",
            run: "click",
        },
        {
            content: "Back on the form once the receipt is printed",
            trigger: ".o_form_view .o_field_widget[name=state] button.active:contains(Received), .o_form_view .o_statusbar_status .o_arrow_button_current:contains(Received)",
        },
    ],
});
