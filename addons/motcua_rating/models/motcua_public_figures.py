from odoo import api, models


class MotcuaPublicFigures(models.Model):
    """The transparency page's kept figures carry each unit's satisfaction rate too, so that a
    visitor's request reads them with the rest (``satisfaction``: {period: {unit id: rate}}, the
    unit ids as text, JSON's keys)."""

    _inherit = "motcua.public.figures"

    @api.model
    def _motcua_transparency_figures(self, today):
        figures = super()._motcua_transparency_figures(today)
        Dossier = self.env["motcua.dossier"].sudo()
        figures["satisfaction"] = {
            period["key"]: {
                str(unit_id): rate
                for unit_id, rate in Dossier._motcua_satisfaction_by_unit(
                    period["date_from"], period["date_to"]
                ).items()
            }
            for period in figures["periods"]
        }
        return figures
