from datetime import timedelta

from odoo import api, fields, models


class MotcuaComplaintLookupAttempt(models.Model):
    """Attempts of the public petition lookup, to limit their rate per client address."""

    _name = "motcua.complaint.lookup.attempt"
    _description = "Public lookup attempt"
    _log_access = False

    ip = fields.Char(required=True, index=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)

    @api.model
    @api.private
    def _register_attempt(self, ip):
        """Record an attempt from ``ip``; return False when it exceeds the allowed rate."""
        params = self.env["ir.config_parameter"].sudo()
        limit = int(params.get_param("motcua_complaints.lookup_limit", 10))
        minutes = int(params.get_param("motcua_complaints.lookup_window_minutes", 10))
        now = fields.Datetime.now()
        attempts = self.sudo()
        attempts.search([("date", "<", now - timedelta(days=1))]).unlink()
        recent = attempts.search_count([("ip", "=", ip), ("date", ">=", now - timedelta(minutes=minutes))])
        if recent >= limit:
            return False
        attempts.create({"ip": ip, "date": now})
        return True
