from odoo import fields, models

from ..models.motcua_dossier_obligation import OBLIGATION_KINDS


class MotcuaObligationWizard(models.TransientModel):
    """The handler records the financial obligation the applicant must settle."""

    _name = "motcua.obligation.wizard"
    _description = "Wait for a financial obligation"

    dossier_id = fields.Many2one("motcua.dossier", required=True, readonly=True, ondelete="cascade")
    kind = fields.Selection(OBLIGATION_KINDS, required=True, default="tax")
    amount = fields.Integer(string="Amount (VND)", required=True)
    notice = fields.Char(required=True, help="The notice the applicant received: its number, date and the authority.")

    def action_confirm(self):
        self.ensure_one()
        self.dossier_id.action_request_obligation(self.kind, self.amount, self.notice)
        return {"type": "ir.actions.act_window_close"}
