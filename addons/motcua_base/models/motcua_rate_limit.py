from datetime import timedelta

from odoo import api, fields, models


class MotcuaRateLimit(models.Model):
    """Failed attempts on public routes (dossier lookup, verification pages, APIs), per route
    and client address, so that guessing codes gets slow.

    A controller calls ``_is_limited(bucket, client)`` before answering and ``_record_failure``
    when the code or key was wrong; the limit is ``motcua.rate_limit.<bucket>.limit`` failures per
    ``motcua.rate_limit.<bucket>.minutes`` (system parameters; 10 per 10 minutes by default).
    Rows are kept a day, then purged.
    """

    _name = "motcua.rate.limit"
    _description = "Failed public attempt"
    _log_access = False
    _order = "id desc"

    bucket = fields.Char(required=True, help="What was attempted, e.g. dossier_lookup.")
    client = fields.Char(required=True, help="The client's address.")
    date = fields.Datetime(required=True, default=fields.Datetime.now)

    _bucket_client_date_idx = models.Index("(bucket, client, date)")

    @api.model
    @api.private
    def _settings(self, bucket):
        params = self.env["ir.config_parameter"].sudo()
        limit = int(params.get_param(f"motcua.rate_limit.{bucket}.limit", 10))
        minutes = int(params.get_param(f"motcua.rate_limit.{bucket}.minutes", 10))
        return limit, minutes

    @api.model
    @api.private
    def _is_limited(self, bucket, client):
        """True when ``client`` failed ``bucket`` too often within the window."""
        limit, minutes = self._settings(bucket)
        since = fields.Datetime.now() - timedelta(minutes=minutes)
        return self.sudo().search_count(
            [("bucket", "=", bucket), ("client", "=", client or ""), ("date", ">=", since)], limit=limit,
        ) >= limit

    @api.model
    @api.private
    def _record_failure(self, bucket, client):
        self.sudo().create({"bucket": bucket, "client": client or ""})

    @api.model
    def _cron_purge(self):
        self.sudo().search([("date", "<", fields.Datetime.now() - timedelta(days=1))]).unlink()
