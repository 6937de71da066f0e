{
    "name": "MotCua National Portal Sync",
    "summary": "Synchronisation of the dossiers with the National Public Service Portal (DVCQG): an outbox "
    "sent in order, exactly once per key, and the national code mappings",
    "version": "19.0.1.0.0",
    "category": "Services",
    "website": "https://github.com/motcua/motcua",
    "author": "MotCua contributors",
    "license": "LGPL-3",
    "depends": ["motcua_dossier"],
    "external_dependencies": {"python": ["requests"]},
    "data": [
        "security/ir.model.access.csv",
        "security/motcua_dvcqg_security.xml",
        "data/ir_config_parameter_data.xml",
        "data/ir_cron_data.xml",
        "data/motcua_dvcqg_status_map_data.xml",
        "wizard/motcua_dvcqg_catalogue_import_views.xml",
        "views/motcua_dvcqg_message_views.xml",
        "views/motcua_dvcqg_mapping_views.xml",
        "views/motcua_dossier_views.xml",
        "views/res_config_settings_views.xml",
        "views/motcua_dvcqg_menus.xml",
    ],
    "demo": [
        "demo/motcua_dvcqg_demo.xml",
    ],
    "installable": True,
}
