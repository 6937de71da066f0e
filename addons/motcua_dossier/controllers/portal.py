from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

from ..models.motcua_dossier_online import ONLINE_FIELDS
from .main import RATE_LIMIT_BUCKET, _clean, _client

SUCCESSES = ("submitted", "supplement", "claimed")


class MotcuaDossierPortal(CustomerPortal):
    """Citizens' "My dossiers": list, detail with timeline and result papers, online
    submission and answers to supplement requests. Records are read with the portal user's
    rights (record rule: own contact); ``sudo`` only after the ownership check."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "dossier_count" in counters:
            Dossier = request.env["motcua.dossier"]
            values["dossier_count"] = Dossier.search_count([]) if Dossier.has_access("read") else 0
        return values

    def _motcua_read_files(self, uploads):
        """The uploaded files as ``[(name, content)]``, each read up to one byte past the size
        limit (the model refuses what is too large, of the wrong kind or empty)."""
        limit = request.env["motcua.dossier"]._motcua_upload_max_bytes()
        return [(upload.filename, upload.read(limit + 1)) for upload in uploads if upload and upload.filename]

    # ------------------------------------------------------------------ list / detail
    @http.route(["/my/dossiers", "/my/dossiers/page/<int:page>"], type="http", auth="user", website=True)
    def portal_my_dossiers(self, page=1, **kwargs):
        Dossier = request.env["motcua.dossier"]
        if not Dossier.has_access("read"):
            return request.redirect("/my")
        total = Dossier.search_count([])
        pager = request.website.pager(url="/my/dossiers", total=total, page=page, step=20)
        dossiers = Dossier.search([], order="received_at desc, id desc", limit=20, offset=pager["offset"])
        return request.render(
            "motcua_dossier.portal_my_dossiers",
            {
                "dossiers": dossiers,
                "pager": pager,
                "page_name": "dossiers",
                "default_url": "/my/dossiers",
                "claim_failed": kwargs.get("claim") == "failed",
            },
        )

    @http.route("/my/dossiers/<int:dossier_id>", type="http", auth="public", website=True)
    def portal_my_dossier(self, dossier_id, access_token=None, **kwargs):
        try:
            dossier = self._document_check_access("motcua.dossier", dossier_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._get_page_view_values(
            dossier,
            access_token,
            {
                "dossier": dossier,
                "data": dossier._motcua_public_data(),
                "page_name": "dossier",
                # only known outcomes are shown: text from the URL is never reflected on the page
                "error": None,
                "success": kwargs.get("success") if kwargs.get("success") in SUCCESSES else None,
            },
            "my_dossiers_history",
            False,
        )
        return request.render("motcua_dossier.portal_my_dossier", values)

    @http.route("/my/dossiers/<int:dossier_id>/result/<int:attachment_id>", type="http", auth="public")
    def portal_dossier_result(self, dossier_id, attachment_id, access_token=None, **kwargs):
        try:
            dossier = self._document_check_access("motcua.dossier", dossier_id, access_token)
        except (AccessError, MissingError):
            raise request.not_found()
        attachment = dossier.result_attachment_ids.filtered(lambda a: a.id == attachment_id)
        if not attachment:
            raise request.not_found()
        return request.env["ir.binary"]._get_stream_from(attachment.sudo()).get_response(as_attachment=True)

    @http.route("/my/dossiers/<int:dossier_id>/supplement", type="http", auth="user", methods=["POST"], website=True)
    def portal_dossier_supplement(self, dossier_id, **kwargs):
        dossier = request.env["motcua.dossier"].browse(dossier_id)
        try:
            dossier.check_access("read")
        except (AccessError, MissingError):
            return request.redirect("/my")
        try:
            dossier._motcua_supplement_online(self._motcua_read_files(request.httprequest.files.getlist("files")))
        except AccessError:
            return request.redirect("/my")
        except (ValidationError, UserError) as exc:
            values = {
                "dossier": dossier.sudo(),
                "data": dossier._motcua_public_data(),
                "page_name": "dossier",
                "error": exc.args[0],
            }
            return request.render("motcua_dossier.portal_my_dossier", values, status=400)
        return request.redirect(f"/my/dossiers/{dossier_id}?success=supplement")

    # ------------------------------------------------------------------ online submission
    @http.route("/my/dossiers/claim", type="http", auth="user", methods=["POST"], website=True)
    def portal_dossier_claim(self, code="", key="", id_number="", **kwargs):
        """A citizen adds a dossier received at the desk to their account with the printed code and key
        (counted by the lookup's rate limit)."""
        attempt = request.env["motcua.rate.limit"]._attempt(RATE_LIMIT_BUCKET, _client())
        dossier = request.env["motcua.dossier"].browse()
        if attempt:
            dossier = request.env["motcua.dossier"]._motcua_claim(
                _clean(code, 64), _clean(key, 16), _clean(id_number, 32)
            )
        if not dossier:
            return request.redirect("/my/dossiers?claim=failed")
        attempt._succeeded()
        return request.redirect(f"/my/dossiers/{dossier.id}?success=claimed")

    def _motcua_online_procedure(self, procedure_id):
        try:
            procedure_id = int(procedure_id or 0)
        except (TypeError, ValueError):
            raise request.not_found() from None
        procedure = request.env["motcua.procedure"].sudo().browse(procedure_id).exists()
        if not procedure or not procedure._motcua_accepts_online():
            raise request.not_found()
        return procedure

    def _motcua_form_values(self, procedure, values, error=None):
        return {
            "procedure": procedure,
            "units": procedure._motcua_online_units(),
            "page_name": "dossier_new",
            "values": values,
            "error": error,
            "max_mb": request.env["motcua.dossier"]._motcua_upload_max_bytes() // 1048576,
        }

    @http.route("/my/dossiers/new", type="http", auth="user", methods=["GET"], website=True)
    def portal_dossier_new(self, procedure_id=None, **kwargs):
        procedure = self._motcua_online_procedure(procedure_id)
        partner = request.env.user.partner_id
        values = {
            "applicant_name": partner.name,
            "applicant_email": partner.email or "",
            "applicant_phone": partner.phone or "",
        }
        return request.render("motcua_dossier.portal_dossier_new", self._motcua_form_values(procedure, values))

    @http.route("/my/dossiers/new", type="http", auth="user", methods=["POST"], website=True)
    def portal_dossier_submit(self, procedure_id=None, unit_id=None, **post):
        procedure = self._motcua_online_procedure(procedure_id)
        values = {name: str(post.get(name) or "") for name in ONLINE_FIELDS}
        unit = request.env["motcua.unit"].sudo().browse(int(unit_id) if str(unit_id or "").isdigit() else 0)
        files = {
            paper.id: self._motcua_read_files(request.httprequest.files.getlist(f"paper_{paper.id}"))
            for paper in procedure.paper_ids
        }
        try:
            dossier = request.env["motcua.dossier"]._motcua_submit_online(procedure, unit.exists(), values, files)
        except (ValidationError, UserError) as exc:
            return request.render(
                "motcua_dossier.portal_dossier_new",
                self._motcua_form_values(procedure, values, exc.args[0]),
                status=400,
            )
        return request.redirect(f"/my/dossiers/{dossier.id}?success=submitted")
