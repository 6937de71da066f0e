from odoo import api, fields, models

ACTIONS = [
    ("supplement", "Request a supplement"),
    ("refuse", "Refuse"),
    ("withdraw", "Withdraw"),
    ("transfer", "Transfer"),
    ("apology", "Apologise for a late dossier"),
    ("change_due", "Change the appointment"),
    ("handover", "Hand over"),
]


class MotcuaDossierActionWizard(models.TransientModel):
    """Asks the reason (and the unit or the date) of a dossier action, then runs it."""

    _name = "motcua.dossier.action.wizard"
    _description = "Dossier action"

    dossier_id = fields.Many2one("motcua.dossier", required=True, ondelete="cascade")
    action = fields.Selection(ACTIONS, required=True)
    reason = fields.Text()
    contact = fields.Char(string="Contact person", help="Whom the applicant contacts about the supplement.")
    unit_id = fields.Many2one("motcua.unit", string="Transfer to")
    new_due_at = fields.Datetime(string="New appointment")
    current_due_at = fields.Datetime(related="dossier_id.due_at", string="Current appointment")

    @api.onchange("action")
    def _onchange_action(self):
        if self.action == "supplement" and not self.contact:
            self.contact = self.env.user.name

    def action_confirm(self):
        self.ensure_one()
        dossier = self.dossier_id
        if self.action == "supplement":
            dossier.action_request_supplement(self.reason, self.contact)
            return self.env.ref("motcua_dossier.action_report_dossier_supplement").report_action(dossier)
        if self.action == "refuse":
            dossier.action_refuse(self.reason)
            return self.env.ref("motcua_dossier.action_report_dossier_refusal").report_action(dossier)
        if self.action == "withdraw":
            dossier.action_withdraw(self.reason)
        elif self.action == "transfer":
            dossier.action_transfer(self.unit_id, self.reason)
        elif self.action == "apology":
            dossier.action_apologize(self.reason, self.new_due_at)
            return self.env.ref("motcua_dossier.action_report_dossier_apology").report_action(dossier)
        elif self.action == "change_due":
            dossier.action_change_due(self.new_due_at, self.reason)
        elif self.action == "handover":
            dossier.action_handover(self.reason)
        return {"type": "ir.actions.act_window_close"}
