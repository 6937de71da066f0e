import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

registry.category("web_tour.tours").add("motcua_base_import_units", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the One-stop app",
            trigger: '.o_app[data-menu-xmlid="motcua_base.menu_one_stop_root"]',
            run: "click",
        },
        {
            content: "Open Configuration",
            trigger: 'button[data-menu-xmlid="motcua_base.menu_one_stop_config"]',
            run: "click",
        },
        {
            content: "Import official units",
            trigger: '.dropdown-item[data-menu-xmlid="motcua_base.menu_motcua_unit_import"]',
            run: "click",
        },
        {
            content: "Open the list of provinces",
            trigger: '.modal div[name="province_code"] .o_select_menu_toggler',
            run: "click",
        },
        {
            content: "Pick Hà Nội",
            trigger: '.o_select_menu_item:contains("Thành phố Hà Nội")',
            run: "click",
        },
        {
            content: "Import",
            trigger: '.modal button[name="action_import"]',
            run: "click",
        },
        {
            content: "The province and its wards are listed",
            trigger: '.o_list_view .o_data_row td:contains("Thành phố Hà Nội / ")',
        },
    ],
});
