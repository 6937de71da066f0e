from collections import defaultdict
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.motcua_base.tools import VN_TZ, local_now

WINDOW_MONTHS = 12  # months refreshed, this one included


def month_starts(today, months=WINDOW_MONTHS):
    """The first days of the ``months`` last months, the month of ``today`` last."""
    first = date(today.year, today.month, 1)
    return [first - relativedelta(months=back) for back in range(months - 1, -1, -1)]


class MotcuaIndicatorValue(models.Model):
    """The stored figures of the indicators: one row per receiving unit, month and indicator.

    ``value`` = points × numerator ÷ denominator (none when the denominator is 0). ``score`` is
    that value scaled to its group: when some indicators of a group have no value for a unit
    and month, the others share the group's points, so the group's score is
    sum(values) × group points ÷ sum(points of the indicators with a value), and summing
    ``score`` over a group (or over a unit, for the total) gives its score; ``score_max`` is
    what the same rows could give at most. Rebuilt for the last 12 months by an hourly cron
    and by administrators (``action_motcua_refresh``); the public page and the leaders' views
    read them, never the dossiers.
    """

    _name = "motcua.indicator.value"
    _description = "Indicator figure (Decision 766)"
    _order = "period desc, unit_id, group_sequence, indicator_id"
    _rec_name = "indicator_id"

    unit_id = fields.Many2one("motcua.unit", string="Receiving unit", required=True, index=True, readonly=True)
    period = fields.Date(string="Month", required=True, index=True, readonly=True)
    period_label = fields.Char(string="Month (mm/yyyy)", compute="_compute_period_label", store=True)
    indicator_id = fields.Many2one("motcua.indicator", required=True, index=True, readonly=True, ondelete="cascade")
    indicator_code = fields.Char(related="indicator_id.code", string="Code")
    group_id = fields.Many2one(related="indicator_id.group_id", store=True, index=True)
    group_sequence = fields.Integer(related="indicator_id.group_id.sequence", store=True)
    points = fields.Float(string="Indicator points", readonly=True, digits=(5, 2))
    numerator = fields.Integer(readonly=True, aggregator="sum")
    denominator = fields.Integer(readonly=True, aggregator="sum")
    has_value = fields.Boolean(readonly=True, aggregator="bool_or", help="The denominator is not empty.")
    rate = fields.Float(string="Rate (%)", readonly=True, digits=(5, 1), aggregator=None)
    value = fields.Float(string="Points", readonly=True, digits=(5, 2))
    score = fields.Float(readonly=True, digits=(5, 2), help="The value scaled to its group's points.")
    score_max = fields.Float(string="Out of", readonly=True, digits=(5, 2))

    _unit_period_indicator_uniq = models.Constraint(
        "UNIQUE(unit_id, period, indicator_id)", "One figure per unit, month and indicator."
    )

    @api.depends("period")
    def _compute_period_label(self):
        for value in self:
            value.period_label = value.period.strftime("%m/%Y") if value.period else False

    # ------------------------------------------------------------------ computation
    @api.model
    def _motcua_counts(self, months):
        """{(indicator, unit, month): (numerator, denominator)} of the rules in force in each of
        ``months`` (first days), counted with the rights of the current user (grouped counts on
        the dossiers: two queries per indicator)."""
        Dossier = self.env["motcua.dossier"].with_context(tz=VN_TZ)
        counts = {}
        for indicator in self.env["motcua.indicator"].search([]):
            in_force = [month for month in months if indicator._motcua_in_force(month)]
            if not in_force:
                continue
            denominator, numerator = indicator._motcua_dossier_domains(
                None, min(in_force), max(in_force) + relativedelta(months=1)
            )
            groupby = ["unit_id", f"{indicator.date_field}:month"]
            found = {}
            for key, domain in (("denominator", denominator), ("numerator", numerator)):
                for unit, month, count in Dossier._read_group(domain, groupby, ["__count"]):
                    found.setdefault((unit, month.date()), {})[key] = count
            for (unit, month), figures in found.items():
                if month in in_force:
                    counts[indicator, unit, month] = (figures.get("numerator", 0), figures.get("denominator", 0))
        return counts

    @api.model
    def _motcua_rows(self, months):
        """The values to store for ``months``: every rule in force gets a row for each unit and
        month that has dossiers in any indicator's denominator (an empty one has no value)."""
        counts = self._motcua_counts(months)
        indicators = self.env["motcua.indicator"].search([])
        cells = {(unit, month) for _indicator, unit, month in counts}
        rows = []
        for unit, month in cells:
            measured = defaultdict(float)  # points of the indicators with a value, per group
            lines = []
            for indicator in indicators.filtered(lambda rule, month=month: rule._motcua_in_force(month)):
                numerator, denominator = counts.get((indicator, unit, month), (0, 0))
                lines.append((indicator, numerator, denominator))
                if denominator:
                    measured[indicator.group_id] += indicator.points
            for indicator, numerator, denominator in lines:
                rows.append(self._motcua_row(unit, month, indicator, numerator, denominator, measured))
        return rows

    @api.model
    def _motcua_row(self, unit, month, indicator, numerator, denominator, measured):
        row = {
            "unit_id": unit.id,
            "period": month,
            "indicator_id": indicator.id,
            "points": indicator.points,
            "numerator": numerator,
            "denominator": denominator,
            "has_value": bool(denominator),
        }
        if denominator:
            share = indicator.group_id.points / measured[indicator.group_id]
            row["rate"] = 100.0 * numerator / denominator
            row["value"] = indicator.points * numerator / denominator
            row["score"] = row["value"] * share
            row["score_max"] = indicator.points * share
        return row

    @api.model
    def _motcua_refresh(self, today=None):
        """Rebuild the figures of the last 12 months (province-wide)."""
        today = today or local_now().date()
        months = month_starts(today)
        values = self.sudo()
        # one refresh at a time (cron and button); readers are not blocked
        self.env.cr.execute("LOCK TABLE motcua_indicator_value IN EXCLUSIVE MODE")
        values.search([("period", ">=", months[0])]).unlink()
        return values.create(values._motcua_rows(months))

    @api.model
    def _cron_refresh(self):
        self._motcua_refresh()

    @api.model
    def action_motcua_refresh(self):
        if not self.env.user.has_group("motcua_base.group_administrator"):
            raise AccessError(self.env._("Only administrators recompute the indicator figures."))
        self._motcua_refresh()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": self.env._("The figures of the last 12 months were recomputed."),
                "type": "success",
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    # ------------------------------------------------------------------ drill-down
    def _motcua_open(self, numerator):
        self.ensure_one()
        end = self.period + relativedelta(months=1)
        denominator_domain, numerator_domain = self.indicator_id._motcua_dossier_domains(self.unit_id, self.period, end)
        title = self.env._(
            "%(indicator)s — %(unit)s, %(month)s: %(part)s",
            indicator=self.indicator_id.name,
            unit=self.unit_id.display_name,
            month=self.period_label,
            part=self.env._("counted") if numerator else self.env._("all"),
        )
        return {
            "type": "ir.actions.act_window",
            "name": title,
            "res_model": "motcua.dossier",
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": list(numerator_domain if numerator else denominator_domain),
            "context": {"create": False},
            "target": "current",
        }

    def action_open_numerator(self):
        """The dossiers the numerator counts (those that meet the indicator)."""
        return self._motcua_open(numerator=True)

    def action_open_denominator(self):
        """Every dossier the denominator counts."""
        return self._motcua_open(numerator=False)

    # ------------------------------------------------------------------ public page
    @api.model
    def _motcua_public_table(self, month):
        """For the public page: each unit's total and group scores of ``month`` from the stored
        figures, best total first. A group without any value is None (shown "—")."""
        groups = self.env["motcua.indicator.group"].sudo().search([])
        table = {}
        for unit, group, score, score_max, has_value in self.sudo()._read_group(
            [("period", "=", month)],
            ["unit_id", "group_id"],
            ["score:sum", "score_max:sum", "has_value:bool_or"],
        ):
            line = table.setdefault(unit, {"unit_name": unit.name, "groups": {}, "total": 0.0, "max": 0.0})
            if has_value:
                line["groups"][group.id] = score
                line["total"] += score
                line["max"] += score_max
        lines = sorted(table.values(), key=lambda line: (-line["total"], line["unit_name"]))
        shown = groups.filtered(lambda group: any(group.id in line["groups"] for line in lines))
        return {"groups": shown, "lines": lines}
