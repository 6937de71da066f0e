from odoo import fields, models


class MotcuaProcedureField(models.Model):
    """A field of administrative procedures (lĩnh vực), e.g. civil status, land, construction."""

    _name = "motcua.procedure.field"
    _description = "Procedure field"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _code_uniq = models.UniqueIndex("(code) WHERE code IS NOT NULL", "Another field already uses this code.")
