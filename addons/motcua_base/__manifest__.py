{
    "name": "MotCua Base",
    "summary": "Administrative units, one-stop roles, working-day calendar, "
    "shared validators and helpers of the MotCua suite",
    "version": "19.0.1.0.0",
    "category": "Services",
    "website": "https://github.com/motcua/motcua",
    "author": "MotCua contributors",
    "license": "LGPL-3",
    "depends": ["mail", "resource", "website"],
    "external_dependencies": {
        "python": ["holidays", "vietnam_provinces", "phonenumbers", "qrcode"],
    },
    "data": [
        "security/motcua_base_groups.xml",
        "security/ir.model.access.csv",
        "security/motcua_base_security.xml",
        "data/resource_calendar_data.xml",
        "data/ir_cron_data.xml",
        "views/motcua_unit_views.xml",
        "views/motcua_working_day_views.xml",
        "views/motcua_sequence_counter_views.xml",
        "views/res_users_views.xml",
        "wizard/motcua_unit_import_views.xml",
        "views/motcua_base_menus.xml",
    ],
    "demo": [
        "demo/res_company_demo.xml",
        "demo/motcua_unit_demo.xml",
        "demo/res_users_demo.xml",
    ],
    "assets": {
        "web.assets_tests": ["motcua_base/static/tests/tours/*.js"],
    },
    "application": True,
    "installable": True,
}
