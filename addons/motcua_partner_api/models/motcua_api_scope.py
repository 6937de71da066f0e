from odoo import fields, models


class MotcuaApiScope(models.Model):
    """What a partner system may do with the API: one record per scope, shipped as data."""

    _name = "motcua.api.scope"
    _description = "Partner API scope"
    _order = "code"
    _rec_name = "code"

    code = fields.Char(required=True, readonly=True, help="The scope as the API names it, e.g. dossiers:status.")
    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)

    _code_uniq = models.Constraint("UNIQUE(code)", "A scope code must be unique.")
