from odoo import fields, models

VERIFIED_PARAM = "motcua_indicators.verified"


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    motcua_indicators_verified = fields.Boolean(
        string="Indicator rules verified",
        config_parameter=VERIFIED_PARAM,
        help="Tick once the points and formulas of the indicators were checked against the text of "
        "Decision 766/QĐ-TTg: until then the public page says its figures are provisional.",
    )
