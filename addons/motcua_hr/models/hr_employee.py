from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.fields import Domain

from odoo.addons.motcua_base.tools import local_now

from .motcua_hr_position import ONE_STOP_ROLES


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    motcua_unit_id = fields.Many2one(
        "motcua.unit",
        string="Unit",
        index=True,
        tracking=True,
        ondelete="restrict",
        default=lambda self: self.env.user.motcua_default_unit_id,
        help="The administrative unit the employee works for. HR officers see the staff of their units.",
    )
    motcua_history_ids = fields.One2many(
        "motcua.hr.history",
        "employee_id",
        string="Career history",
        groups="hr.group_hr_user",
    )

    def _compute_current_version_id(self):
        # hr takes the version valid on the UTC day; an office in Viet Nam counts in its own days
        # (a step increase recorded at 06:30 for today is current at once, not at 07:00)
        today = local_now().date()
        for employee in self:
            version = self.env["hr.version"].search(
                [("employee_id", "=", employee.id), ("date_version", "<=", today)], order="date_version desc", limit=1
            )
            version = version or employee.version_ids[:1]
            if employee.current_version_id != version:
                employee.current_version_id = version

    @api.constrains("birthday")
    def _check_motcua_birthday(self):
        self.version_ids._check_motcua_citizen_id()

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("motcua_unit_id"):
                self._motcua_check_unit_scope(self.env["motcua.unit"].browse(vals["motcua_unit_id"]))
        employees = super().create(vals_list)
        employees._motcua_sync_user()
        return employees

    def write(self, vals):
        if vals.get("motcua_unit_id"):
            self._motcua_check_unit_scope(self.env["motcua.unit"].browse(vals["motcua_unit_id"]))
        old_units = {employee: employee.motcua_unit_id for employee in self} if "motcua_unit_id" in vals else {}
        res = super().write(vals)
        if {"motcua_unit_id", "user_id", "motcua_position_id"} & set(vals):
            for employee in self:
                employee._motcua_sync_user(old_unit=old_units.get(employee))
        return res

    def _motcua_sync_user(self, old_unit=None):
        """Give the employee's user the one-stop role of the position and the unit, so that
        administrators manage people in one place."""
        self._motcua_check_role_manager()
        role_groups = {role: self.env.ref(xmlid) for role, xmlid in ONE_STOP_ROLES.items()}
        monitor = self.env.ref("motcua_base.group_province_monitor")
        for employee in self.sudo():
            user = employee.user_id
            if not user or user.share:
                continue
            vals = {}
            role = employee.current_version_id.motcua_position_id.one_stop_role
            if role and monitor not in user.all_group_ids:
                commands = [fields.Command.unlink(g.id) for r, g in role_groups.items() if r != role]
                commands.append(fields.Command.link(role_groups[role].id))
                vals["group_ids"] = commands
            unit_commands = []
            if old_unit and old_unit != employee.motcua_unit_id:
                unit_commands.append(fields.Command.unlink(old_unit.id))
            if employee.motcua_unit_id:
                unit_commands.append(fields.Command.link(employee.motcua_unit_id.id))
            if unit_commands:
                vals["motcua_unit_ids"] = unit_commands
            if vals:
                user.write(vals)

    @api.model
    def _motcua_hr_scope(self):
        """The units the acting user manages staff of: a unit HR officer, their own unit tree;
        None for province HR managers and one-stop administrators (every unit)."""
        actor = self.env.user
        if (
            self.env.su
            or actor.has_group("motcua_hr.group_hr_manager")
            or actor.has_group("motcua_base.group_administrator")
        ):
            return None
        return self.env["motcua.unit"].sudo().search([("id", "child_of", actor.motcua_unit_ids.ids)])

    @api.model
    def _motcua_check_unit_scope(self, unit):
        """The unit of an employee becomes the units of their user (what they see): a unit HR
        officer places staff only in the units of their own unit tree."""
        scope = self._motcua_hr_scope()
        if scope is None:
            return
        if unit - scope:
            raise AccessError(
                self.env._(
                    "You cannot place staff in %(unit)s: a unit HR officer places staff only in the "
                    "units of their own unit tree. Ask a province HR manager.",
                    unit=unit.sudo().display_name,
                )
            )

    def _motcua_check_role_manager(self):
        """A unit HR officer may hand one-stop roles only to people of their own unit tree (or
        to users without a unit yet), never to themselves: roles of anybody else are for
        province HR managers and one-stop administrators."""
        actor, scope = self.env.user, self._motcua_hr_scope()
        if scope is None:
            return
        monitor = self.env.ref("motcua_base.group_province_monitor")
        for user in self.sudo().user_id:
            if user.share:
                continue
            if user == actor or monitor in user.all_group_ids or (user.motcua_unit_ids - scope):
                raise AccessError(
                    self.env._(
                        "You cannot give one-stop roles to %(user)s: a unit HR officer manages the roles of "
                        "the staff of their own units only, and never their own. Ask a province HR manager.",
                        user=user.name,
                    )
                )

    def motcua_salary_on(self, on_date):
        """Monthly salary (VND) on ``on_date``: the version valid that day times the base
        salary of that day, so that past months keep their amounts."""
        self.ensure_one()
        version = self._get_version(on_date)
        base = self.env["motcua.hr.base.salary"]._get_amount(on_date)
        return round(version.motcua_total_coefficient * base)

    @api.model
    def _motcua_upcoming_domain(self, date_from, date_to, unit=None):
        domain = Domain("motcua_unit_id", "!=", False) & (
            Domain("motcua_next_step_date", ">=", date_from) & Domain("motcua_next_step_date", "<=", date_to)
            | Domain("motcua_retirement_date", ">=", date_from) & Domain("motcua_retirement_date", "<=", date_to)
        )
        if unit:
            domain &= Domain("motcua_unit_id", "child_of", unit.ids)
        return domain

    @api.model
    def _cron_motcua_upcoming_activities(self):
        """Remind the HR responsible of each employee ahead of step increases and retirements."""
        params = self.env["ir.config_parameter"].sudo()
        step_days = int(params.get_param("motcua_hr.step_increase_notice_days", 60))
        retirement_days = int(params.get_param("motcua_hr.retirement_notice_days", 180))
        today = local_now().date()
        step_type = self.env.ref("motcua_hr.mail_activity_type_step_increase")
        retirement_type = self.env.ref("motcua_hr.mail_activity_type_retirement")
        employees = self.sudo().search(
            self._motcua_upcoming_domain(today, today + relativedelta(days=max(step_days, retirement_days)))
        )
        for employee in employees:
            version = employee.current_version_id
            user = version.hr_responsible_id
            if version.motcua_next_step_date and version.motcua_next_step_date <= today + relativedelta(days=step_days):
                note = (
                    self.env._("Step increase due for %(name)s", name=employee.name)
                    if version.motcua_next_step_type == "step"
                    else self.env._("Seniority allowance due for %(name)s", name=employee.name)
                )
                employee._motcua_remind(step_type, version.motcua_next_step_date, note, user)
            if version.motcua_retirement_date and version.motcua_retirement_date <= today + relativedelta(
                days=retirement_days
            ):
                employee._motcua_remind(
                    retirement_type,
                    version.motcua_retirement_date,
                    self.env._("%(name)s retires on %(date)s", name=employee.name, date=version.motcua_retirement_date),
                    user,
                )

    def _motcua_remind(self, activity_type, deadline, summary, user):
        self.ensure_one()
        existing = (
            self.env["mail.activity"]
            .sudo()
            .search_count(
                [
                    ("res_model", "=", "hr.employee"),
                    ("res_id", "=", self.id),
                    ("activity_type_id", "=", activity_type.id),
                    ("date_deadline", "=", deadline),
                ]
            )
        )
        if not existing:
            self.sudo().activity_schedule(
                activity_type_id=activity_type.id,
                date_deadline=deadline,
                summary=summary,
                user_id=user.id or self.env.ref("base.user_admin").id,
            )

    def action_motcua_history(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("motcua_hr.action_motcua_hr_history")
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id}
        return action
