{
    "name": "MotCua Partner API",
    "summary": "Read-only API for partner systems: per-partner keys with scopes and rate limits, "
    "procedures, public dossier status and verification of civil-status extracts",
    "version": "19.0.1.0.0",
    "category": "Services",
    "website": "https://github.com/motcua/motcua",
    "author": "MotCua contributors",
    "license": "LGPL-3",
    "depends": ["motcua_base", "motcua_dossier", "motcua_civil_registry", "motcua_digitisation"],
    "data": [
        "security/ir.model.access.csv",
        "data/motcua_api_scope_data.xml",
        "views/motcua_api_partner_views.xml",
        "views/motcua_partner_api_menus.xml",
    ],
    "demo": ["demo/motcua_api_partner_demo.xml"],
    "installable": True,
}
