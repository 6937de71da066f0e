from odoo import SUPERUSER_ID, api, fields, models


class ResUsers(models.Model):
    """The employee's own civil-service record, readable by the user themself only."""

    _inherit = "res.users"

    motcua_hr_rank_id = fields.Many2one(
        "motcua.hr.rank",
        string="My rank",
        compute="_compute_motcua_hr_record",
        groups="hr.group_hr_user",
    )
    motcua_hr_step = fields.Integer(
        string="My salary step", compute="_compute_motcua_hr_record", groups="hr.group_hr_user"
    )
    motcua_hr_step_date = fields.Date(
        string="Step since", compute="_compute_motcua_hr_record", groups="hr.group_hr_user"
    )
    motcua_hr_total_coefficient = fields.Float(
        string="My total coefficient",
        digits=(6, 3),
        compute="_compute_motcua_hr_record",
        groups="hr.group_hr_user",
    )
    motcua_hr_salary = fields.Float(
        string="My monthly salary (VND)",
        digits=(16, 0),
        compute="_compute_motcua_hr_record",
        groups="hr.group_hr_user",
    )
    motcua_hr_next_step_date = fields.Date(
        string="My next step increase",
        compute="_compute_motcua_hr_record",
        groups="hr.group_hr_user",
    )
    motcua_hr_retirement_date = fields.Date(
        string="My retirement date",
        compute="_compute_motcua_hr_record",
        groups="hr.group_hr_user",
    )
    motcua_hr_history_ids = fields.Many2many(
        "motcua.hr.history",
        string="My career history",
        compute="_compute_motcua_hr_record",
        groups="hr.group_hr_user",
    )

    MOTCUA_HR_SELF_FIELDS = [
        "motcua_hr_rank_id",
        "motcua_hr_step",
        "motcua_hr_step_date",
        "motcua_hr_total_coefficient",
        "motcua_hr_salary",
        "motcua_hr_next_step_date",
        "motcua_hr_retirement_date",
        "motcua_hr_history_ids",
    ]

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + self.MOTCUA_HR_SELF_FIELDS

    @api.depends_context("uid")
    def _compute_motcua_hr_record(self):
        for user in self:
            # the user's own record is read as superuser (see SELF_READABLE_FIELDS); anyone
            # else's goes through the access rules of the reader.
            employee = user.sudo().employee_id if user == self.env.user else user.employee_id
            version = employee.current_version_id
            user.motcua_hr_rank_id = version.motcua_rank_id
            user.motcua_hr_step = version.motcua_step
            user.motcua_hr_step_date = version.motcua_step_date
            user.motcua_hr_total_coefficient = version.motcua_total_coefficient
            user.motcua_hr_salary = version.motcua_salary
            user.motcua_hr_next_step_date = version.motcua_next_step_date
            user.motcua_hr_retirement_date = version.motcua_retirement_date
            user.motcua_hr_history_ids = employee.motcua_history_ids

    def action_motcua_hr_my_record(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("My civil-service record"),
            "res_model": "res.users",
            "res_id": self.env.user.id,
            "view_mode": "form",
            "views": [(self.env.ref("motcua_hr.res_users_view_form_motcua_hr_record").id, "form")],
            "target": "current",
        }

    @api.model
    def get_view(self, view_id=None, view_type="form", **options):
        # Like hr's preferences form: the own-record form shows fields protected by groups,
        # which the user reads on their own record only (SELF_READABLE_FIELDS).
        record_view = self.env.ref("motcua_hr.res_users_view_form_motcua_hr_record", raise_if_not_found=False)
        if record_view and view_id == record_view.id:
            self = self.with_user(SUPERUSER_ID)
        return super().get_view(view_id, view_type, **options)
