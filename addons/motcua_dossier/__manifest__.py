{
    "name": "MotCua Dossiers",
    "summary": "One-stop dossiers: procedures, intake at the desk, processing steps, deadlines, "
    "printed forms, notifications and statistics",
    "version": "19.0.1.2.0",
    "category": "Services",
    "website": "https://github.com/motcua/motcua",
    "author": "MotCua contributors",
    "license": "LGPL-3",
    "depends": ["mail", "portal", "sms", "website", "motcua_base"],
    "external_dependencies": {"python": ["requests"]},
    "data": [
        "security/ir.model.access.csv",
        "security/motcua_dossier_security.xml",
        "data/ir_config_parameter_data.xml",
        "data/ir_cron_data.xml",
        "report/motcua_dossier_reports.xml",
        "report/motcua_dossier_report_templates.xml",
        "data/mail_template_data.xml",
        "data/motcua_procedure_field_data.xml",
        "wizard/motcua_dossier_action_wizard_views.xml",
        "wizard/motcua_dossier_register_wizard_views.xml",
        "views/motcua_unit_views.xml",
        "views/motcua_procedure_views.xml",
        "views/motcua_dossier_views.xml",
        "views/res_config_settings_views.xml",
        "views/motcua_dossier_statistics_views.xml",
        "views/motcua_dossier_home_views.xml",
        "views/motcua_public_views.xml",
        "views/motcua_dossier_templates.xml",
        "views/motcua_dossier_portal_templates.xml",
        "views/motcua_dossier_menus.xml",
    ],
    "demo": [
        "demo/website_lang_demo.xml",
        "demo/motcua_procedure_demo.xml",
        "demo/motcua_dossier_demo.xml",
        "demo/res_users_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "motcua_dossier/static/src/js/*.js",
        ],
        # the pivot view is lazy-loaded: its patch goes with it
        "web.assets_backend_lazy": [
            "motcua_dossier/static/src/views/*.js",
        ],
        "web.assets_tests": [
            "motcua_dossier/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
