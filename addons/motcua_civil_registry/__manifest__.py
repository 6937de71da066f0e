{
    "name": "MotCua Civil Status Registry",
    "summary": "Civil-status registration (hộ tịch): citizens, events, register books, "
    "certificates and extracts with public verification",
    "version": "19.0.1.0.0",
    "category": "Services",
    "website": "https://github.com/motcua/motcua",
    "author": "MotCua contributors",
    "license": "LGPL-3",
    "depends": ["motcua_base", "motcua_dossier", "mail", "website", "portal"],
    "data": [
        "security/motcua_civil_registry_groups.xml",
        "security/ir.model.access.csv",
        "security/motcua_civil_event_security.xml",
        "data/ir_config_parameter_data.xml",
        "report/motcua_civil_report_templates.xml",
        "report/motcua_civil_reports.xml",
        "views/res_partner_views.xml",
        "views/motcua_civil_book_views.xml",
        "views/motcua_civil_event_views.xml",
        "views/motcua_civil_event_templates.xml",
        "views/motcua_dossier_views.xml",
        "views/motcua_civil_registry_menus.xml",
    ],
    "demo": [
        "demo/motcua_civil_registry_demo.xml",
    ],
    "assets": {
        "web.assets_tests": ["motcua_civil_registry/static/tests/tours/*.js"],
    },
    "application": True,
    "installable": True,
}
