import ast

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain

from odoo.addons.motcua_base.tools import local_day_start

DATE_FIELDS = [("received_at", "Received in the period"), ("finished_at", "Settled in the period")]


class MotcuaIndicator(models.Model):
    """One indicator of Decision 766: a ratio of dossiers, as rule data an administrator edits.

    value = points × (dossiers matching the denominator AND the numerator) ÷ (dossiers matching
    the denominator), counted among the dossiers of a receiving unit whose ``date_field`` falls in
    the month. No dossier in the denominator: no value ("—"), neither 0 nor the full points.

    A rule is in force for the months whose first day lies between ``date_from`` and ``date_to``:
    to change a rule from a month on, close the old record (``date_to``) and create a new one with
    the same code; past months keep the figures of the old rule.
    """

    _name = "motcua.indicator"
    _description = "Indicator (Decision 766)"
    _order = "group_id, sequence, code, date_from desc"

    group_id = fields.Many2one("motcua.indicator.group", required=True, index=True, ondelete="restrict")
    code = fields.Char(required=True, index=True, help="The same code for every dated version of one indicator.")
    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    points = fields.Float(required=True, digits=(5, 2))
    date_from = fields.Date(string="In force from", required=True)
    date_to = fields.Date(string="In force until")
    date_field = fields.Selection(
        DATE_FIELDS,
        string="Period by",
        required=True,
        default="received_at",
        help="Which date of a dossier puts it into a month: when it was received or when it was settled.",
    )
    denominator_domain = fields.Char(
        string="Denominator",
        required=True,
        default="[]",
        help="The dossiers counted: a domain over motcua.dossier, e.g. [('state', 'in', ['result_ready', 'returned'])].",
    )
    numerator_domain = fields.Char(
        string="Numerator",
        required=True,
        default="[]",
        help="Among the dossiers of the denominator, those that meet the indicator, e.g. "
        "[('timeliness', 'in', ['early', 'on_time'])].",
    )
    formula = fields.Text(required=True, translate=True, help="The formula in plain words, as published.")
    source = fields.Char(
        required=True,
        default="Decision 766/QĐ-TTg (2022) — to verify",
        help='The article of the decision the formula and the points come from; "to verify" until checked.',
    )
    active = fields.Boolean(default=True)

    _code_date_uniq = models.Constraint(
        "UNIQUE(code, date_from)", "An indicator has one version per code and starting date."
    )
    _points_positive = models.Constraint("CHECK(points > 0)", "An indicator gives more than 0 points.")

    @api.constrains("numerator_domain", "denominator_domain")
    def _check_domains(self):
        for indicator in self:
            for name in ("denominator_domain", "numerator_domain"):
                indicator._motcua_domain(name)

    @api.constrains("date_from", "date_to", "code", "active")
    def _check_dates(self):
        for indicator in self:
            if indicator.date_to and indicator.date_to < indicator.date_from:
                raise ValidationError(self.env._("The indicator %(code)s ends before it starts.", code=indicator.code))
            others = self.search([("code", "=", indicator.code), ("id", "!=", indicator.id)])
            for other in others:
                if indicator._motcua_overlaps(other):
                    raise ValidationError(
                        self.env._(
                            "Two versions of the indicator %(code)s are in force at the same time "
                            "(from %(first)s and from %(second)s): close the older one first.",
                            code=indicator.code,
                            first=other.date_from,
                            second=indicator.date_from,
                        )
                    )

    def _motcua_overlaps(self, other):
        far = fields.Date.to_date("9999-12-31")
        return self.date_from <= (other.date_to or far) and other.date_from <= (self.date_to or far)

    def _motcua_domain(self, name):
        """The domain of field ``name`` as a Domain over motcua.dossier, or a ValidationError
        naming the field."""
        self.ensure_one()
        label = self._fields[name]._description_string(self.env)
        try:
            domain = Domain(ast.literal_eval(self[name] or "[]"))
            domain.validate(self.env["motcua.dossier"].sudo())
        except (ValueError, SyntaxError, TypeError, KeyError, AttributeError) as error:
            raise ValidationError(
                self.env._(
                    "The %(field)s of the indicator %(code)s is not a valid condition on dossiers: %(error)s",
                    field=label,
                    code=self.code,
                    error=error,
                )
            ) from error
        return domain

    def _motcua_in_force(self, month):
        """Whether the rule applies to the month starting on ``month``."""
        self.ensure_one()
        return self.date_from <= month and (not self.date_to or month <= self.date_to)

    def _motcua_dossier_domains(self, unit, month_start, month_end):
        """(denominator, numerator) domains of the dossiers of ``unit`` whose date falls in the
        local month [month_start, month_end): what a figure counts and what it opens."""
        self.ensure_one()
        period = Domain(self.date_field, ">=", local_day_start(month_start)) & Domain(
            self.date_field, "<", local_day_start(month_end)
        )
        scope = Domain("unit_id", "in", unit.ids) if unit else Domain("unit_id", "!=", False)
        denominator = period & scope & self._motcua_domain("denominator_domain")
        return denominator, denominator & self._motcua_domain("numerator_domain")
