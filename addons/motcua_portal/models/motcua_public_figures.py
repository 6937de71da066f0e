from odoo import api, models
from odoo.tools.misc import formatLang

from odoo.addons.motcua_dossier.models.motcua_dossier_statistics import PERIODS
from odoo.addons.motcua_dossier.models.motcua_public_figures import TRANSPARENCY


def rate_label(env, rate, finished):
    """ "75,0 %" in the user's language; "—" for a unit that settled nothing (it has no rate)."""
    if not finished:
        return "—"
    return "%s %%" % formatLang(env, rate, digits=1)


class MotcuaPublicFigures(models.Model):
    """The unit sites and the provincial portal show on-time rates from the figures kept for
    /cong-khai (``motcua.public.figures``, key ``transparency``): a visitor's request reads the one
    stored row and the unit tree, never the dossiers, whatever their number."""

    _inherit = "motcua.public.figures"

    @api.private
    @api.model
    def _motcua_site_rates(self, units=None):
        """[{period, label, finished, rate, rate_label}] for the month, quarter and year of the kept
        figures: the on-time rate of the dossiers settled by ``units`` and their sub-units (each
        dossier at its receiving unit, as the leaders' report counts it), or of the whole province
        without ``units``. A period with nothing settled, or before the first refresh, has no rate
        ("—")."""
        figures, _as_of = self._motcua_published(TRANSPARENCY)
        stored = {period["key"]: period for period in (figures or {}).get("periods", [])}
        tree = None
        if units is not None:
            tree = set(
                self.env["motcua.unit"].sudo().with_context(active_test=False)._search([("id", "child_of", units.ids)])
            )
        labels = {
            "month": self.env._("This month"),
            "quarter": self.env._("This quarter"),
            "year": self.env._("This year"),
        }
        result = []
        for period in PERIODS:
            finished = on_time = 0
            for line in stored.get(period, {}).get("lines", []):
                if not line["finished"] or (tree is not None and line["unit"].id not in tree):
                    continue
                finished += line["finished"]
                # the report's rate is the average of 100 (early or on time) and 0 (late)
                on_time += round(line["rate"] * line["finished"] / 100)
            rate = 100.0 * on_time / finished if finished else None
            result.append(
                {
                    "period": period,
                    "label": labels[period],
                    "finished": finished,
                    "rate": rate,
                    "rate_label": rate_label(self.env, rate or 0.0, finished),
                }
            )
        return result
