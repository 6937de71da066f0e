import base64
import os

from odoo import fields, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

from .main import RATE_LIMIT_BUCKET, _clean, _client

ALLOWED_EXTENSIONS = {".pdf", ".jpg", ".jpeg", ".png"}
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

    def _motcua_max_bytes(self):
        mb = int(request.env["ir.config_parameter"].sudo().get_param("motcua_dossier.upload_max_mb", 5))
        return mb * 1024 * 1024

    def _motcua_read_files(self, files):
        """Validate uploads: type and size; return [(name, bytes)] or raise a clear error."""
        result = []
        limit = self._motcua_max_bytes()
        for upload in files:
            if not upload or not upload.filename:
                continue
            ext = os.path.splitext(upload.filename)[1].lower()
            if ext not in ALLOWED_EXTENSIONS:
                raise ValidationError(
                    request.env._(
                        "The file %(name)s is not accepted: send PDF, JPG or PNG files.", name=upload.filename
                    )
                )
            content = upload.read(limit + 1)
            if len(content) > limit:
                raise ValidationError(
                    request.env._(
                        "The file %(name)s is larger than %(size)s MB.", name=upload.filename, size=limit // 1048576
                    )
                )
            if not content:
                raise ValidationError(request.env._("The file %(name)s is empty.", name=upload.filename))
            result.append((os.path.basename(upload.filename)[:200], content))
        return result

    def _motcua_attach(self, dossier, files, prefix):
        return (
            request.env["ir.attachment"]
            .sudo()
            .create(
                [
                    {
                        "name": f"{prefix} - {name}" if prefix else name,
                        "datas": base64.b64encode(content),
                        "res_model": "motcua.dossier",
                        "res_id": dossier.id,
                    }
                    for name, content in files
                ]
            )
        )

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
        if dossier.sudo().partner_id != request.env.user.partner_id:
            # only the applicant answers the supplement request (staff and monitors can read it too)
            return request.redirect("/my")
        if dossier.sudo().state != "supplement":
            return request.redirect(f"/my/dossiers/{dossier_id}")
        try:
            files = self._motcua_read_files(request.httprequest.files.getlist("files"))
            if not files:
                raise ValidationError(request.env._("Attach the missing papers."))
        except ValidationError as exc:
            return request.render(
                "motcua_dossier.portal_my_dossier",
                {
                    "dossier": dossier.sudo(),
                    "data": dossier._motcua_public_data(),
                    "page_name": "dossier",
                    "error": exc.args[0],
                },
            )
        dossier_sudo = dossier.sudo()
        self._motcua_attach(dossier_sudo, files, request.env._("Supplement"))
        dossier_sudo.action_resubmit()
        dossier_sudo.message_post(body=request.env._("The applicant sent the missing papers online."))
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
        if not procedure or procedure.current_id or not procedure.active or procedure.online_level == "none":
            raise request.not_found()
        return procedure

    def _motcua_units_for(self, procedure):
        if procedure.unit_id:
            return procedure.unit_id
        return (
            request.env["motcua.unit"]
            .sudo()
            .search(
                [
                    ("unit_type", "=", "commune" if procedure.level == "commune" else "province"),
                    ("identifier_code", "!=", False),
                    ("active", "=", True),
                ]
            )
            .filtered(lambda u: not u.is_historical)
        )

    @http.route("/my/dossiers/new", type="http", auth="user", methods=["GET"], website=True)
    def portal_dossier_new(self, procedure_id=None, **kwargs):
        procedure = self._motcua_online_procedure(procedure_id)
        partner = request.env.user.partner_id
        return request.render(
            "motcua_dossier.portal_dossier_new",
            {
                "procedure": procedure,
                "units": self._motcua_units_for(procedure),
                "page_name": "dossier_new",
                "values": {
                    "applicant_name": partner.name,
                    "applicant_email": partner.email or "",
                    "applicant_phone": partner.phone or "",
                },
                "error": None,
                "max_mb": self._motcua_max_bytes() // 1048576,
            },
        )

    @http.route("/my/dossiers/new", type="http", auth="user", methods=["POST"], website=True)
    def portal_dossier_submit(self, procedure_id=None, **post):
        procedure = self._motcua_online_procedure(procedure_id)
        units = self._motcua_units_for(procedure)
        fields_ = [
            "applicant_name",
            "applicant_id_number",
            "applicant_birth_date",
            "applicant_phone",
            "applicant_email",
            "applicant_address",
            "request_summary",
        ]
        values = {f: (post.get(f) or "").strip()[:500] for f in fields_}
        try:
            if values["applicant_birth_date"]:
                try:
                    fields.Date.to_date(values["applicant_birth_date"])
                except ValueError:
                    raise ValidationError(request.env._("The date of birth is not a valid date."))
            unit = units.filtered(lambda u: str(u.id) == str(post.get("unit_id")))[:1]
            if not unit:
                raise ValidationError(request.env._("Choose the unit that receives your dossier."))
            if not values["applicant_name"]:
                raise ValidationError(request.env._("Give the applicant's name."))
            files_by_paper = {}
            for paper in procedure.paper_ids:
                files = self._motcua_read_files(request.httprequest.files.getlist(f"paper_{paper.id}"))
                if paper.mandatory and not files:
                    raise ValidationError(request.env._("Attach the paper: %(paper)s.", paper=paper.name))
                files_by_paper[paper.id] = files
            dossier = self._motcua_create_online(procedure, unit, values, files_by_paper)
        except (ValidationError, UserError) as exc:
            request.env.cr.rollback()
            return request.render(
                "motcua_dossier.portal_dossier_new",
                {
                    "procedure": procedure,
                    "units": units,
                    "page_name": "dossier_new",
                    "values": values,
                    "error": exc.args[0],
                    "max_mb": self._motcua_max_bytes() // 1048576,
                },
            )
        return request.redirect(f"/my/dossiers/{dossier.id}?success=submitted")

    def _motcua_create_online(self, procedure, unit, values, files_by_paper):
        Dossier = request.env["motcua.dossier"].sudo()
        vals = {k: v for k, v in values.items() if v}
        vals.update(
            {
                "procedure_id": procedure.id,
                "unit_id": unit.id,
                "channel": "online",
                "return_channel": "online",
                "partner_id": request.env.user.partner_id.id,
            }
        )
        dossier = Dossier.with_context(mail_create_nosubscribe=True).create(vals)
        for line in dossier.paper_ids:
            template = procedure.paper_ids.filtered(lambda p, line=line: p.name == line.name)[:1]
            files = files_by_paper.get(template.id) or []
            if files:
                self._motcua_attach(dossier, files, line.name)
                line.received = True
        dossier.action_receive()
        return dossier
