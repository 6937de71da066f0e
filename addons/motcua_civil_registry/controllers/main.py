import re

from odoo import http
from odoo.http import request
from odoo.tools import consteq

from odoo.addons.motcua_base.models.motcua_rate_limit import client_address

CODE_RE = re.compile(r"^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$")
RATE_LIMIT_BUCKET = "civil_verification"  # motcua.rate_limit.civil_verification.limit / .minutes


class CivilRegistryVerification(http.Controller):
    """Public verification of civil-status papers by the code printed on them."""

    @http.route(
        ["/xac-thuc-ho-tich", "/xac-thuc-ho-tich/<string:code>"],
        type="http",
        auth="public",
        website=True,
        sitemap=False,
        methods=["GET"],
    )
    def civil_verify(self, code=None, **kwargs):
        code = (code or kwargs.get("code") or "").strip().upper()
        if not code:
            return request.render("motcua_civil_registry.civil_verification_page", {"searched": False})
        # failed attempts are counted per address by motcua_base's limiter, as for the dossier lookup
        # counted before the answer (a burst cannot pass the limit), per real client address
        attempt = request.env["motcua.rate.limit"]._attempt(RATE_LIMIT_BUCKET, client_address(request.httprequest))
        if not attempt:
            return request.render(
                "motcua_civil_registry.civil_verification_page",
                {"searched": True, "code": code, "limited": True},
                status=429,
            )
        entry = None
        if CODE_RE.match(code):
            # the code is the secret printed on the paper: an exact match (compared in constant
            # time) is required before anything of the entry is read
            found = (
                request.env["motcua.civil.event"]
                .sudo()
                .search([("verification_code", "=", code), ("state", "=", "registered")], limit=1)
            )
            if found and consteq(found.verification_code, code):
                entry = found._civil_public_data()
        if entry:
            attempt._succeeded()
        return request.render(
            "motcua_civil_registry.civil_verification_page",
            {"searched": True, "code": code, "entry": entry},
            status=200 if entry else 404,
        )
