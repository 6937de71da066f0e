from odoo import api, models

from .motcua_api_partner import BUCKET


class MotcuaRateLimit(models.Model):
    """The limiter of motcua_base, with one bucket per partner system (``partner_api:<id>``): every
    call counts, up to the partner's rate limit per minute."""

    _inherit = "motcua.rate.limit"

    @api.model
    @api.private
    def _settings(self, bucket):
        prefix, _sep, partner_id = (bucket or "").partition(":")
        if prefix != BUCKET or not partner_id.isdigit():
            return super()._settings(bucket)
        partner = self.env["motcua.api.partner"].sudo().browse(int(partner_id)).exists()
        return (partner.rate_limit if partner else 0), 1
