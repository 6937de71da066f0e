from datetime import timedelta

from odoo import api, fields, models


class MotcuaPublicAttempt(models.Model):
    """Failed attempts on the public dossier routes (lookup page, APIs, SMS), per client.

    ``_is_limited`` is checked before answering and ``_record_failure`` called when a code or
    key was wrong: after ``motcua_dossier.rate_limit`` failures (10 by default) within
    ``motcua_dossier.rate_limit_minutes`` (10) the client gets HTTP 429. Rows older than a day
    are purged by a scheduled action.
    """

    _name = "motcua.public.attempt"
    _description = "Failed public dossier lookup"
    _log_access = False
    _order = "id desc"

    bucket = fields.Char(required=True)
    client = fields.Char(required=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now)

    _bucket_client_date_idx = models.Index("(client, date)")

    @api.model
    @api.private
    def _settings(self):
        params = self.env["ir.config_parameter"].sudo()
        return (int(params.get_param("motcua_dossier.rate_limit", 10)),
                int(params.get_param("motcua_dossier.rate_limit_minutes", 10)))

    @api.model
    @api.private
    def _is_limited(self, client):
        """True when ``client`` failed too often within the window (all public routes together)."""
        limit, minutes = self._settings()
        since = fields.Datetime.now() - timedelta(minutes=minutes)
        return self.sudo().search_count([("client", "=", client or ""), ("date", ">=", since)], limit=limit) >= limit

    @api.model
    @api.private
    def _record_failure(self, bucket, client):
        self.sudo().create({"bucket": bucket, "client": client or ""})

    @api.model
    def _cron_purge(self):
        self.sudo().search([("date", "<", fields.Datetime.now() - timedelta(days=1))]).unlink()
