from odoo import api, fields, models


class MotcuaPaymentRecordWizard(models.TransientModel):
    """The desk records a payment received in cash or seen on the unit's bank account."""

    _name = "motcua.payment.record.wizard"
    _description = "Record a payment at the desk"

    dossier_id = fields.Many2one("motcua.dossier", required=True, readonly=True, ondelete="cascade")
    obligation_id = fields.Many2one(
        "motcua.dossier.obligation",
        string="Financial obligation",
        domain="[('dossier_id', '=', dossier_id), ('state', '=', 'waiting')]",
        help="Leave empty to record the fees and charges of the dossier.",
    )
    method = fields.Selection([("cash", "Cash"), ("transfer", "Bank transfer")], required=True, default="cash")
    amount = fields.Integer(string="Amount (VND)", compute="_compute_amount")
    note = fields.Char(help="Number of the receipt, or reference of the bank transfer.")

    @api.depends("dossier_id", "obligation_id")
    def _compute_amount(self):
        for wizard in self:
            if wizard.obligation_id:
                wizard.amount = wizard.obligation_id.amount
            else:
                wizard.amount = wizard.dossier_id.amount_total

    def action_confirm(self):
        self.ensure_one()
        self.dossier_id.action_record_payment(self.method, note=self.note, obligation=self.obligation_id)
        return {"type": "ir.actions.act_window_close"}
