import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

const birthDate = luxon.DateTime.now().minus({ days: 5 });

registry.category("web_tour.tours").add("motcua_civil_registry_birth", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Civil status app",
            trigger: '.o_app[data-menu-xmlid="motcua_civil_registry.menu_civil_root"]',
            run: "click",
        },
        {
            content: "New declaration",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Child's name",
            trigger: '.o_field_widget[name="person_name"] input',
            run: "edit Lê Thị Tour",
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
            run: "edit Võ Thị Mẹ Tour",
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
