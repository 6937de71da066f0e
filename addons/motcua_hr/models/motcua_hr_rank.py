from odoo import fields, models

CATEGORIES = [
    ("cadre", "Cadre"),
    ("civil_servant", "Civil servant"),
    ("public_employee", "Public employee"),
    ("contract", "Contract worker"),
]


class MotcuaHrRank(models.Model):
    """A rank (ngạch) or professional title of civil servants and public employees."""

    _name = "motcua.hr.rank"
    _description = "Civil-service rank"
    _order = "code"
    _rec_names_search = ["code", "name"]

    code = fields.Char(required=True, help="Official code of the rank, e.g. 01.003 for specialist.")
    name = fields.Char(required=True, translate=True)
    scale_id = fields.Many2one("motcua.hr.salary.scale", string="Salary scale", required=True, ondelete="restrict")
    step_interval_months = fields.Integer(related="scale_id.step_interval_months")
    max_step = fields.Integer(related="scale_id.max_step")
    category = fields.Selection(
        [("civil_servant", "Civil servant"), ("public_employee", "Public employee")],
        default="civil_servant",
        required=True,
    )
    active = fields.Boolean(default=True)

    _code_uniq = models.Constraint("UNIQUE(code)", "Another rank already uses this code.")

    def _compute_display_name(self):
        for rank in self:
            rank.display_name = f"{rank.code} {rank.name}" if rank.code else rank.name
