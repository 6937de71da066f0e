{
    "name": "MotCua Fee Payment",
    "summary": "Fees and charges of a dossier paid online (Odoo's payment framework) or at the desk, "
    "refunds on refusal, and the clock paused while the citizen settles a financial obligation",
    "version": "19.0.1.0.0",
    "category": "Services",
    "website": "https://github.com/motcua/motcua",
    "author": "MotCua contributors",
    "license": "LGPL-3",
    # payment_custom: the desk's provider (cash, bank transfer) is a manual provider of Odoo's own.
    # payment_demo: the test provider every test and the demo database pay with (see CONFIGURE.md);
    # a production database disables it and enables the province's provider module instead.
    "depends": ["payment", "payment_custom", "payment_demo", "motcua_dossier"],
    "data": [
        "security/ir.model.access.csv",
        "security/motcua_payment_security.xml",
        "data/res_currency_data.xml",
        "data/payment_provider_data.xml",
        "wizard/motcua_payment_record_wizard_views.xml",
        "wizard/motcua_obligation_wizard_views.xml",
        "views/motcua_procedure_views.xml",
        "views/motcua_dossier_views.xml",
        "views/motcua_payment_templates.xml",
    ],
    "demo": [
        "demo/motcua_payment_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "motcua_payment/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
