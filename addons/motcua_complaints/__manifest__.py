{
    "name": "MotCua Complaints and Denunciations",
    "summary": "Citizen reception, complaints, denunciations and proposals with statutory "
    "deadlines, denouncer identity protection and online submission",
    "version": "19.0.1.1.0",
    "category": "Services",
    "website": "https://github.com/motcua/motcua",
    "author": "MotCua contributors",
    "license": "LGPL-3",
    "depends": ["mail", "portal", "website", "motcua_base"],
    "data": [
        "security/motcua_complaints_groups.xml",
        "security/ir.model.access.csv",
        "security/motcua_complaint_petition_security.xml",
        "security/motcua_complaint_reception_security.xml",
        "data/motcua_complaint_rule_data.xml",
        "data/ir_cron_data.xml",
        "views/motcua_complaint_rule_views.xml",
        "views/motcua_complaint_petition_views.xml",
        "views/motcua_complaint_extension_views.xml",
        "views/motcua_access_log_views.xml",
        "views/motcua_complaint_reception_views.xml",
        "views/motcua_complaint_schedule_views.xml",
        "views/motcua_complaint_templates.xml",
        "views/motcua_complaint_portal_templates.xml",
        "views/motcua_complaints_menus.xml",
        "report/motcua_complaint_petition_report.xml",
    ],
    "demo": [
        "demo/motcua_complaints_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "motcua_complaints/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
