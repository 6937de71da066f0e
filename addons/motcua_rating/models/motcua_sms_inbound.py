from odoo import fields, models


class MotcuaSmsInbound(models.Model):
    _inherit = "motcua.sms.inbound"

    result = fields.Selection(
        selection_add=[("rated", "Rating recorded"), ("rating_refused", "Rating refused")],
        ondelete={"rated": "set null", "rating_refused": "set null"},
    )
