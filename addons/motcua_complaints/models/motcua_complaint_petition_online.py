from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import email_normalize

from odoo.addons.motcua_base.tools import check_file_content, normalize_vn_phone, validate_citizen_id

from .motcua_complaint_rule import PETITION_TYPES

MAX_FILES = 5
MAX_FILE_SIZE = 10 * 1024 * 1024


class MotcuaComplaintPetition(models.Model):
    """Petitions sent by citizens from the website: the rules of the online form."""

    _inherit = "motcua.complaint.petition"

    @api.model
    @api.private
    def _online_units(self):
        """The agencies a citizen may send a petition to."""
        return (
            self.env["motcua.unit"]
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

    @api.model
    @api.private
    def _submit_online(self, form, files):
        """Create the petition the current (public or portal) user sends from the website.

        ``form`` holds the strings of the form (petition_type, unit_id, subject, content,
        is_anonymous, date_known, name, id_number, address, phone, email); ``files`` the
        uploads, dicts with ``name`` and ``data`` (bytes; their type is read from the content). Raise a ValidationError
        listing every problem, one per line, and create nothing; otherwise return the petition
        (as superuser: the citizen reads only its code and lookup key)."""
        errors = []
        vals = self._online_values(form, errors)
        self._check_online_files(files, errors)
        if not errors:
            try:
                with self.env.cr.savepoint():
                    return self._create_online(vals, files)
            except (UserError, ValidationError) as error:
                errors.append(error.args[0])
        raise ValidationError("\n".join(errors))

    @api.model
    def _online_values(self, form, errors):
        """The petition's values from the form; what is wrong is appended to ``errors``."""
        petition_type = form.get("petition_type")
        if petition_type not in dict(PETITION_TYPES):
            errors.append(self.env._("Choose the type of petition."))
        unit = self._online_units().filtered(lambda u: str(u.id) == form.get("unit_id"))
        if not unit:
            errors.append(self.env._("Choose the agency responsible."))
        subject = (form.get("subject") or "").strip()
        content = (form.get("content") or "").strip()
        if not subject:
            errors.append(self.env._("Give a subject."))
        if not content:
            errors.append(self.env._("Describe your petition."))
        anonymous = bool(form.get("is_anonymous")) and petition_type == "denunciation"
        vals = {
            "petition_type": petition_type,
            "unit_id": unit.id,
            "subject": subject[:200],
            "content": content,
            "source": "portal",
            "is_anonymous": anonymous,
        }
        if not anonymous:
            vals.update(self._online_identity(form, errors))
        if petition_type == "complaint" and form.get("date_known"):
            vals["date_known"] = self._online_date_known(form["date_known"], errors)
        return vals

    @api.model
    def _online_identity(self, form, errors):
        name = (form.get("name") or "").strip()
        if not name:
            errors.append(self.env._("Give your full name."))
        vals = {"petitioner_name": name, "petitioner_address": (form.get("address") or "").strip()}
        for key, field_name, check in (
            ("id_number", "petitioner_id_number", validate_citizen_id),
            ("phone", "petitioner_phone", normalize_vn_phone),
        ):
            value = (form.get(key) or "").strip()
            try:
                vals[field_name] = value and check(self.env, value)
            except ValidationError as error:
                errors.append(error.args[0])
        email = (form.get("email") or "").strip()
        if email and not email_normalize(email):
            errors.append(self.env._("This e-mail address is not valid."))
        vals["petitioner_email"] = email_normalize(email) or False
        return vals

    @api.model
    def _online_date_known(self, value, errors):
        try:
            day = fields.Date.to_date(value)
        except ValueError:
            errors.append(self.env._("This date is not valid."))
            return False
        if day > fields.Date.context_today(self):
            errors.append(self.env._("This date is in the future."))
            return False
        return day

    @api.model
    def _check_online_files(self, files, errors):
        if len(files) > MAX_FILES:
            errors.append(self.env._("Attach at most %(count)s files.", count=MAX_FILES))
        for upload in files:
            if len(upload["data"]) > MAX_FILE_SIZE:
                errors.append(self.env._("Each file must be smaller than 10 MB."))
                continue
            try:
                check_file_content(self.env, upload["data"], upload["name"])
            except ValidationError as error:
                errors.append(error.args[0])

    @api.model
    def _create_online(self, vals, files):
        user = self.env.user
        # created by the system, not by the citizen: nothing in the chatter points at them
        petition = self.with_user(SUPERUSER_ID).sudo().with_context(mail_create_nosubscribe=True).create(vals)
        if petition.filing_late:
            # the filing time of the rule the petition falls under (Law on Complaints, art. 9)
            raise ValidationError(
                self.env._(
                    "A complaint must be filed within %(days)s days of learning of the decision or act; "
                    "this time has passed. Contact the agency if you had a legitimate reason "
                    "(illness, natural disaster...).",
                    days=petition.rule_id.filing_limit_days,
                )
            )
        identity = petition.identity_id
        if not user._is_public() and not petition.is_anonymous:
            identity.partner_id = user.partner_id
        # a denouncer's documents may reveal them: they follow the identity's protection
        owner = identity if petition.identity_protected else petition
        self.env["ir.attachment"].sudo().create(
            [
                {
                    "name": upload["name"],
                    "raw": upload["data"],
                    "res_model": owner._name,
                    "res_id": owner.id,
                }
                for upload in files
            ]
        )
        return petition
