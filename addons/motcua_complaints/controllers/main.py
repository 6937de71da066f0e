import mimetypes

from odoo import SUPERUSER_ID, fields, http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request
from odoo.tools import consteq, email_normalize

from odoo.addons.motcua_base.models.motcua_rate_limit import client_address
from odoo.addons.motcua_base.tools import normalize_vn_phone, validate_citizen_id

MAX_FILES = 5
MAX_FILE_SIZE = 10 * 1024 * 1024
PETITION_TYPES = ("complaint", "denunciation", "proposal")


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
    def _submission_units(self):
        return (
            request.env["motcua.unit"]
            .sudo()
            .search(
                [
                    ("unit_type", "in", ("province", "commune", "department")),
                    "|",
                    ("date_end", "=", False),
                    ("date_end", ">=", fields.Date.today()),
                ]
            )
        )

    def _form_values(self, post, errors):
        return {
            "units": self._submission_units(),
            "post": post,
            "errors": errors,
        }

    def _validate_submission(self, post, files):  # noqa: C901 (issue 14: the rules move to the model)
        """Return (petition values, errors) for the submitted form."""
        env = request.env
        errors = {}
        petition_type = post.get("petition_type")
        if petition_type not in PETITION_TYPES:
            errors["petition_type"] = env._("Choose the type of petition.")
        unit = self._submission_units().filtered(lambda u: str(u.id) == post.get("unit_id"))
        if not unit:
            errors["unit_id"] = env._("Choose the agency responsible.")
        subject = (post.get("subject") or "").strip()
        content = (post.get("content") or "").strip()
        if not subject:
            errors["subject"] = env._("Give a subject.")
        if not content:
            errors["content"] = env._("Describe your petition.")
        anonymous = bool(post.get("is_anonymous")) and petition_type == "denunciation"
        name = (post.get("name") or "").strip()
        vals = {
            "petition_type": petition_type,
            "unit_id": unit.id,
            "subject": subject[:200],
            "content": content,
            "source": "portal",
            "is_anonymous": anonymous,
        }
        if not anonymous:
            if not name:
                errors["name"] = env._("Give your full name.")
            vals["petitioner_name"] = name
            vals["petitioner_address"] = (post.get("address") or "").strip()
            for key, field, check in (
                ("id_number", "petitioner_id_number", lambda v: validate_citizen_id(env, v)),
                ("phone", "petitioner_phone", lambda v: normalize_vn_phone(env, v)),
            ):
                value = (post.get(key) or "").strip()
                if value:
                    try:
                        vals[field] = check(value)
                    except ValidationError as e:
                        errors[key] = e.args[0]
            email = (post.get("email") or "").strip()
            if email:
                if email_normalize(email):
                    vals["petitioner_email"] = email_normalize(email)
                else:
                    errors["email"] = env._("This e-mail address is not valid.")
        date_known = post.get("date_known")
        if petition_type == "complaint" and date_known:
            try:
                day = fields.Date.to_date(date_known)
            except ValueError:
                day = None
                errors["date_known"] = env._("This date is not valid.")
            if day:
                today = fields.Date.context_today(env["motcua.complaint.petition"])
                if day > today:
                    errors["date_known"] = env._("This date is in the future.")
                elif not errors.get("petition_type"):
                    rule = env["motcua.complaint.rule"].sudo()._find("complaint", "first", today)
                    if rule.filing_limit_days and (today - day).days > rule.filing_limit_days:
                        errors["date_known"] = env._(
                            "A complaint must be filed within %(days)s days of learning of the decision or act; "
                            "this time has passed. Contact the agency if you had a legitimate reason "
                            "(illness, natural disaster...).",
                            days=rule.filing_limit_days,
                        )
                vals["date_known"] = day
        if len(files) > MAX_FILES:
            errors["attachments"] = env._("Attach at most %(count)s files.", count=MAX_FILES)
        for upload in files:
            if len(upload["data"]) > MAX_FILE_SIZE:
                errors["attachments"] = env._("Each file must be smaller than 10 MB.")
        return vals, errors

    @http.route("/khieu-nai/gui", type="http", auth="public", website=True, methods=["GET", "POST"], sitemap=True)
    def petition_submit(self, **post):
        if request.httprequest.method != "POST":
            prefill = {key: post[key] for key in ("petition_type", "unit_id") if key in post}
            if not request.env.user._is_public():
                partner = request.env.user.partner_id
                prefill.update(name=partner.name, email=partner.email or "")
            return request.render("motcua_complaints.petition_submit_page", self._form_values(prefill, {}))
        files = [
            {"name": f.filename, "data": f.read(), "mimetype": f.mimetype}
            for f in request.httprequest.files.getlist("attachments")
            if f.filename
        ]
        vals, errors = self._validate_submission(post, files)
        if errors:
            return request.render("motcua_complaints.petition_submit_page", self._form_values(post, errors), status=400)
        user = request.env.user
        # created by the system, not by the citizen: nothing in the chatter points at them
        Petition = (
            request.env["motcua.complaint.petition"]
            .with_user(SUPERUSER_ID)
            .sudo()
            .with_context(mail_create_nosubscribe=True)
        )
        try:
            petition = Petition.create(vals)
        except (UserError, ValidationError) as e:
            return request.render(
                "motcua_complaints.petition_submit_page", self._form_values(post, {"form": e.args[0]}), status=400
            )
        identity = petition.identity_id
        if not user._is_public() and not petition.is_anonymous:
            identity.partner_id = user.partner_id
        protected = petition.petition_type == "denunciation"
        request.env["ir.attachment"].sudo().create(
            [
                {
                    "name": upload["name"],
                    "raw": upload["data"],
                    "mimetype": upload["mimetype"] or mimetypes.guess_type(upload["name"])[0],
                    # a denouncer's documents may reveal them: they follow the identity's protection
                    "res_model": "motcua.complaint.identity" if protected else "motcua.complaint.petition",
                    "res_id": identity.id if protected else petition.id,
                }
                for upload in files
            ]
        )
        return request.render(
            "motcua_complaints.petition_submitted_page",
            {
                "code": petition.code,
                "access_key": petition.access_key,
                "is_portal_user": not user._is_public(),
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
