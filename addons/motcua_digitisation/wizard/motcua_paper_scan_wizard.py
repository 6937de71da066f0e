import base64

from odoo import fields, models
from odoo.exceptions import ValidationError

from odoo.addons.motcua_base.tools import check_file_content

SCAN_KINDS = {"pdf", "jpg", "jpeg", "png"}


class MotcuaPaperScanWizard(models.TransientModel):
    _name = "motcua.paper.scan.wizard"
    _description = "Attach the scan of a paper"

    paper_id = fields.Many2one("motcua.dossier.paper", required=True, readonly=True)
    file = fields.Binary(string="Scan", required=True, help="PDF, JPEG or PNG.")
    file_name = fields.Char()
    valid_until = fields.Date(help="Leave empty when the paper does not expire; an expired paper is not reused.")

    def action_attach(self):
        self.ensure_one()
        raw = base64.b64decode(self.file or b"")
        if not raw:
            raise ValidationError(self.env._("Choose the scanned file."))
        check_file_content(self.env, raw, self.file_name or "", allowed=SCAN_KINDS)
        self.paper_id._motcua_attach_scan(raw, self.file_name, valid_until=self.valid_until)
        return {"type": "ir.actions.act_window_close"}
