from odoo import fields, models


class MotcuaRatingReason(models.Model):
    """A reason a citizen can tick when rating the service (waited too long, asked for extra
    papers...): data an administrator maintains, shared by every unit."""

    _name = "motcua.rating.reason"
    _description = "Rating reason"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _name_uniq = models.Constraint("UNIQUE(name)", "A reason with this name already exists.")
