{
    "name": "MotCua Satisfaction Ratings",
    "summary": "Citizens rate the service of a returned dossier (portal, link and QR code on a slip, SMS, "
    "kiosk at the desk); ratings per unit, procedure and officer; satisfaction rate on the "
    "transparency page",
    "version": "19.0.1.0.0",
    "category": "Services",
    "website": "https://github.com/motcua/motcua",
    "author": "MotCua contributors",
    "license": "LGPL-3",
    "depends": ["rating", "motcua_dossier"],
    "data": [
        "security/ir.model.access.csv",
        "security/motcua_rating_security.xml",
        "data/motcua_rating_reason_data.xml",
        "data/mail_template_data.xml",
        "report/motcua_rating_reports.xml",
        "report/motcua_rating_report_templates.xml",
        "views/motcua_rating_reason_views.xml",
        "views/rating_rating_views.xml",
        "views/motcua_dossier_views.xml",
        "views/motcua_rating_templates.xml",
        "views/motcua_rating_menus.xml",
    ],
    "demo": [
        "demo/motcua_rating_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "motcua_rating/static/tests/tours/*.js",
        ],
    },
    "post_init_hook": "post_init_hook",
    "installable": True,
}
