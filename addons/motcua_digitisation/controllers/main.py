import re

from odoo import http
from odoo.http import request

from odoo.addons.motcua_base.models.motcua_rate_limit import client_address

TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{32}$")
RATE_LIMIT_BUCKET = "eresult_verification"  # motcua.rate_limit.eresult_verification.limit / .minutes
MAX_UPLOAD = 20 * 1024 * 1024


class EresultVerification(http.Controller):
    """Public verification of electronic results by the QR code printed on them: a citizen, a
    bank or another agency sees the minimum (code, procedure, unit, date) and can upload the
    PDF it was given to check that it is the one issued, unchanged."""

    @http.route(
        "/xac-minh/ket-qua/<string:token>",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
        methods=["GET", "POST"],
    )
    def eresult_verify(self, token, upload=None, **kwargs):
        # counted before the answer (a burst cannot pass the limit), per real client address
        attempt = request.env["motcua.rate.limit"]._attempt(RATE_LIMIT_BUCKET, client_address(request.httprequest))
        if not attempt:
            return request.render("motcua_digitisation.eresult_verification_page", {"limited": True}, status=429)
        Store = request.env["motcua.citizen.paper"]
        entry = Store._motcua_find_eresult(token) if TOKEN_RE.match(token or "") else Store
        if not entry:
            return request.render("motcua_digitisation.eresult_verification_page", {"entry": None}, status=404)
        attempt._succeeded()
        values = {"entry": entry._motcua_eresult_public_data(), "token": token, "check": None}
        if request.httprequest.method == "POST":
            raw = upload.read(MAX_UPLOAD + 1) if hasattr(upload, "read") else b""
            values["check"] = entry._motcua_check_upload(raw if len(raw) <= MAX_UPLOAD else b"")
        return request.render("motcua_digitisation.eresult_verification_page", values)
