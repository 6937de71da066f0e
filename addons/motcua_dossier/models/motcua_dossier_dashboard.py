from collections import defaultdict
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools.misc import format_date, formatLang

from odoo.addons.motcua_base.tools import local_day_start

from .motcua_dossier import FINISHED_STATES, OPEN_STATES

PERIODS = [("month", "Month"), ("quarter", "Quarter"), ("year", "Year")]


class MotcuaDossierDashboard(models.TransientModel):
    """The leader dashboard: figures and on-time rate per unit for a month, quarter or year.

    Figures respect the record rules: a unit leader sees their unit tree, a monitor every unit.
    """

    _name = "motcua.dossier.dashboard"
    _description = "Dossier dashboard"

    period = fields.Selection(PERIODS, default="month", required=True)
    date = fields.Date(string="Reference date", default=fields.Date.context_today, required=True)
    date_from = fields.Date(compute="_compute_range")
    date_to = fields.Date(compute="_compute_range")
    line_ids = fields.One2many("motcua.dossier.dashboard.line", "dashboard_id", string="Units")
    total_received = fields.Integer(compute="_compute_totals")
    total_finished = fields.Integer(compute="_compute_totals")
    total_overdue = fields.Integer(compute="_compute_totals")
    total_rate = fields.Float(string="On-time rate (%)", compute="_compute_totals")
    total_rate_display = fields.Char(string="On-time rate", compute="_compute_totals")
    score_points = fields.Float(string="Decision 766 maximum", compute="_compute_range")

    @api.depends("date_from", "date_to")
    def _compute_display_name(self):
        for dashboard in self:
            dashboard.display_name = self.env._(
                "Decision 766 score, %(start)s – %(end)s",
                start=format_date(self.env, dashboard.date_from),
                end=format_date(self.env, dashboard.date_to),
            )

    @api.depends("period", "date")
    def _compute_range(self):
        points = float(self.env["ir.config_parameter"].sudo().get_param("motcua_dossier.score_766_points", 20))
        for dashboard in self:
            start, end = period_range(dashboard.period, dashboard.date or fields.Date.context_today(self))
            dashboard.date_from = start
            dashboard.date_to = end - relativedelta(days=1)
            dashboard.score_points = points

    @api.depends("line_ids")
    def _compute_totals(self):
        for dashboard in self:
            lines = dashboard.line_ids
            dashboard.total_received = sum(lines.mapped("received"))
            dashboard.total_finished = sum(lines.mapped("finished"))
            dashboard.total_overdue = sum(lines.mapped("overdue"))
            on_time = sum(lines.mapped("early")) + sum(lines.mapped("on_time"))
            dashboard.total_rate = 100.0 * on_time / dashboard.total_finished if dashboard.total_finished else 0.0
            dashboard.total_rate_display = rate_label(self.env, dashboard.total_rate, dashboard.total_finished)

    @api.model
    def action_open(self):
        dashboard = self.create({})
        dashboard.action_refresh()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": dashboard.id,
            "view_mode": "form",
            "target": "current",
            "name": self.env._("Decision 766 score"),
        }

    def action_refresh(self):
        self.ensure_one()
        self.line_ids.unlink()
        stats = self._motcua_stats()
        lines = sorted(stats.values(), key=lambda v: (-v["rate"], -v["finished"], v["unit_name"]))
        self.env["motcua.dossier.dashboard.line"].create(
            [
                {k: v for k, v in dict(line, dashboard_id=self.id, rank=index).items() if k != "unit_name"}
                for index, line in enumerate(lines, start=1)
            ]
        )
        return True

    def _motcua_stats(self):
        """Counts per unit for the period (naive-UTC bounds of the local days)."""
        self.ensure_one()
        start, end = period_range(self.period, self.date)
        lo, hi = local_day_start(start), local_day_start(end)
        Dossier = self.env["motcua.dossier"]
        points = self.score_points or 20.0
        stats = defaultdict(lambda: defaultdict(int))
        for unit, count in Dossier._read_group(
            [("state", "!=", "draft"), ("received_at", ">=", lo), ("received_at", "<", hi)], ["unit_id"], ["__count"]
        ):
            stats[unit]["received"] += count
        for unit, timeliness, count in Dossier._read_group(
            [("state", "in", list(FINISHED_STATES)), ("finished_at", ">=", lo), ("finished_at", "<", hi)],
            ["unit_id", "timeliness"],
            ["__count"],
        ):
            stats[unit]["finished"] += count
            if timeliness in ("early", "on_time", "late"):
                stats[unit][timeliness] += count
        for unit, count in Dossier._read_group(
            [("state", "in", list(OPEN_STATES)), ("timeliness", "=", "overdue")], ["unit_id"], ["__count"]
        ):
            stats[unit]["overdue"] += count
        result = {}
        for unit, values in stats.items():
            finished = values["finished"]
            on_time = values["early"] + values["on_time"]
            rate = on_time / finished if finished else 0.0
            result[unit.id] = {
                "unit_id": unit.id,
                "unit_name": unit.display_name,
                "received": values["received"],
                "finished": finished,
                "early": values["early"],
                "on_time": values["on_time"],
                "late": values["late"],
                "overdue": values["overdue"],
                "rate": 100.0 * rate,
                "score": round(rate * points, 2),
            }
        return result


class MotcuaDossierDashboardLine(models.TransientModel):
    _name = "motcua.dossier.dashboard.line"
    _description = "Dossier dashboard line"
    _order = "rank"

    dashboard_id = fields.Many2one("motcua.dossier.dashboard", required=True, ondelete="cascade")
    rank = fields.Integer()
    unit_id = fields.Many2one("motcua.unit", readonly=True)
    received = fields.Integer(readonly=True)
    finished = fields.Integer(readonly=True)
    early = fields.Integer(readonly=True)
    on_time = fields.Integer(readonly=True)
    late = fields.Integer(readonly=True)
    overdue = fields.Integer(readonly=True)
    rate = fields.Float(string="On-time rate (%)", readonly=True, digits=(5, 1))
    score = fields.Float(string="Decision 766 score", readonly=True, digits=(5, 2))
    rate_display = fields.Char(string="On-time rate", compute="_compute_rate_display")

    @api.depends("rate", "finished")
    def _compute_rate_display(self):
        for line in self:
            line.rate_display = rate_label(self.env, line.rate, line.finished)

    def action_open_overdue(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("motcua_dossier.motcua_dossier_action")
        action["domain"] = [
            ("unit_id", "=", self.unit_id.id),
            ("state", "in", list(OPEN_STATES)),
            ("timeliness", "=", "overdue"),
        ]
        action["context"] = {}
        action["name"] = self.env._("Overdue dossiers of %(unit)s", unit=self.unit_id.display_name)
        return action


def rate_label(env, rate, finished):
    """ "75,0 %" in the user's language; "—" for a unit that settled nothing (it has no rate)."""
    if not finished:
        return "—"
    return "%s %%" % formatLang(env, rate, digits=1)


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
