from odoo import fields, models
from odoo.exceptions import ValidationError


class MotcuaDossierRegisterWizard(models.TransientModel):
    """Prints or exports the tracking register (sổ theo dõi hồ sơ) of a unit for a period."""

    _name = "motcua.dossier.register.wizard"
    _description = "Dossier tracking register"

    unit_id = fields.Many2one("motcua.unit", required=True, default=lambda self: self.env.user.motcua_default_unit_id)
    date_from = fields.Date(required=True, default=lambda self: fields.Date.context_today(self).replace(day=1))
    date_to = fields.Date(required=True, default=fields.Date.context_today)

    def _motcua_check_period(self):
        self.ensure_one()
        if self.date_to < self.date_from:
            raise ValidationError(self.env._("The period ends before it starts."))

    def _motcua_download(self, kind):
        self._motcua_check_period()
        return {"type": "ir.actions.act_url", "url": f"/motcua/register/{self.id}/{kind}", "target": "download"}

    def action_print(self):
        """The register as a PDF, printed in parts however long it is (``_motcua_register_pdf``)."""
        return self._motcua_download("pdf")

    def action_export_xlsx(self):
        return self._motcua_download("xlsx")
