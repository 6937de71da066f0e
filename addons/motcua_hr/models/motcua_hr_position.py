from odoo import fields, models

ONE_STOP_ROLES = {
    "receiving_officer": "motcua_base.group_receiving_officer",
    "specialist": "motcua_base.group_specialist",
    "unit_leader": "motcua_base.group_unit_leader",
}


class MotcuaHrPosition(models.Model):
    """A position (chức vụ / vị trí việc làm) with its allowance and its one-stop role."""

    _name = "motcua.hr.position"
    _description = "Position"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    allowance_coefficient = fields.Float(
        string="Position allowance",
        digits=(6, 2),
        help="Coefficient of the position allowance (phụ cấp chức vụ), added to the salary coefficient.",
    )
    one_stop_role = fields.Selection(
        [
            ("receiving_officer", "Receiving officer"),
            ("specialist", "Specialist"),
            ("unit_leader", "Unit leader"),
        ],
        help="The one-stop role given to the user of an employee who holds this position.",
    )
    active = fields.Boolean(default=True)

    _name_uniq = models.Constraint("UNIQUE(name)", "Another position already has this name.")
    _allowance_positive = models.Constraint(
        "CHECK(allowance_coefficient >= 0)",
        "The position allowance cannot be negative.",
    )
