from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models, tools
from odoo.tools import SQL

from odoo.addons.motcua_base.tools import local_day_start

from .motcua_dossier_states import FINISHED_STATES, OPEN_STATES, STATES, TIMELINESS

KINDS = [("received", "Received"), ("finished", "Settled")]
PERIODS = ("month", "quarter", "year")
SCORE_PARAM = "motcua_dossier.score_766_points"


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
        finished = tuple(FINISHED_STATES)
        open_states = tuple(OPEN_STATES)
        self.env.cr.execute(
            SQL(
                """
            CREATE OR REPLACE VIEW %(table)s AS (
                SELECT d.id * 2 AS id, d.id AS dossier_id, 'received' AS kind, d.received_at AS date,
                       d.unit_id, d.procedure_id, d.field_id, d.state, d.timeliness, d.due_at,
                       1 AS dossier_count, 1 AS received_count, 0 AS finished_count, 0 AS on_time_count,
                       0 AS late_count,
                       CASE WHEN d.state IN %(open)s AND d.timeliness = 'overdue' THEN 1 ELSE 0 END
                           AS overdue_count,
                       NULL::double precision AS on_time_rate, NULL::double precision AS score_766
                  FROM motcua_dossier d
                 WHERE d.state != 'draft' AND d.received_at IS NOT NULL AND d.origin_agency_code IS NULL
                UNION ALL
                SELECT d.id * 2 + 1, d.id, 'finished', d.finished_at, d.unit_id, d.procedure_id,
                       d.field_id, d.state, d.timeliness, d.due_at, 1, 0, 1,
                       CASE WHEN d.timeliness IN ('early', 'on_time') THEN 1 ELSE 0 END,
                       CASE WHEN d.timeliness = 'late' THEN 1 ELSE 0 END, 0,
                       CASE WHEN d.timeliness IN ('early', 'on_time') THEN 100.0 ELSE 0.0 END,
                       CASE WHEN d.timeliness IN ('early', 'on_time') THEN points.value ELSE 0.0 END
                  FROM motcua_dossier d,
                       (SELECT COALESCE(MAX(CASE WHEN value ~ '^[0-9]+([.][0-9]+)?$'
                                                 THEN value::double precision END), 20.0) AS value
                          FROM ir_config_parameter WHERE key = %(score_param)s) points
                 WHERE d.state IN %(finished)s AND d.finished_at IS NOT NULL AND d.origin_agency_code IS NULL
            )""",
                table=SQL.identifier(self._table),
                open=open_states,
                finished=finished,
                score_param=SCORE_PARAM,
            )
        )

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
