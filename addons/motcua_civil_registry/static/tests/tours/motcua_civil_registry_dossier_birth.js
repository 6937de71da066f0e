import { registry } from "@web/core/registry";

const birthDate = luxon.DateTime.now().minus({ days: 3 });

registry.category("web_tour.tours").add("motcua_civil_registry_dossier_birth", {
    steps: () => [
        {
            content: "Open the civil-status declaration of the received dossier",
            trigger: '.o_form_view button[name="action_civil_declaration"]',
            run: "click",
        },
        {
            content: "The declaration opens, filled from the dossier",
            trigger: '.o_form_view .o_field_widget[name="declarant_name"] input',
        },
        {
            content: "Child's name",
            trigger: '.o_field_widget[name="person_name"] input',
            run: "edit Nguyễn Thị Từ Hồ Sơ",
        },
        {
            content: "Open the sex list",
            trigger: '.o_field_widget[name="person_sex"] .o_select_menu_toggler',
            run: "click",
        },
        {
            content: "Female",
            trigger: '.o_select_menu_item:contains("Female")',
            run: "click",
        },
        {
            content: "The sex is taken (before the date picker opens)",
            trigger: '.o_field_widget[name="person_sex"] input.o_select_menu_toggler:value("Female")',
        },
        {
            content: "Date of birth",
            trigger: '.o_field_widget[name="person_birth_date"] input',
            run: `edit ${birthDate.toFormat("MM/dd/yyyy")}`,
        },
        {
            content: "Mother's name",
            trigger: '.o_field_widget[name="mother_name"] input',
            run: "edit Trần Thị Mẹ Hồ Sơ",
        },
        {
            content: "Register the birth",
            trigger: '.o_form_view button[name="action_register"]',
            run: "click",
        },
        {
            content: "The entry has its number in the register book",
            trigger: '.o_field_widget[name="entry_ref"]:contains("/")',
        },
        {
            content: "Print the extract",
            trigger: '.o_form_view button[name="action_print_extract"]',
            run: "click",
        },
        {
            content: "The entry shows one printed copy",
            trigger: '.o_field_widget[name="print_count"]:contains("1")',
        },
    ],
});
