from odoo import api, fields, models
from odoo.exceptions import ValidationError

WEEKDAYS = [
    ("0", "Monday"),
    ("1", "Tuesday"),
    ("2", "Wednesday"),
    ("3", "Thursday"),
    ("4", "Friday"),
]


class MotcuaWorkingDay(models.Model):
    """An extra working day: a weekend day worked to swap with a day off.

    The government announces such swaps each year (e.g. Saturday 22 August 2026 worked for
    Monday 31 August). The day is worked with the hours of ``same_as_weekday``.
    """

    _name = "motcua.working.day"
    _inherit = ["motcua.working.time.cache.mixin"]
    _description = "Extra working day"
    _order = "date desc"

    name = fields.Char(string="Reason", required=True)
    date = fields.Date(required=True, index=True)
    calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working time",
        required=True,
        ondelete="cascade",
        default=lambda self: self.env.ref("motcua_base.calendar_administrative"),
    )
    same_as_weekday = fields.Selection(WEEKDAYS, string="Hours of", required=True, default="0")
    holiday_key = fields.Char(readonly=True, help="Set when loaded from the official holiday list.")

    _date_calendar_uniq = models.Constraint(
        "UNIQUE(calendar_id, date)",
        "This day is already an extra working day of this working time.",
    )

    @api.constrains("date")
    def _check_weekend(self):
        for day in self:
            if day.date.weekday() < 5:
                raise ValidationError(
                    self.env._(
                        "%(date)s is already a working day: only a Saturday or a Sunday can be added as an extra "
                        "working day.",
                        date=day.date,
                    )
                )
