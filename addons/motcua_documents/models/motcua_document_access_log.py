from odoo import fields, models

from .motcua_document_mixin import SECRECY_LEVELS


class MotcuaDocumentAccessLog(models.Model):
    """Who read which secret document, and when (written with sudo, never edited)."""

    _name = "motcua.document.access.log"
    _description = "Secret document access log"
    _order = "date desc, id desc"
    _rec_name = "document_name"

    user_id = fields.Many2one("res.users", required=True, readonly=True, index=True, ondelete="restrict")
    date = fields.Datetime(default=fields.Datetime.now, required=True, readonly=True)
    res_model = fields.Char(string="Model", required=True, readonly=True)
    res_id = fields.Many2oneReference(string="Record ID", model_field="res_model", required=True, readonly=True)
    document_name = fields.Char(string="Document", readonly=True)
    secrecy = fields.Selection(SECRECY_LEVELS, readonly=True)
