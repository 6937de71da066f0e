{
    "name": "MotCua Decision 766 Indicators",
    "summary": "The indicator set of Decision 766/QĐ-TTg per unit and month: dated rule data, stored figures, "
    "the leaders' ranking and trend, drill-down to the dossiers, the public page",
    "version": "19.0.1.0.0",
    "category": "Services",
    "website": "https://github.com/motcua/motcua",
    "author": "MotCua contributors",
    "license": "LGPL-3",
    "depends": ["motcua_dossier", "motcua_digitisation", "motcua_payment", "motcua_rating"],
    "data": [
        "security/ir.model.access.csv",
        "security/motcua_indicators_security.xml",
        "data/motcua_indicator_data.xml",
        "data/motcua_indicator_service_data.xml",
        "data/ir_cron_data.xml",
        "views/motcua_indicator_views.xml",
        "views/motcua_indicator_value_views.xml",
        "views/res_config_settings_views.xml",
        "views/motcua_indicators_templates.xml",
        "views/motcua_indicators_menus.xml",
    ],
    "demo": [
        "demo/motcua_indicators_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "motcua_indicators/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
