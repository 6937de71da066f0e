from odoo import api, fields, models

from .motcua_document_mixin import SECRECY_LEVELS

DOCUMENT_MODELS = ("motcua.incoming.document", "motcua.outgoing.document")


class MotcuaAccessLog(models.Model):
    _inherit = "motcua.access.log"

    # set once, when the entry is written: the level of the document when it was read
    secrecy = fields.Selection(SECRECY_LEVELS, compute="_compute_secrecy", store=True, readonly=True)

    @api.depends("res_model", "res_id")
    def _compute_secrecy(self):
        for entry in self:
            document = (
                self.env[entry.res_model].sudo().browse(entry.res_id).exists()
                if entry.res_model in DOCUMENT_MODELS
                else None
            )
            entry.secrecy = document.secrecy if document else False
