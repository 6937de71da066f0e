import base64

from odoo import fields, models


class MotcuaEresultWizard(models.TransientModel):
    _name = "motcua.eresult.wizard"
    _description = "Issue the electronic result"

    dossier_id = fields.Many2one("motcua.dossier", required=True, readonly=True)
    file = fields.Binary(string="Result PDF", help="The signed-off result; empty: the printed result document.")
    file_name = fields.Char()

    def action_issue(self):
        self.ensure_one()
        self.dossier_id._motcua_issue_eresult(base64.b64decode(self.file) if self.file else None, self.file_name)
        return {"type": "ir.actions.act_window_close"}
