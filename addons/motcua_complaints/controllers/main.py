from odoo import fields, http
from odoo.exceptions import ValidationError
from odoo.http import request
from odoo.tools import consteq

from odoo.addons.motcua_base.models.motcua_rate_limit import client_address


class MotcuaComplaintsWebsite(http.Controller):
    """Public pages: reception schedule, online submission and the minimal lookup."""

    @http.route("/khieu-nai", type="http", auth="public", website=True, sitemap=True)
    def complaints_home(self, **kw):
        return request.render("motcua_complaints.complaints_home_page", {})

    @http.route("/khieu-nai/lich-tiep-cong-dan", type="http", auth="public", website=True, sitemap=True)
    def reception_schedule(self, **kw):
        sessions = (
            request.env["motcua.complaint.schedule"]
            .sudo()
            .search(
                [
                    ("is_published", "=", True),
                    ("date_end", ">=", fields.Datetime.now()),
                ]
            )
        )
        return request.render("motcua_complaints.reception_schedule_page", {"sessions": sessions})

    # ---------------------------------------------------------------- submission
    def _submit_page(self, post, errors=(), status=200):
        values = {
            "units": request.env["motcua.complaint.petition"]._online_units(),
            "post": post,
            "errors": list(errors),
        }
        return request.render("motcua_complaints.petition_submit_page", values, status=status)

    @http.route("/khieu-nai/gui", type="http", auth="public", website=True, methods=["GET", "POST"], sitemap=True)
    def petition_submit(self, **post):
        if request.httprequest.method != "POST":
            prefill = {key: post[key] for key in ("petition_type", "unit_id") if key in post}
            if not request.env.user._is_public():
                partner = request.env.user.partner_id
                prefill.update(name=partner.name, email=partner.email or "")
            return self._submit_page(prefill)
        files = [
            {"name": upload.filename, "data": upload.read()}
            for upload in request.httprequest.files.getlist("attachments")
            if upload.filename
        ]
        try:
            petition = request.env["motcua.complaint.petition"]._submit_online(post, files)
        except ValidationError as error:
            # the form comes back with what the citizen typed, and every problem
            return self._submit_page(post, error.args[0].splitlines(), status=400)
        return request.render(
            "motcua_complaints.petition_submitted_page",
            {
                "code": petition.code,
                "access_key": petition.access_key,
                "is_portal_user": not request.env.user._is_public(),
            },
        )

    # ---------------------------------------------------------------- lookup
    @http.route("/khieu-nai/tra-cuu", type="http", auth="public", website=True, methods=["GET", "POST"], sitemap=True)
    def petition_lookup(self, code=None, key=None, **kw):
        values = {"code": code or "", "status": None, "error": None}
        if request.httprequest.method != "POST":
            return request.render("motcua_complaints.petition_lookup_page", values)
        # counted before the answer (a burst cannot pass the limit), per real client address
        attempt = request.env["motcua.rate.limit"]._attempt("complaint_lookup", client_address(request.httprequest))
        if not attempt:
            values["error"] = request.env._("Too many lookups from your connection. Try again in a few minutes.")
            return request.render("motcua_complaints.petition_lookup_page", values, status=429)
        code = (code or "").strip()
        key = (key or "").strip().upper()
        petition = (
            request.env["motcua.complaint.petition"].sudo().search([("code", "=", code)], limit=1) if code else None
        )
        if petition and key and consteq(petition.access_key or "", key):
            values["status"] = petition._public_status()
            attempt._succeeded()
        else:
            values["error"] = request.env._("No petition matches this code and lookup key.")
        return request.render("motcua_complaints.petition_lookup_page", values, status=200 if values["status"] else 404)
