import itertools
from datetime import date, datetime, timedelta

from odoo import api, fields, models, tools

from odoo.addons.motcua_base.tools import local_now, to_local

from .motcua_dossier_statistics import PERIODS, period_range

TRANSPARENCY = "transparency"
CRON = "motcua_dossier.ir_cron_public_figures"
DEBOUNCE = timedelta(minutes=1)
_TEMPLATE_TOKENS = itertools.count(1)


def _dump(value):
    """``value`` as JSON: records as their model and ids, dates in ISO format, the rest as is."""
    if isinstance(value, models.BaseModel):
        return {"__records__": value._name, "ids": list(value.ids)}
    if isinstance(value, datetime):
        return {"__datetime__": value.isoformat()}
    if isinstance(value, date):
        return {"__date__": value.isoformat()}
    if isinstance(value, dict):
        return {key: _dump(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_dump(item) for item in value]
    return value


def _load(env, value):
    """The inverse of ``_dump``: records come back as browse records (read only if used)."""
    if isinstance(value, dict):
        if "__records__" in value:
            return env[value["__records__"]].browse(value["ids"])
        if "__datetime__" in value:
            return datetime.fromisoformat(value["__datetime__"])
        if "__date__" in value:
            return date.fromisoformat(value["__date__"])
        return {key: _load(env, item) for key, item in value.items()}
    if isinstance(value, list):
        return [_load(env, item) for item in value]
    return value


class MotcuaPublicFigures(models.Model):
    """Figures published to anonymous visitors, kept ready: one row per page (``key``) holding what
    the figures functions returned at ``computed_at``. A frequent cron refreshes them (every few
    minutes, see Settings) and the dossier events that change them ask for an earlier refresh
    (one per minute at most); an anonymous request reads one row, whatever the number of dossiers."""

    _name = "motcua.public.figures"
    _description = "Published figures"
    _order = "key"

    key = fields.Char(required=True, index=True)
    computed_at = fields.Datetime(required=True)
    payload = fields.Json()

    _key_uniq = models.Constraint("UNIQUE(key)", "The published figures of a page are kept once.")

    # ------------------------------------------------------------------ what is published
    @api.model
    def _motcua_transparency_figures(self, today):
        """The figures of /cong-khai for the local day ``today``: every unit's figures of the month,
        quarter and year, as the leaders' report computes them (all dossiers, superuser)."""
        Statistics = self.env["motcua.dossier.statistics"].sudo()
        periods = []
        for period in PERIODS:
            date_from, date_to = period_range(period, today)
            periods.append(
                {
                    "key": period,
                    "date_from": date_from,
                    "date_to": date_to,
                    "lines": Statistics._motcua_unit_figures(date_from, date_to),
                    # each dossier once, at its receiving unit, however many units handled it
                    "total": Statistics._motcua_totals(date_from, date_to),
                    # inter-agency dossiers: the unit where a dossier was late
                    "late_lines": Statistics._motcua_late_units(date_from, date_to),
                }
            )
        return {"today": today, "periods": periods}

    @api.model
    def _motcua_compute(self, key):
        if key == TRANSPARENCY:
            return self._motcua_transparency_figures(local_now().date())
        raise ValueError(key)

    # ------------------------------------------------------------------ keeping them
    @api.model
    def _motcua_refresh(self, keys=(TRANSPARENCY,)):
        """Recompute and store the figures of ``keys``."""
        now = fields.Datetime.now()
        for key in keys:
            vals = {"computed_at": now, "payload": _dump(self._motcua_compute(key))}
            row = self.sudo().search([("key", "=", key)], limit=1)
            if row:
                row.write(vals)
            else:
                self.sudo().create(dict(vals, key=key))

    @api.model
    def _cron_refresh(self):
        self._motcua_refresh()

    @api.model
    def _motcua_request_refresh(self):
        """Ask for a refresh within a minute: at most one pending trigger (the events of a busy
        desk do not pile up refreshes)."""
        cron = self.env.ref(CRON, raise_if_not_found=False)
        if not cron:
            return
        cron = cron.sudo()
        if not self.env["ir.cron.trigger"].sudo().search_count([("cron_id", "=", cron.id)], limit=1):
            cron._trigger(fields.Datetime.now() + DEBOUNCE)

    # ------------------------------------------------------------------ reading them
    @api.model
    def _motcua_published(self, key):
        """``(figures, computed_at in local time)`` as stored for ``key`` (one query), or
        ``(None, None)`` before the first refresh. Records in the figures are browsed as superuser:
        they are published data."""
        row = self.sudo().search_fetch([("key", "=", key)], ["payload", "computed_at"], limit=1)
        if not row:
            return None, None
        return _load(self.sudo().env, row.payload), to_local(row.computed_at)

    @api.model
    def _motcua_published_version(self, key):
        """What identifies the figures stored for ``key`` without reading them (one query): the row,
        when they were computed and a digest of their text; ``None`` before the first refresh. A
        page rendered from them stays right while this is unchanged."""
        self.env.cr.execute(
            "SELECT id, computed_at, md5(payload::text) FROM motcua_public_figures WHERE key = %s", [key]
        )
        row = self.env.cr.fetchone()
        return tuple(row) if row else None

    @api.model
    @tools.ormcache(cache="templates")
    def _motcua_templates_token(self):
        """A number that changes whenever Odoo drops its compiled templates (a view or its
        translations changed, here or in another worker): a page rendered under another number may
        be out of date."""
        return next(_TEMPLATE_TOKENS)
