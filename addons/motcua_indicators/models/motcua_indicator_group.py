from odoo import fields, models


class MotcuaIndicatorGroup(models.Model):
    """A group of indicators of Decision 766/QĐ-TTg (public information, progress of resolution,
    online service...) and the most points it gives a unit.

    The group's score of a unit and month is the sum of its indicators' values, scaled to the
    group's points when some of them have no value (see ``motcua.indicator.value``)."""

    _name = "motcua.indicator.group"
    _description = "Indicator group (Decision 766)"
    _order = "sequence, id"

    code = fields.Char(required=True)
    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    points = fields.Float(string="Maximum points", required=True, digits=(5, 2))
    source = fields.Char(
        required=True,
        default="Decision 766/QĐ-TTg (2022) — to verify",
        help='Where the group and its points come from (article of the decision); say "to verify" '
        "until someone checked the figures against the decision's text.",
    )
    indicator_ids = fields.One2many("motcua.indicator", "group_id", string="Indicators")
    active = fields.Boolean(default=True)

    _code_uniq = models.Constraint("UNIQUE(code)", "Each indicator group has its own code.")
    _points_positive = models.Constraint("CHECK(points > 0)", "A group gives more than 0 points.")
