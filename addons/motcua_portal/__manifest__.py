{
    "name": "MotCua Unit Websites",
    "summary": "The provincial portal and a light website for every unit: news with a review step, "
    "contacts, procedures, on-time rates, reception schedule, feeds and structured data",
    "version": "19.0.1.0.0",
    "category": "Website",
    "website": "https://github.com/motcua/motcua",
    "author": "MotCua contributors",
    "license": "LGPL-3",
    "depends": ["website", "website_blog", "motcua_dossier", "motcua_complaints", "motcua_documents"],
    "data": [
        "security/motcua_portal_groups.xml",
        "security/ir.model.access.csv",
        "security/motcua_portal_security.xml",
        "views/motcua_unit_views.xml",
        "views/blog_post_views.xml",
        "views/motcua_portal_templates.xml",
        "views/motcua_portal_menus.xml",
    ],
    "demo": [
        "demo/motcua_portal_demo.xml",
    ],
    "assets": {
        "web.assets_tests": ["motcua_portal/static/tests/tours/*.js"],
    },
    "installable": True,
}
