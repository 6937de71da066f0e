from odoo import api, fields, models
from odoo.tools.misc import formatLang

from odoo.addons.motcua_base.tools import local_day_start
from odoo.addons.motcua_dossier.models.motcua_dossier_statistics import period_range


def rate_label(env, rate, finished):
    """ "75,0 %" in the user's language; "—" for a unit that settled nothing (it has no rate)."""
    if not finished:
        return "—"
    return "%s %%" % formatLang(env, rate, digits=1)


class MotcuaDossierStatistics(models.Model):
    _inherit = "motcua.dossier.statistics"

    @api.private
    @api.model
    def _motcua_public_rates(self, units=None):
        """[{period, label, finished, rate, rate_label}] for the month, quarter and year of today:
        the average ``on_time_rate`` of the settled rows of ``units`` (and their sub-units), or of
        the whole province without ``units``. A period with nothing settled has no rate ("—")."""
        Statistics = self.sudo()
        today = fields.Date.context_today(self)
        labels = {
            "month": self.env._("This month"),
            "quarter": self.env._("This quarter"),
            "year": self.env._("This year"),
        }
        result = []
        for period, label in labels.items():
            start, end = period_range(period, today)
            domain = [
                ("kind", "=", "finished"),
                ("date", ">=", local_day_start(start)),
                ("date", "<", local_day_start(end)),
            ]
            if units is not None:
                domain.append(("unit_id", "child_of", units.ids))
            [(finished, rate)] = Statistics._read_group(domain, [], ["__count", "on_time_rate:avg"])
            result.append(
                {
                    "period": period,
                    "label": label,
                    "finished": finished,
                    "rate": rate if finished else None,
                    "rate_label": rate_label(self.env, rate or 0.0, finished),
                }
            )
        return result
