from odoo import api, fields, models
from odoo.exceptions import ValidationError


class MotcuaHrSalaryScale(models.Model):
    """A salary scale (bảng lương) of Decree 204/2004: its steps and their coefficients."""

    _name = "motcua.hr.salary.scale"
    _description = "Salary scale"
    _order = "sequence, code"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Short code of the scale, e.g. A1 or A2.1.")
    sequence = fields.Integer(default=10)
    step_interval_months = fields.Integer(
        string="Months between steps",
        required=True,
        default=36,
        help="A step increase is due this many months after the current step started "
        "(36 for university-level scales, 24 for the lower groups).",
    )
    step_ids = fields.One2many("motcua.hr.salary.scale.step", "scale_id", string="Steps", copy=True)
    max_step = fields.Integer(string="Top step", compute="_compute_max_step", store=True)
    active = fields.Boolean(default=True)

    _code_uniq = models.Constraint("UNIQUE(code)", "Another salary scale already uses this code.")
    _interval_positive = models.Constraint(
        "CHECK(step_interval_months > 0)",
        "The months between steps must be positive.",
    )

    @api.depends("step_ids.step")
    def _compute_max_step(self):
        for scale in self:
            scale.max_step = max(scale.step_ids.mapped("step"), default=0)

    def _compute_display_name(self):
        for scale in self:
            scale.display_name = f"{scale.code} - {scale.name}" if scale.code else scale.name

    def _get_coefficient(self, step):
        """Coefficient of ``step`` in this scale (0.0 when the scale has no such step)."""
        self.ensure_one()
        line = self.step_ids.filtered(lambda s: s.step == step)[:1]
        return line.coefficient if line else 0.0


class MotcuaHrSalaryScaleStep(models.Model):
    _name = "motcua.hr.salary.scale.step"
    _description = "Step of a salary scale"
    _order = "scale_id, step"

    scale_id = fields.Many2one("motcua.hr.salary.scale", required=True, ondelete="cascade", index=True)
    step = fields.Integer(required=True)
    coefficient = fields.Float(required=True, digits=(6, 2))

    _step_uniq = models.Constraint("UNIQUE(scale_id, step)", "A scale has each step only once.")

    @api.constrains("step", "coefficient")
    def _check_values(self):
        for line in self:
            if line.step < 1:
                raise ValidationError(self.env._("Steps are numbered from 1."))
            if line.coefficient <= 0:
                raise ValidationError(self.env._("The coefficient of step %(step)s must be positive.", step=line.step))
