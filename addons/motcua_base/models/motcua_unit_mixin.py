from odoo import fields, models


class MotcuaUnitMixin(models.AbstractModel):
    """Records that belong to an administrative unit.

    Give a model this mixin and the three record rules of the pattern documented in
    ``security/motcua_base_security.xml`` (copy them for the new model):

    * staff of the one-stop groups see the records of their units and of the units below;
    * province monitors see every record;
    * (per module) portal owners see their own records.
    """

    _name = "motcua.unit.mixin"
    _description = "Belongs to an administrative unit"

    unit_id = fields.Many2one(
        "motcua.unit",
        required=True,
        index=True,
        ondelete="restrict",
        default=lambda self: self.env.user.motcua_default_unit_id,
    )
