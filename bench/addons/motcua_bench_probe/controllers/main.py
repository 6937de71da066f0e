import json

from odoo import http
from odoo.http import request


class BenchProbe(http.Controller):
    """Baselines: the cheapest answers the same server can give through the same machinery."""

    @http.route("/bench/constant", type="http", auth="public", methods=["GET"], csrf=False, save_session=False)
    def constant(self, **kwargs):
        return request.make_response(
            json.dumps({"status": "ok"}),
            headers=[("Content-Type", "application/json; charset=utf-8"), ("Cache-Control", "no-store")],
        )

    @http.route("/bench/page", type="http", auth="public", methods=["GET"], website=True, sitemap=False)
    def page(self, **kwargs):
        layout = "motcua_dossier.public_layout"
        if not request.env.ref(layout, raise_if_not_found=False):
            layout = "website.layout"
        response = request.render("motcua_bench_probe.page", {"layout": layout})
        response.headers["Cache-Control"] = "no-store"
        return response
