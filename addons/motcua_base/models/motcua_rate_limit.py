import contextlib
import zlib
from datetime import timedelta

from odoo import api, fields, models
from odoo.modules import module
from odoo.tools import config

# namespace of the advisory locks of the limiter (first key of pg_advisory_xact_lock(int, int))
LOCK_NAMESPACE = 0x4D43  # "MC"


def client_address(httprequest):
    """The address of the client that sent ``httprequest``, for counting attempts.

    Without ``proxy_mode`` the socket peer is the client and ``X-Forwarded-For`` is ignored
    (anyone can send it). With ``proxy_mode`` Odoo runs werkzeug's ProxyFix (one trusted hop)
    when the proxy sets ``X-Forwarded-Host``; when the proxy only sets ``X-Forwarded-For``,
    take the entry the proxy appended (the last one), as ProxyFix would.
    """
    remote = httprequest.remote_addr or ""
    if not config.get("proxy_mode"):
        return remote
    environ = httprequest.environ
    if environ.get("HTTP_X_FORWARDED_HOST"):
        return remote  # ProxyFix already put the real client in remote_addr
    forwarded = [part.strip() for part in (environ.get("HTTP_X_FORWARDED_FOR") or "").split(",") if part.strip()]
    return forwarded[-1] if forwarded else remote


def _lock_key(bucket, client):
    """Second key of the advisory lock that serialises the attempts of ``client`` on ``bucket``."""
    return zlib.crc32(f"{bucket}\x00{client}".encode()) - 2**31


class MotcuaRateLimit(models.Model):
    """Attempts on public routes (dossier lookup, verification pages, APIs), per route and
    client address, so that guessing codes gets slow.

    A controller calls ``attempt = _attempt(bucket, client)`` before answering: it counts the
    attempt atomically (concurrent requests of one client are serialised on an advisory lock and
    counted in a transaction of their own, so a burst cannot pass the limit) and returns an empty
    recordset when the client is over the limit. When the code and key were right, the controller
    calls ``attempt._succeeded()``: only failures stay counted. A controller that can tell a right
    answer before counting (a cheap lookup) calls ``_allows(bucket, client)`` for it instead, and
    ``_attempt`` only for a wrong one: the same limit, without writing a row for every right answer. The limit is
    ``motcua.rate_limit.<bucket>.limit`` failures per ``motcua.rate_limit.<bucket>.minutes``
    (system parameters; 10 per 10 minutes by default). Rows are kept a day, then purged.
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
        try:
            limit = int(params.get_param(f"motcua.rate_limit.{bucket}.limit", 10))
            minutes = int(params.get_param(f"motcua.rate_limit.{bucket}.minutes", 10))
        except ValueError:
            limit, minutes = 10, 10
        return limit, minutes

    @api.model
    @api.private
    def _attempt(self, bucket, client):
        """Count one attempt of ``client`` on ``bucket``: the attempt (to release with
        ``_succeeded``), or an empty recordset when the client already failed too often."""
        limit, minutes = self._settings(bucket)
        client = (client or "")[:128]
        since = fields.Datetime.now() - timedelta(minutes=minutes)
        with self._counting_cursor() as cr:
            cr.execute("SELECT pg_advisory_xact_lock(%s, %s)", (LOCK_NAMESPACE, _lock_key(bucket, client)))
            cr.execute(
                "SELECT count(*) FROM motcua_rate_limit WHERE bucket = %s AND client = %s AND date >= %s",
                (bucket, client, since),
            )
            if cr.fetchone()[0] >= limit:
                return self.browse()
            cr.execute(
                "INSERT INTO motcua_rate_limit (bucket, client, date) VALUES (%s, %s, %s) RETURNING id",
                (bucket, client, fields.Datetime.now()),
            )
            attempt_id = cr.fetchone()[0]
        return self.browse(attempt_id)

    @api.model
    @api.private
    def _allows(self, bucket, client):
        """True when ``client`` may still be answered on ``bucket``: fewer failures than the limit in
        the window. For an answer found right before it is given (a right answer never counts as a
        failure): nothing is written, but the count waits for the attempts being counted
        (``_attempt``'s lock) and sees what they committed, so that a burst cannot get a right answer
        past the limit either. Cheaper than ``_attempt`` + ``_succeeded`` (no row written, then
        deleted) for the same answer."""
        limit, minutes = self._settings(bucket)
        client = (client or "")[:128]
        since = fields.Datetime.now() - timedelta(minutes=minutes)
        with self._counting_cursor() as cr:
            # two statements in one round trip: the count's snapshot is taken once the lock is held
            cr.execute(
                "SELECT pg_advisory_xact_lock(%s, %s); "
                "SELECT count(*) FROM motcua_rate_limit WHERE bucket = %s AND client = %s AND date >= %s",
                (LOCK_NAMESPACE, _lock_key(bucket, client), bucket, client, since),
            )
            return cr.fetchone()[0] < limit

    @api.model
    @api.private
    def _counting_cursor(self):
        """A transaction of its own, committed at once, whose statements see what concurrent
        attempts committed (READ COMMITTED): the count survives a rollback of the request and a
        burst of requests is counted one after the other. Tests count in their own transaction."""
        if module.current_test:
            return contextlib.nullcontext(self.env.cr)
        cr = self.env.registry.cursor()
        cr.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED")
        return cr

    @api.private
    def _succeeded(self):
        """The attempt was right: it no longer counts as a failure."""
        if self.ids:
            self.env.cr.execute("DELETE FROM motcua_rate_limit WHERE id IN %s", (tuple(self.ids),))
        self.invalidate_model()

    @api.model
    @api.private
    def _is_limited(self, bucket, client):
        """True when ``client`` failed ``bucket`` too often within the window.

        Not atomic with ``_record_failure`` (a burst of concurrent requests passes the check
        together): new code uses ``_attempt``.
        """
        limit, minutes = self._settings(bucket)
        since = fields.Datetime.now() - timedelta(minutes=minutes)
        return (
            self.sudo().search_count(
                [("bucket", "=", bucket), ("client", "=", client or ""), ("date", ">=", since)],
                limit=limit,
            )
            >= limit
        )

    @api.model
    @api.private
    def _record_failure(self, bucket, client):
        self.sudo().create({"bucket": bucket, "client": client or ""})

    @api.model
    def _cron_purge(self):
        self.sudo().search([("date", "<", fields.Datetime.now() - timedelta(days=1))]).unlink()
