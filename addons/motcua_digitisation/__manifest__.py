{
    "name": "MotCua Digitisation",
    "summary": "Scans of the papers received at the desk, signed electronic results with a public "
    "verification page, and the citizen's store of digitised papers (Decree 45/2020, 107/2021)",
    "version": "19.0.1.0.0",
    "category": "Services",
    "website": "https://github.com/motcua/motcua",
    "author": "MotCua contributors",
    "license": "LGPL-3",
    "depends": ["motcua_dossier", "motcua_documents"],
    "data": [
        "security/ir.model.access.csv",
        "security/motcua_citizen_paper_security.xml",
        "data/ir_cron_data.xml",
        "report/motcua_eresult_reports.xml",
        "wizard/motcua_paper_scan_wizard_views.xml",
        "wizard/motcua_eresult_wizard_views.xml",
        "views/motcua_citizen_paper_views.xml",
        "views/motcua_dossier_views.xml",
        "views/motcua_unit_views.xml",
        "views/motcua_eresult_templates.xml",
        "views/motcua_dossier_portal_templates.xml",
    ],
    "demo": [
        "demo/motcua_digitisation_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "motcua_digitisation/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
