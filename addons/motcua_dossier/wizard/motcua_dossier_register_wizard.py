from datetime import timedelta

from odoo import fields, models
from odoo.exceptions import ValidationError

from odoo.addons.motcua_base.tools import local_day_start


class MotcuaDossierRegisterWizard(models.TransientModel):
    """Prints the tracking register (sổ theo dõi hồ sơ) of a unit for a period."""

    _name = "motcua.dossier.register.wizard"
    _description = "Dossier tracking register"

    unit_id = fields.Many2one("motcua.unit", required=True, default=lambda self: self.env.user.motcua_default_unit_id)
    date_from = fields.Date(required=True, default=lambda self: fields.Date.context_today(self).replace(day=1))
    date_to = fields.Date(required=True, default=fields.Date.context_today)
    dossier_ids = fields.Many2many("motcua.dossier", compute="_compute_dossier_ids")

    def _compute_dossier_ids(self):
        for wizard in self:
            if not (wizard.unit_id and wizard.date_from and wizard.date_to):
                wizard.dossier_ids = False
                continue
            lo, hi = local_day_start(wizard.date_from), local_day_start(wizard.date_to + timedelta(days=1))
            wizard.dossier_ids = self.env["motcua.dossier"].search(
                [
                    ("unit_id", "child_of", wizard.unit_id.id),
                    ("state", "!=", "draft"),
                    ("received_at", ">=", lo),
                    ("received_at", "<", hi),
                ],
                order="received_at, id",
            )

    def action_print(self):
        self.ensure_one()
        if self.date_to < self.date_from:
            raise ValidationError(self.env._("The period ends before it starts."))
        return self.env.ref("motcua_dossier.action_report_dossier_register").report_action(self)
