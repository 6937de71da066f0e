from odoo import api, fields, models
from odoo.exceptions import UserError


class MotcuaHrBaseSalary(models.Model):
    """The statutory base salary (lương cơ sở), valid from a date until the next row."""

    _name = "motcua.hr.base.salary"
    _description = "Base salary"
    _order = "date_from desc"
    _rec_name = "date_from"

    date_from = fields.Date(string="Valid from", required=True)
    amount = fields.Float(string="Amount (VND)", required=True, digits=(16, 0))
    legal_basis = fields.Char(help="The decree that set this amount, e.g. Decree 73/2024/ND-CP.")

    _date_uniq = models.Constraint("UNIQUE(date_from)", "There is already a base salary from this date.")
    _amount_positive = models.Constraint("CHECK(amount > 0)", "The base salary must be positive.")

    @api.model
    def _get_amount(self, date):
        """The base salary valid on ``date``; a clear error when none is recorded yet."""
        row = self.sudo().search([("date_from", "<=", date)], order="date_from desc", limit=1)
        if not row:
            raise UserError(self.env._("No base salary is recorded for %(date)s.", date=date))
        return row.amount
