from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.motcua_base.tools import local_now, validate_citizen_id

from .motcua_hr_rank import CATEGORIES

# Labour Code 2019, art. 169, and Decree 135/2020/ND-CP: the retirement age in normal working
# conditions rises from 2021 by 3 months a year for men (60 years 3 months in 2021 to 62 years)
# and by 4 months a year for women (55 years 4 months in 2021 to 60 years).
RETIREMENT_ROADMAP = {
    # sex: (age in months before 2021, months added per year from 2021, final age in months)
    "male": (60 * 12, 3, 62 * 12),
    "female": (55 * 12, 4, 60 * 12),
}


def retirement_age_months(sex, year):
    """Retirement age (in months) of a person of ``sex`` who reaches it in ``year``."""
    base, step, final = RETIREMENT_ROADMAP[sex]
    if year < 2021:
        return base
    return min(base + step * (year - 2020), final)


def retirement_date(birthday, sex):
    """Date of retirement (Decree 135/2020, art. 3): the last day of the month in which the
    person reaches the retirement age of the year they reach it. ``False`` when unknown."""
    if not birthday or sex not in RETIREMENT_ROADMAP:
        return False
    base, _step, final = RETIREMENT_ROADMAP[sex]
    for year in range(birthday.year + base // 12, birthday.year + final // 12 + 1):
        reached = birthday + relativedelta(months=retirement_age_months(sex, year))
        if reached.year <= year:
            return reached + relativedelta(day=31)
    return False  # pragma: no cover - the final age is always reached by the last year


class HrVersion(models.Model):
    """Civil-service data of an employee, dated like the rest of the contract data."""

    _inherit = "hr.version"

    motcua_unit_id = fields.Many2one(
        "motcua.unit",
        string="Unit",
        related="employee_id.motcua_unit_id",
        store=True,
        index=True,
    )
    motcua_category = fields.Selection(
        CATEGORIES,
        string="Category",
        tracking=True,
        groups="hr.group_hr_user",
        help="Cadre (cán bộ), civil servant (công chức), public employee (viên chức) or contract worker.",
    )
    motcua_rank_id = fields.Many2one(
        "motcua.hr.rank",
        string="Rank",
        tracking=True,
        ondelete="restrict",
        groups="hr.group_hr_user",
    )
    motcua_rank_date = fields.Date(string="In this rank since", tracking=True, groups="hr.group_hr_user")
    motcua_scale_id = fields.Many2one(
        "motcua.hr.salary.scale",
        string="Salary scale",
        related="motcua_rank_id.scale_id",
        groups="hr.group_hr_user",
    )
    motcua_step = fields.Integer(string="Salary step", tracking=True, aggregator=None, groups="hr.group_hr_user")
    motcua_step_date = fields.Date(
        string="Step since",
        tracking=True,
        groups="hr.group_hr_user",
        help="Date from which the current salary step is counted.",
    )
    motcua_max_step = fields.Integer(
        string="Top step", related="motcua_rank_id.scale_id.max_step", groups="hr.group_hr_user"
    )
    motcua_coefficient = fields.Float(
        aggregator=None,
        string="Salary coefficient",
        digits=(6, 2),
        compute="_compute_motcua_coefficient",
        store=True,
        groups="hr.group_hr_user",
    )
    motcua_position_id = fields.Many2one(
        "motcua.hr.position",
        string="Position",
        tracking=True,
        ondelete="restrict",
        groups="hr.group_hr_user",
    )
    motcua_position_allowance = fields.Float(
        aggregator=None,
        string="Position allowance",
        digits=(6, 2),
        compute="_compute_motcua_position_allowance",
        store=True,
        readonly=False,
        tracking=True,
        groups="hr.group_hr_user",
    )
    motcua_other_allowance = fields.Float(
        aggregator=None,
        string="Other allowances",
        digits=(6, 2),
        tracking=True,
        groups="hr.group_hr_user",
        help="Sum of the other allowance coefficients (responsibility, regional, ...).",
    )
    motcua_seniority_percent = fields.Integer(
        aggregator=None,
        string="Seniority beyond the top step (%)",
        tracking=True,
        groups="hr.group_hr_user",
        help="Seniority allowance beyond the top step (phụ cấp thâm niên vượt khung): 5% after the "
        "months between steps at the top step, then 1% more every year.",
    )
    motcua_seniority_date = fields.Date(
        string="Seniority percentage since",
        tracking=True,
        groups="hr.group_hr_user",
    )
    motcua_seniority_coefficient = fields.Float(
        aggregator=None,
        string="Seniority allowance",
        digits=(6, 3),
        compute="_compute_motcua_total_coefficient",
        store=True,
        groups="hr.group_hr_user",
    )
    motcua_total_coefficient = fields.Float(
        aggregator=None,
        string="Total coefficient",
        digits=(6, 3),
        compute="_compute_motcua_total_coefficient",
        store=True,
        groups="hr.group_hr_user",
    )
    motcua_salary = fields.Float(
        string="Monthly salary today (VND)",
        digits=(16, 0),
        compute="_compute_motcua_salary",
        groups="hr.group_hr_user",
    )
    motcua_next_step_date = fields.Date(
        string="Next step increase",
        compute="_compute_motcua_next_step",
        store=True,
        groups="hr.group_hr_user",
    )
    motcua_next_step_type = fields.Selection(
        [("step", "Step increase"), ("seniority", "Seniority allowance")],
        string="Next increase",
        compute="_compute_motcua_next_step",
        store=True,
        groups="hr.group_hr_user",
    )
    motcua_retirement_date = fields.Date(
        string="Retirement date",
        compute="_compute_motcua_retirement_date",
        store=True,
        groups="hr.group_hr_user",
        help="Last day of the month in which the employee reaches the retirement age of the "
        "Labour Code 2019 roadmap (Decree 135/2020/ND-CP).",
    )
    motcua_is_current = fields.Boolean(
        string="Current version",
        compute="_compute_motcua_is_current",
        store=True,
        groups="hr.group_hr_user",
    )

    @api.depends("motcua_rank_id.scale_id.step_ids.coefficient", "motcua_step")
    def _compute_motcua_coefficient(self):
        for version in self:
            scale = version.motcua_rank_id.scale_id
            version.motcua_coefficient = scale._get_coefficient(version.motcua_step) if scale else 0.0

    @api.depends("motcua_position_id")
    def _compute_motcua_position_allowance(self):
        for version in self:
            version.motcua_position_allowance = version.motcua_position_id.allowance_coefficient

    @api.depends(
        "motcua_coefficient",
        "motcua_position_allowance",
        "motcua_other_allowance",
        "motcua_seniority_percent",
    )
    def _compute_motcua_total_coefficient(self):
        for version in self:
            seniority = round(version.motcua_coefficient * version.motcua_seniority_percent / 100.0, 3)
            version.motcua_seniority_coefficient = seniority
            version.motcua_total_coefficient = (
                version.motcua_coefficient
                + seniority
                + version.motcua_position_allowance
                + version.motcua_other_allowance
            )

    @api.depends("motcua_total_coefficient")
    def _compute_motcua_salary(self):
        base = self.env["motcua.hr.base.salary"]
        today = local_now().date()
        amount = base.search_count([("date_from", "<=", today)]) and base._get_amount(today)
        for version in self:
            version.motcua_salary = round(version.motcua_total_coefficient * amount) if amount else 0.0

    @api.depends(
        "motcua_rank_id.scale_id.step_interval_months",
        "motcua_rank_id.scale_id.max_step",
        "motcua_step",
        "motcua_step_date",
        "motcua_seniority_percent",
        "motcua_seniority_date",
        "employee_id.motcua_history_ids.kind",
        "employee_id.motcua_history_ids.date",
        "employee_id.motcua_history_ids.step_months",
    )
    def _compute_motcua_next_step(self):
        for version in self:
            version.motcua_next_step_date, version.motcua_next_step_type = version._motcua_next_step()

    def _motcua_next_step(self):
        """(date, type) of the next step increase or seniority increase, or (False, False).

        Steps come every `step_interval_months` of the scale; at the top step the seniority
        allowance starts after the same interval (5%) and rises by 1% a year. Commendations
        recorded since the start bring a step increase forward, discipline delays either.
        """
        self.ensure_one()
        scale = self.sudo().motcua_rank_id.scale_id
        if not (scale and self.motcua_step and self.motcua_step_date):
            return False, False
        interval = scale.step_interval_months
        if self.motcua_step < scale.max_step:
            kind, start = "step", self.motcua_step_date
            due = start + relativedelta(months=interval)
        elif not self.motcua_seniority_percent:
            kind, start = "seniority", self.motcua_step_date
            due = start + relativedelta(months=interval)
        else:
            kind, start = "seniority", self.motcua_seniority_date or self.motcua_step_date
            due = start + relativedelta(months=12)
        events = self.employee_id.sudo().motcua_history_ids.filtered(
            lambda h: h.date and h.date >= start and h.kind in ("commendation", "discipline")
        )
        earlier = sum(events.filtered(lambda h: h.kind == "commendation").mapped("step_months"))
        later = sum(events.filtered(lambda h: h.kind == "discipline").mapped("step_months"))
        if kind == "step":
            due -= relativedelta(months=min(earlier, 12))
        due += relativedelta(months=later)
        return max(due, start), kind

    @api.depends("employee_id.birthday", "sex")
    def _compute_motcua_retirement_date(self):
        for version in self:
            version.motcua_retirement_date = retirement_date(version.employee_id.birthday, version.sex)

    @api.depends("employee_id.current_version_id")
    def _compute_motcua_is_current(self):
        for version in self:
            version.motcua_is_current = bool(version.employee_id) and version.employee_id.current_version_id == version

    @api.constrains("motcua_step", "motcua_rank_id")
    def _check_motcua_step(self):
        for version in self:
            if version.motcua_step < 0:
                raise ValidationError(self.env._("The salary step cannot be negative."))
            scale = version.motcua_rank_id.scale_id
            if scale and version.motcua_step and version.motcua_step > scale.max_step:
                raise ValidationError(
                    self.env._(
                        "Step %(step)s does not exist in the salary scale %(scale)s (top step: %(max)s).",
                        step=version.motcua_step,
                        scale=scale.display_name,
                        max=scale.max_step,
                    )
                )
            if version.motcua_seniority_percent < 0:
                raise ValidationError(self.env._("The seniority allowance cannot be negative."))

    @api.constrains("identification_id", "sex", "employee_id")
    def _check_motcua_citizen_id(self):
        for version in self:
            if version.identification_id:
                validate_citizen_id(
                    self.env,
                    version.identification_id,
                    sex=version.sex,
                    birth_date=version.employee_id.birthday or None,
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._motcua_clean_citizen_id(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._motcua_clean_citizen_id(vals)
        if (
            "motcua_unit_id" in vals
            and not self.env.su
            and any(version.employee_id.motcua_unit_id.id != vals["motcua_unit_id"] for version in self)
        ):
            # the unit decides who keeps the record: it follows the employee, where it is checked
            raise UserError(self.env._("The unit of a version is the unit of its employee: change it on the employee."))
        res = super().write(vals)
        if {"motcua_position_id", "employee_id"} & set(vals):
            self.employee_id._motcua_sync_user()
        return res

    @api.model
    def _motcua_clean_citizen_id(self, vals):
        if vals.get("identification_id"):
            vals["identification_id"] = vals["identification_id"].replace(" ", "").replace(".", "")
