from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError


class MotcuaApiCall(models.Model):
    """One call of the partner API: who (partner and key, when authenticated), which route, the
    answer's status. Written by the system only; read by administrators; kept
    ``motcua_partner_api.call_log_days`` days (365 by default)."""

    _name = "motcua.api.call"
    _description = "Partner API call"
    _order = "id desc"
    _log_access = False

    date = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now, index=True)
    partner_id = fields.Many2one("motcua.api.partner", readonly=True, index=True, ondelete="cascade")
    key_id = fields.Many2one("motcua.api.key", readonly=True, ondelete="set null")
    endpoint = fields.Char(required=True, readonly=True, help="The route, as the OpenAPI file names it.")
    method = fields.Char(required=True, readonly=True)
    status = fields.Integer(required=True, readonly=True, help="The HTTP status of the answer.")
    client = fields.Char(readonly=True, help="The caller's address.")

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(self.env._("The API call log is written by the system only."))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            raise AccessError(self.env._("The API call log cannot be changed."))
        return super().write(vals)

    @api.model
    @api.private
    def _motcua_log(self, key, endpoint, method, status, client):
        self.sudo().create(
            {
                "partner_id": key.partner_id.id,
                "key_id": key.id,
                "endpoint": endpoint[:256],
                "method": method[:16],
                "status": status,
                "client": (client or "")[:128],
            }
        )

    @api.autovacuum
    def _gc_calls(self):
        try:
            days = int(self.env["ir.config_parameter"].sudo().get_param("motcua_partner_api.call_log_days", 365))
        except ValueError:
            days = 365
        self.sudo().search([("date", "<", fields.Datetime.now() - timedelta(days=max(days, 1)))]).unlink()
