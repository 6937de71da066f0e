from datetime import date, datetime
from datetime import time as dtime

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models, tools
from odoo.fields import Domain
from odoo.tools import SQL

from odoo.addons.motcua_base.tools import VN_TZ, local_day_start

from .motcua_dossier_states import FINISHED_STATES, OPEN_STATES, STATES, TIMELINESS

KINDS = [("received", "Received"), ("finished", "Settled")]
PERIODS = ("month", "quarter", "year")
SCORE_PARAM = "motcua_dossier.score_766_points"
# what the daily figures (motcua.dossier.daily.figures) can answer exactly: groups and filters on
# these fields, the date by whole local days, these aggregates
DAILY_GROUPS = ("kind", "unit_id", "timeliness")
DAILY_AGGREGATES = (
    "__count",
    "dossier_count:sum",
    "received_count:sum",
    "finished_count:sum",
    "on_time_count:sum",
    "late_count:sum",
    "overdue_count:sum",
    "on_time_rate:avg",
    "score_766:avg",
)
# the points of Decision 766 (the setting, 20 when unset or not a number), in SQL
SCORE_POINTS_SQL = SQL(
    """(SELECT COALESCE(MAX(CASE WHEN value ~ '^[0-9]+([.][0-9]+)?$' THEN value::double precision END), 20.0)
          FROM ir_config_parameter WHERE key = %s)""",
    SCORE_PARAM,
)
UNIT_RULE = "motcua_dossier.rule_motcua_dossier_unit"
UNIT_RULE_DOMAIN = (
    "['|', ('unit_id', 'child_of', user.motcua_unit_ids.ids), "
    "('access_unit_ids', 'child_of', user.motcua_unit_ids.ids)]"
)


class _NotDaily(Exception):
    """The question cannot be answered from the daily figures."""


def period_range(period, day):
    """[start, end) dates of the month, quarter or year containing ``day``."""
    if period == "year":
        start = date(day.year, 1, 1)
        return start, start + relativedelta(years=1)
    if period == "quarter":
        start = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
        return start, start + relativedelta(months=3)
    start = date(day.year, day.month, 1)
    return start, start + relativedelta(months=1)


def statistics_rows_sql(dossiers=None):
    """The rows of the leaders' figures (``motcua.dossier.statistics``): a "received" row per
    dossier received and a "finished" row per dossier settled, of all dossiers or of the
    ``dossiers`` ids. One definition for the view and for the daily figures kept from it
    (``motcua.dossier.daily.figures``)."""
    only = SQL("d.id = ANY(%s)", list(dossiers)) if dossiers is not None else SQL("TRUE")
    return SQL(
        """
        SELECT d.id * 2 AS id, d.id AS dossier_id, 'received' AS kind, d.received_at AS date,
               d.unit_id, d.procedure_id, d.field_id, d.state, d.timeliness, d.due_at,
               1 AS dossier_count, 1 AS received_count, 0 AS finished_count, 0 AS on_time_count,
               0 AS late_count,
               CASE WHEN d.state IN %(open)s AND d.timeliness = 'overdue' THEN 1 ELSE 0 END AS overdue_count,
               NULL::double precision AS on_time_rate, NULL::double precision AS score_766
          FROM motcua_dossier d
         WHERE d.state != 'draft' AND d.received_at IS NOT NULL AND d.origin_agency_code IS NULL AND %(only)s
        UNION ALL
        SELECT d.id * 2 + 1, d.id, 'finished', d.finished_at, d.unit_id, d.procedure_id,
               d.field_id, d.state, d.timeliness, d.due_at, 1, 0, 1,
               CASE WHEN d.timeliness IN ('early', 'on_time') THEN 1 ELSE 0 END,
               CASE WHEN d.timeliness = 'late' THEN 1 ELSE 0 END, 0,
               CASE WHEN d.timeliness IN ('early', 'on_time') THEN 100.0 ELSE 0.0 END,
               CASE WHEN d.timeliness IN ('early', 'on_time') THEN points.value ELSE 0.0 END
          FROM motcua_dossier d, (SELECT %(points)s AS value) points
         WHERE d.state IN %(finished)s AND d.finished_at IS NOT NULL AND d.origin_agency_code IS NULL AND %(only)s
        """,
        open=tuple(OPEN_STATES),
        finished=tuple(FINISHED_STATES),
        points=SCORE_POINTS_SQL,
        only=only,
    )


