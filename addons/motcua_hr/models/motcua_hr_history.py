from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

HISTORY_KINDS = [
    ("step", "Step increase"),
    ("seniority", "Seniority allowance"),
    ("rank", "Rank change"),
    ("appointment", "Appointment"),
    ("appraisal", "Yearly appraisal"),
    ("training", "Training / qualification"),
    ("commendation", "Commendation"),
    ("discipline", "Discipline"),
]
APPRAISAL_LEVELS = [
    ("excellent", "Excellent"),
    ("good", "Good"),
    ("completed", "Completed"),
    ("not_completed", "Not completed"),
]
DISCIPLINE_LEVELS = [
    ("reprimand", "Reprimand"),
    ("warning", "Warning"),
    ("demotion", "Demotion"),
    ("dismissal", "Dismissal from post"),
]
# Circular 08/2013/TT-BNV: reprimand or warning delays the step increase by 6 months,
# demotion or dismissal from post by 12 months.
DISCIPLINE_DELAY = {"reprimand": 6, "warning": 6, "demotion": 12, "dismissal": 12}
# Only these fields may be completed after an event was recorded; everything else is history.
EDITABLE_FIELDS = {"note", "attachment_ids"}


class MotcuaHrHistory(models.Model):
    """A dated event of a career. Events are never overwritten: a correction is a new event.

    Step increases, rank changes and appointments also write the new values on the
    employee's version valid from the event's date (a new ``hr.version`` when needed).
    """

    _name = "motcua.hr.history"
    _description = "Career event"
    _order = "date desc, id desc"

    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="cascade")
    unit_id = fields.Many2one("motcua.unit", related="employee_id.motcua_unit_id", store=True, index=True)
    kind = fields.Selection(HISTORY_KINDS, string="Event", required=True)
    date = fields.Date(required=True, default=fields.Date.context_today, help="Date from which the event takes effect.")
    decision_number = fields.Char(string="Decision", help="Number of the decision, e.g. 15/QĐ-UBND.")
    rank_id = fields.Many2one(
        "motcua.hr.rank",
        ondelete="restrict",
        compute="_compute_rank_id",
        store=True,
        readonly=False,
        help="For a step increase, the employee's current rank unless another is given.",
    )
    step = fields.Integer(string="Salary step")
    coefficient = fields.Float(digits=(6, 2), compute="_compute_coefficient", store=True)
    seniority_percent = fields.Integer(string="Seniority (%)")
    position_id = fields.Many2one("motcua.hr.position", ondelete="restrict")
    year = fields.Integer(string="Appraisal year")
    appraisal_level = fields.Selection(APPRAISAL_LEVELS)
    discipline_level = fields.Selection(DISCIPLINE_LEVELS)
    step_months = fields.Integer(
        string="Months earlier / later",
        compute="_compute_step_months",
        store=True,
        readonly=False,
        help="Commendation: months by which the next step increase comes earlier (at most 12). "
        "Discipline: months by which it is delayed.",
    )
    name = fields.Char(string="Description", help="Training course, qualification, title of the commendation...")
    note = fields.Text()

    @api.depends("employee_id", "kind")
    def _compute_rank_id(self):
        for event in self:
            if event.kind == "step" and not event.rank_id:
                event.rank_id = event.employee_id.sudo().current_version_id.motcua_rank_id

    # the coefficient of the day is kept even if the scale is edited later
    @api.depends("rank_id", "step")
    def _compute_coefficient(self):
        for event in self:
            scale = event.rank_id.scale_id
            event.coefficient = scale._get_coefficient(event.step) if scale and event.step else 0.0

    @api.depends("kind", "discipline_level")
    def _compute_step_months(self):
        for event in self:
            if event.kind == "discipline":
                event.step_months = DISCIPLINE_DELAY.get(event.discipline_level, 0)
            elif event.kind != "commendation":
                event.step_months = 0

    def _compute_display_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for event in self:
            event.display_name = f"{labels.get(event.kind, '')} {event.date or ''}".strip()

    @api.constrains(
        "kind", "step", "rank_id", "position_id", "year", "appraisal_level", "discipline_level", "step_months"
    )
    def _check_event(self):
        for event in self:
            if event.kind == "step" and not event.step:
                raise ValidationError(self.env._("A step increase needs the new step."))
            if event.kind == "seniority" and event.seniority_percent <= 0:
                raise ValidationError(self.env._("A seniority allowance event needs its percentage."))
            if event.kind == "rank" and not event.rank_id:
                raise ValidationError(self.env._("A rank change needs the new rank."))
            if event.kind == "appointment" and not event.position_id:
                raise ValidationError(self.env._("An appointment needs the position."))
            if event.kind == "appraisal" and not (event.year and event.appraisal_level):
                raise ValidationError(self.env._("A yearly appraisal needs the year and one of the four levels."))
            if event.kind == "discipline" and not event.discipline_level:
                raise ValidationError(self.env._("A discipline event needs its form."))
            if event.kind == "commendation" and not 0 <= event.step_months <= 12:
                raise ValidationError(self.env._("A commendation brings a step increase forward by 0 to 12 months."))
            if event.step_months < 0:
                raise ValidationError(self.env._("The months earlier or later cannot be negative."))

    @api.model_create_multi
    def create(self, vals_list):
        events = super().create(vals_list)
        for event in events.sorted("date"):
            event._apply_to_versions()
        return events

    def write(self, vals):
        if set(vals) - EDITABLE_FIELDS:
            raise UserError(
                self.env._(
                    "Career events are never overwritten: record a new event to correct one "
                    "(only the note can be completed)."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("Career events cannot be deleted: record a new event to correct one."))

    def _version_values(self):
        self.ensure_one()
        if self.kind == "step":
            vals = {
                "motcua_step": self.step,
                "motcua_step_date": self.date,
                "motcua_seniority_percent": 0,
                "motcua_seniority_date": False,
            }
            if self.rank_id:
                vals["motcua_rank_id"] = self.rank_id.id
            return vals
        if self.kind == "seniority":
            return {"motcua_seniority_percent": self.seniority_percent, "motcua_seniority_date": self.date}
        if self.kind == "rank":
            return {
                "motcua_rank_id": self.rank_id.id,
                "motcua_rank_date": self.date,
                "motcua_step": self.step or 1,
                "motcua_step_date": self.date,
                "motcua_seniority_percent": 0,
                "motcua_seniority_date": False,
            }
        if self.kind == "appointment":
            return {"motcua_position_id": self.position_id.id}
        return {}

    def _apply_to_versions(self):
        """Write the event's values on the version valid from its date and on later ones."""
        vals = self._version_values()
        if not vals:
            return
        employee = self.employee_id
        employee.check_access("write")
        version = employee.sudo().create_version({"date_version": self.date})
        later = employee.sudo().version_ids.filtered(lambda v: v.date_version >= self.date)
        (version | later).write(vals)
        employee.sudo()._compute_current_version_id()
        if self.kind == "appointment":
            employee._motcua_sync_user()
