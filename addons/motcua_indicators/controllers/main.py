from dateutil.relativedelta import relativedelta

from odoo import http
from odoo.http import request

from odoo.addons.motcua_base.tools import local_now

from ..models.motcua_indicator_value import month_starts
from ..models.res_config_settings import VERIFIED_PARAM


class MotcuaIndicatorsPublic(http.Controller):
    @http.route("/cong-khai/chi-so", type="http", auth="public", methods=["GET"], website=True, sitemap=True)
    def indicators(self, **kwargs):
        """Each unit's Decision 766 score, total and per group, for this month and the last, read
        from the stored figures (recomputed every hour), never from the dossiers."""
        Value = request.env["motcua.indicator.value"]
        this_month = month_starts(local_now().date(), 1)[0]
        months = [this_month, this_month - relativedelta(months=1)]
        labels = [request.env._("This month"), request.env._("Last month")]
        values = {
            "months": [
                dict(Value._motcua_public_table(month), label=label, month=month)
                for month, label in zip(months, labels, strict=True)
            ],
            "verified": bool(request.env["ir.config_parameter"].sudo().get_param(VERIFIED_PARAM)),
            "computed_at": Value.sudo().search([], order="create_date desc", limit=1).create_date,
        }
        return request.render("motcua_indicators.indicators_page", values)
