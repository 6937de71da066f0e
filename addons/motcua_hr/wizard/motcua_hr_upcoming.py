from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.motcua_base.tools import local_now


class MotcuaHrUpcoming(models.TransientModel):
    """Step increases and retirements due in the next months, for a unit."""

    _name = "motcua.hr.upcoming"
    _description = "Upcoming step increases and retirements"

    unit_id = fields.Many2one(
        "motcua.unit",
        default=lambda self: self.env.user.motcua_default_unit_id,
        help="Leave empty for every unit you can see.",
    )
    months = fields.Integer(string="Next months", default=6, required=True)

    @api.constrains("months")
    def _check_months(self):
        for wizard in self:
            if not 1 <= wizard.months <= 60:
                raise ValidationError(self.env._("Choose between 1 and 60 months."))

    def _get_domain(self):
        self.ensure_one()
        today = local_now().date()
        return self.env["hr.employee"]._motcua_upcoming_domain(
            fields.Date.to_string(today),
            fields.Date.to_string(today + relativedelta(months=self.months)),
            self.unit_id or None,
        )

    def action_open(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Due in the next %(months)s months", months=self.months),
            "res_model": "hr.employee",
            "view_mode": "list,form",
            "views": [(self.env.ref("motcua_hr.hr_employee_view_list_motcua_upcoming").id, "list"), (False, "form")],
            "domain": list(self._get_domain()),
            "context": {"create": False},
        }