class MotcuaDossierStatistics(models.Model):
    """The leaders' figures, one row per dossier and event, over a SQL view.

    A dossier gives a "received" row dated when it was received and, once settled, a "settled"
    row dated when it was settled, so that one date filter counts what a unit received and
    what it settled in a period. ``on_time_rate`` is 100 on a settled row early or on time, 0 on
    a late one and empty elsewhere: its average is the on-time rate of the rows grouped, and a
    group that settled nothing has no rate ("—"), as Decision 766 and the public page count it;
    ``score_766`` is the same average scaled to the points of Decision 766 (parameter
    ``motcua_dossier.score_766_points``, 20 by default). Rows are those of the dossiers the user
    may read (their record rules). The public page reads its figures here too
    (``_motcua_unit_figures``).

    A dossier is counted once, at its receiving unit, however many units handle it (each unit's
    part is measured by ``motcua.dossier.step.statistics``); an inbound inter-agency dossier
    (``origin_agency_code``) is counted by the agency that received it, not here.
    """

    _name = "motcua.dossier.statistics"
    _inherit = ["motcua.dossier.figures.mixin"]
    _description = "Dossier statistics"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "dossier_id"
    _depends = {
        "motcua.dossier": [
            "state",
            "received_at",
            "finished_at",
            "unit_id",
            "procedure_id",
            "field_id",
            "timeliness",
            "due_at",
            "origin_agency_code",
        ]
    }

    dossier_id = fields.Many2one("motcua.dossier", readonly=True)
    kind = fields.Selection(KINDS, readonly=True)
    date = fields.Datetime(readonly=True)
    unit_id = fields.Many2one("motcua.unit", string="Receiving unit", readonly=True)
    procedure_id = fields.Many2one("motcua.procedure", readonly=True)
    field_id = fields.Many2one("motcua.procedure.field", readonly=True)
    state = fields.Selection(STATES, readonly=True)
    timeliness = fields.Selection(TIMELINESS, readonly=True)
    due_at = fields.Datetime(string="Appointment", readonly=True)
    dossier_count = fields.Integer(string="Dossiers", readonly=True)
    received_count = fields.Integer(string="Received", readonly=True)
    finished_count = fields.Integer(string="Settled", readonly=True)
    on_time_count = fields.Integer(string="Early or on time", readonly=True)
    late_count = fields.Integer(string="Late", readonly=True)
    overdue_count = fields.Integer(string="Open and overdue", readonly=True)
    on_time_rate = fields.Float(string="On-time rate (%)", readonly=True, aggregator="avg", digits=(5, 1))
    score_766 = fields.Float(string="Decision 766 score", readonly=True, aggregator="avg", digits=(5, 2))

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), statistics_rows_sql())
        )

    @api.model
    def _motcua_score_points(self):
        self.env.cr.execute(SQL("SELECT %s", SCORE_POINTS_SQL))
        return self.env.cr.fetchone()[0]

    # ------------------------------------------------------------------ scope and speed
    @api.model
    def _motcua_sees_all(self):
        """Whether the user may read every dossier (the province monitors, the administrators)."""
        return self.env.su or self.env["ir.rule"]._compute_domain("motcua.dossier", "read").is_true()

    @api.model
    def _motcua_reads_own_units(self):
        """Whether the record rules let the user read every dossier their units received: the
        shipped rule of the staff applies to them, unchanged, and no global rule narrows it."""
        return bool(self.env.user.motcua_unit_ids) and self._motcua_unit_rule_applies()

    @api.model
    @tools.ormcache("self.env.uid")
    def _motcua_unit_rule_applies(self):
        # rules and groups: a change of either clears the registry's caches
        rule = self.env.ref(UNIT_RULE, raise_if_not_found=False)
        if not rule:
            return False
        rules = self.env["ir.rule"]._get_rules("motcua.dossier", "read").sudo()
        return (
            rule in rules
            and " ".join(rule.sudo().domain_force.split()) == UNIT_RULE_DOMAIN
            and all(r.groups for r in rules)
        )

    @api.model
    def _motcua_scope(self):
        """Everything for those who read every dossier; for the others the figures of the dossiers
        their units received (a dossier counts at its receiving unit: what a unit did on the
        dossiers of others is in the step statistics), among those they may read."""
        if self._motcua_sees_all():
            return Domain.TRUE
        return Domain("unit_id", "child_of", self.env.user.motcua_unit_ids.ids) & super()._motcua_scope()

    @api.model
    def _motcua_daily_domain(self, domain):
        """``domain`` for the daily figures, or _NotDaily. The date must be bounded by local
        midnights (``>=``, ``<``), as the period filters send them in Vietnam's time."""
        zone = pytz.timezone(VN_TZ)

        def convert(condition):
            fname = condition.field_expr.split(".")[0]
            if fname in DAILY_GROUPS:
                return condition
            if condition.field_expr == "overdue_count" and condition.operator == "=" and condition.value in (0, 1):
                return Domain("overdue", "=", bool(condition.value))
            if condition.field_expr == "date" and condition.operator in (">=", "<"):
                value = condition.value
                if isinstance(value, str) and len(value) > 10:
                    value = fields.Datetime.to_datetime(value)
                if not isinstance(value, datetime):
                    raise _NotDaily
                local = pytz.utc.localize(value).astimezone(zone)
                if local.time() != dtime.min:
                    raise _NotDaily
                return Domain("date", condition.operator, local.date())
            raise _NotDaily

        return Domain(domain).map_conditions(convert)

    @api.model
    def _read_group(self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None):
        """Figures per unit, kind or timeliness over whole local days are read from the daily
        figures (the same numbers, a year of a province in milliseconds); the rest (per dossier,
        procedure or month, filters on other fields) from the rows."""
        self.browse().check_access("read")
        try:
            if having or self.env.context.get("motcua_statistics_rows"):
                raise _NotDaily
            if any(spec not in DAILY_GROUPS for spec in groupby):
                raise _NotDaily
            if any(spec not in DAILY_AGGREGATES for spec in aggregates):
                raise _NotDaily
            daily_domain = self._motcua_daily_domain(domain)
            if not self._motcua_sees_all():
                if not self._motcua_reads_own_units():
                    raise _NotDaily
                daily_domain &= Domain("unit_id", "child_of", self.env.user.motcua_unit_ids.ids)
            terms = {*groupby, *aggregates}
            for term in (order or "").split(","):
                words = term.split()
                if words and (words[0] not in terms or len(words) > 2):
                    raise _NotDaily
        except _NotDaily:
            return super()._read_group(domain, groupby, aggregates, having, offset, limit, order)
        groups = (
            self.env["motcua.dossier.daily.figures"]
            .sudo()
            ._read_group(daily_domain, groupby, aggregates, offset=offset, limit=limit, order=order)
        )
        # the groups' records in the user's environment, as the rows would give them
        return [
            tuple(
                self.env[value._name].browse(value._ids) if isinstance(value, models.BaseModel) else value
                for value in group
            )
            for group in groups
        ]

    @api.model
    def _motcua_unit_figures(self, date_from, date_to):
        """The figures of each receiving unit, as the leaders' pivot groups them: dossiers received
        and settled in the local days [date_from, date_to), the on-time rate of those settled (False
        when none was) and the dossiers open and overdue now. Read with the user's rights; sorted
        by rate, then name."""
        lo, hi = local_day_start(date_from), local_day_start(date_to)
        figures = {}
        for unit, received, finished, rate in self._read_group(
            [("date", ">=", lo), ("date", "<", hi)],
            ["unit_id"],
            ["received_count:sum", "finished_count:sum", "on_time_rate:avg"],
        ):
            figures[unit] = {"received": received, "finished": finished, "overdue": 0, "rate": rate}
        for unit, overdue in self._read_group([("overdue_count", "=", 1)], ["unit_id"], ["overdue_count:sum"]):
            figures.setdefault(unit, {"received": 0, "finished": 0, "rate": False})["overdue"] = overdue
        lines = [dict(values, unit=unit, unit_name=unit.display_name) for unit, values in figures.items()]
        return sorted(lines, key=lambda line: (-(line["rate"] or 0.0), line["unit_name"]))

    @api.model
    def _motcua_late_units(self, date_from, date_to):
        """Which unit was late, for the local days [date_from, date_to): per unit, the dossiers it
        received that were settled late (``late``) and the dossiers late at that unit (``late_here``:
        a step of that unit handed over late, whichever unit received the dossier; each dossier once
        per unit). Units with neither are left out; sorted by name. Read with the user's rights."""
        lo, hi = local_day_start(date_from), local_day_start(date_to)
        late = dict(
            self._read_group(
                [("late_count", "=", 1), ("date", ">=", lo), ("date", "<", hi)], ["unit_id"], ["late_count:sum"]
            )
        )
        here = self.env["motcua.dossier.step.statistics"]._motcua_late_here(lo, hi)
        lines = [
            {"unit": unit, "unit_name": unit.display_name, "late": late.get(unit, 0), "late_here": here.get(unit, 0)}
            for unit in late.keys() | here.keys()
        ]
        return sorted(lines, key=lambda line: line["unit_name"])

    @api.model
    def _motcua_totals(self, date_from, date_to, domain=()):
        """The province's totals for the local days [date_from, date_to) (of the rows of ``domain``):
        each dossier once, at its receiving unit (inbound inter-agency dossiers are their origin's).
        Read with the user's rights."""
        lo, hi = local_day_start(date_from), local_day_start(date_to)
        [(received, finished, rate, late)] = self._read_group(
            [*domain, ("date", ">=", lo), ("date", "<", hi)],
            [],
            ["received_count:sum", "finished_count:sum", "on_time_rate:avg", "late_count:sum"],
        )
        [(overdue,)] = self._read_group([*domain, ("overdue_count", "=", 1)], [], ["overdue_count:sum"])
        return {"received": received, "finished": finished, "rate": rate, "late": late, "overdue": overdue}

    def action_open_dossier(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "motcua.dossier",
            "res_id": self.dossier_id.id,
            "view_mode": "form",
            "target": "current",
        }
