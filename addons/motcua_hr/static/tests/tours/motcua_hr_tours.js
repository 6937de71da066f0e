import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

registry.category("web_tour.tours").add("motcua_hr_officer_step_increase", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Civil Servants app",
            trigger: '.o_app[data-menu-xmlid="motcua_hr.menu_motcua_hr_root"]',
            run: "click",
        },
        {
            content: "Open the staff list",
            trigger: 'button[data-menu-xmlid="motcua_hr.menu_motcua_hr_staff"], a[data-menu-xmlid="motcua_hr.menu_motcua_hr_staff"]',
            run: "click",
        },
        {
            content: "Open the employee",
            trigger: '.o_list_view .o_data_row td:contains("Tour Employee")',
            run: "click",
        },
        {
            content: "Open the civil-service tab",
            trigger: 'a.nav-link:contains("Civil service")',
            run: "click",
        },
        {
            content: "The coefficient of step 3 of A1 is shown",
            trigger: 'div[name="motcua_coefficient"]:contains("3.00")',
        },
        {
            content: "Open the career history",
            trigger: 'button[name="action_motcua_history"]',
            run: "click",
        },
        {
            content: "Record a new event",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Open the list of events",
            trigger: 'div[name="kind"] .o_select_menu_toggler',
            run: "click",
        },
        {
            content: "A step increase",
            trigger: '.o_select_menu_item:contains("Step increase")',
            run: "click",
        },
        {
            content: "To step 4",
            trigger: 'div[name="step"] input',
            run: "edit 4",
        },
        {
            content: "Decision number",
            trigger: 'div[name="decision_number"] input',
            run: "edit 99/QĐ-UBND",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The new coefficient is recorded",
            trigger: 'div[name="coefficient"]:contains("3.33")',
        },
        {
            content: "Saved: the event can no longer be changed",
            trigger: 'div[name="step"] span:contains("4")',
        },
        {
            content: "Open Reporting",
            trigger: 'button[data-menu-xmlid="motcua_hr.menu_motcua_hr_reporting"]',
            run: "click",
        },
        {
            content: "Open the headcount",
            trigger: '.dropdown-item[data-menu-xmlid="motcua_hr.menu_motcua_hr_headcount"]',
            run: "click",
        },
        {
            content: "The pivot counts the staff of the officer's unit",
            trigger: '.o_pivot .o_pivot_header_cell_closed:contains("Commune A")',
        },
    ],
});

registry.category("web_tour.tours").add("motcua_hr_my_record", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Civil Servants app",
            trigger: '.o_app[data-menu-xmlid="motcua_hr.menu_motcua_hr_root"]',
            run: "click",
        },
        {
            content: "My salary is shown",
            trigger: 'div[name="motcua_hr_salary"]:contains("7,020,000")',
        },
        {
            content: "My training is listed",
            trigger: 'div[name="motcua_hr_history_ids"] td:contains("Tour training course")',
        },
    ],
});
