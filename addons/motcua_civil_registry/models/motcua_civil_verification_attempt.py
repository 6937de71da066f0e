from datetime import timedelta

from odoo import api, fields, models


class MotcuaCivilVerificationAttempt(models.Model):
    """One look-up of the public verification page, kept to rate-limit it per address."""

    _name = "motcua.civil.verification.attempt"
    _description = "Civil-status verification attempt"
    _order = "id desc"

    ip_address = fields.Char(required=True, index=True, readonly=True)

    @api.model
    @api.private
    def _register_attempt(self, ip_address):
        """Record an attempt from ``ip_address``; False when the address went over the limit."""
        params = self.env["ir.config_parameter"].sudo()
        limit = int(params.get_param("motcua_civil_registry.verify_rate_limit", 20))
        window = int(params.get_param("motcua_civil_registry.verify_rate_window_minutes", 10))
        since = fields.Datetime.now() - timedelta(minutes=window)
        recent = self.sudo().search_count([("ip_address", "=", ip_address), ("create_date", ">=", since)])
        if recent >= limit:
            return False
        self.sudo().create({"ip_address": ip_address})
        return True

    @api.autovacuum
    def _gc_attempts(self):
        self.sudo().search([("create_date", "<", fields.Datetime.now() - timedelta(days=1))]).unlink()
