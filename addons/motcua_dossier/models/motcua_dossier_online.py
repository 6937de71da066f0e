import base64
import os

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.motcua_base.tools import check_file_content

# What a citizen may upload: scans and photos of papers
UPLOAD_EXTENSIONS = {"pdf", "jpg", "jpeg", "png"}
# The applicant's particulars a citizen types in the online form
ONLINE_FIELDS = (
    "applicant_name",
    "applicant_id_number",
    "applicant_birth_date",
    "applicant_phone",
    "applicant_email",
    "applicant_address",
    "request_summary",
)


class MotcuaDossier(models.Model):
    """The citizen's online channel: a dossier submitted from the portal, the answer to a supplement
    request, and the checks of what they upload. The portal controllers parse the forms and call
    these methods as the citizen; the rules live here."""

    # one file per concern of the dossier: split on purpose
    _inherit = "motcua.dossier"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _motcua_upload_max_bytes(self):
        mb = int(self.env["ir.config_parameter"].sudo().get_param("motcua_dossier.upload_max_mb", 5))
        return mb * 1024 * 1024

    @api.model
    @api.private
    def _motcua_check_uploads(self, files):
        """Raise a translated ValidationError unless every ``(name, content)`` is a PDF, JPG or PNG
        (by its content), not empty and within the size limit; returns the files with clean names."""
        limit = self._motcua_upload_max_bytes()
        checked = []
        for name, content in files:
            name = os.path.basename(name or "")[:200]
            if not content:
                raise ValidationError(self.env._("The file %(name)s is empty.", name=name))
            if len(content) > limit:
                raise ValidationError(
                    self.env._("The file %(name)s is larger than %(size)s MB.", name=name, size=limit // 1048576)
                )
            check_file_content(self.env, content, name, allowed=UPLOAD_EXTENSIONS)
            checked.append((name, content))
        return checked

    def _motcua_attach(self, files, prefix):
        self.ensure_one()
        return (
            self.env["ir.attachment"]
            .sudo()
            .create(
                [
                    {
                        "name": f"{prefix} - {name}" if prefix else name,
                        "datas": base64.b64encode(content),
                        "res_model": self._name,
                        "res_id": self.id,
                    }
                    for name, content in files
                ]
            )
        )

    @api.model
    def _motcua_online_vals(self, procedure, unit, values):
        """The values of an online dossier from the citizen's form, or a translated ValidationError."""
        if not procedure._motcua_accepts_online():
            raise ValidationError(self.env._("This procedure cannot be submitted online."))
        if unit not in procedure._motcua_online_units():
            raise ValidationError(self.env._("Choose the unit that receives your dossier."))
        vals = {name: (values.get(name) or "").replace("\x00", "").strip()[:500] for name in ONLINE_FIELDS}
        if not vals["applicant_name"]:
            raise ValidationError(self.env._("Give the applicant's name."))
        if vals["applicant_birth_date"]:
            try:
                fields.Date.to_date(vals["applicant_birth_date"])
            except ValueError:
                raise ValidationError(self.env._("The date of birth is not a valid date.")) from None
        vals = {name: value for name, value in vals.items() if value}
        vals.update(
            procedure_id=procedure.id,
            unit_id=unit.id,
            channel="online",
            return_channel="online",
            partner_id=self.env.user.partner_id.id,
        )
        return vals

    @api.model
    @api.private
    def _motcua_submit_online(self, procedure, unit, values, files):
        """The current user submits a dossier of ``procedure`` to ``unit`` online and it is received.

        ``values``: the applicant's particulars as typed (text); ``files``: ``{procedure paper id:
        [(file name, content)]}``, each paper of the procedure matched by its id. Every mandatory
        paper needs a file. Raises a translated ValidationError or UserError, and then nothing is
        saved; returns the received dossier.
        """
        vals = self._motcua_online_vals(procedure, unit, values)
        files = {paper.id: self._motcua_check_uploads(files.get(paper.id) or []) for paper in procedure.paper_ids}
        missing = procedure.paper_ids.filtered(lambda paper: paper.mandatory and not files[paper.id])
        if missing:
            raise ValidationError(self.env._("Attach the paper: %(paper)s.", paper=missing[0].name))
        with self.env.cr.savepoint():
            dossier = self.sudo().with_context(mail_create_nosubscribe=True).create(vals)
            for line in dossier.paper_ids:
                if files.get(line.procedure_paper_id.id):
                    dossier._motcua_attach(files[line.procedure_paper_id.id], line.name)
                    line.received = True
            dossier.action_receive()
        return dossier.with_env(self.env)

    @api.private
    def _motcua_supplement_online(self, files):
        """The applicant sends the missing papers from the portal: attached, the clock runs again.
        Only the applicant (their portal account) answers; a translated error otherwise."""
        self.ensure_one()
        dossier = self.sudo()
        if dossier.partner_id != self.env.user.partner_id:
            # staff and monitors can read the request too: only the applicant answers it
            raise AccessError(self.env._("Only the applicant can send the missing papers."))
        self._check_state("supplement", self.env._("Sending the missing papers"))
        files = self._motcua_check_uploads(files)
        if not files:
            raise ValidationError(self.env._("Attach the missing papers."))
        dossier._motcua_attach(files, self.env._("Supplement"))
        dossier.action_resubmit()
        dossier.message_post(body=self.env._("The applicant sent the missing papers online."))
        return True
