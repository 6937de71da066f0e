import base64
from datetime import UTC

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import str2bool

from odoo.addons.motcua_base.tools import check_file_content

from ..tools import SignatureError, load_certificate, verify_pdf

URGENCY_LEVELS = [
    ("normal", "Normal"),
    ("urgent", "Urgent (Khẩn)"),
    ("very_urgent", "Very urgent (Thượng khẩn)"),
    ("flash", "Flash (Hỏa tốc)"),
]
SECRECY_LEVELS = [
    ("normal", "Not secret"),
    ("confidential", "Confidential (Mật)"),
    ("secret", "Secret (Tối mật)"),
    ("top_secret", "Top secret (Tuyệt mật)"),
]
SECRECY_RANK = {"normal": 0, "confidential": 1, "secret": 2, "top_secret": 3}
SIGNATURE_STATES = [
    ("none", "No file"),
    ("unsigned", "Not signed"),
    ("valid", "Valid signature"),
    ("tampered", "Modified after signing"),
    ("revoked", "Certificate revoked"),
    ("revocation_unknown", "Revocation status unknown"),
    ("expired", "Certificate expired or not yet valid"),
    ("untrusted", "Untrusted certificate"),
    ("invalid", "Invalid signature"),
]
TIMESTAMP_STATES = [
    ("none", "No timestamp"),
    ("valid", "Valid timestamp"),
    ("invalid", "Invalid or untrusted timestamp"),
]


def _naive_utc(moment):
    """A naive UTC datetime (as Odoo stores them) of an aware datetime, or False."""
    return moment.astimezone(UTC).replace(tzinfo=None) if moment else False


# the fields of a document whose reading is logged when it is secret
CONTENT_FIELDS = {"summary", "file", "attachment_ids", "instructions", "display_name", "name"}


class MotcuaDocumentMixin(models.AbstractModel):
    """What incoming and outgoing official documents share: type, summary, urgency and
    secrecy, the main file with the verification of its digital signatures, the link to
    any record of the suite and the logging of every read of a secret document."""

    _name = "motcua.document.mixin"
    _inherit = ["motcua.access.log.mixin"]
    _description = "Official document"

    type_id = fields.Many2one("motcua.document.type", string="Document type", tracking=True, index=True)
    summary = fields.Text(tracking=True, help="Trích yếu: what the document is about.")
    urgency = fields.Selection(URGENCY_LEVELS, default="normal", required=True, tracking=True)
    secrecy = fields.Selection(SECRECY_LEVELS, default="normal", required=True, tracking=True)
    secrecy_level = fields.Integer(compute="_compute_secrecy_level", store=True, index=True)
    page_count = fields.Integer(string="Pages")
    file = fields.Binary(string="Main file", attachment=True, copy=False)
    file_name = fields.Char(copy=False)
    signature_state = fields.Selection(SIGNATURE_STATES, default="none", readonly=True, copy=False, string="Signature")
    signature_signer = fields.Char(readonly=True, copy=False, string="Signed by")
    signature_time = fields.Datetime(readonly=True, copy=False, string="Signed on")
    signature_revocation_date = fields.Datetime(readonly=True, copy=False, string="Certificate revoked on")
    signature_timestamp_state = fields.Selection(
        TIMESTAMP_STATES, default="none", readonly=True, copy=False, string="Timestamp"
    )
    signature_timestamp = fields.Datetime(
        readonly=True, copy=False, string="Timestamped on", help="The time a time-stamping authority vouches for."
    )
    signature_details = fields.Text(readonly=True, copy=False, string="Verification details")
    res_model = fields.Char(
        string="Linked model",
        index=True,
        copy=False,
        help="Technical name of the record this document belongs to, e.g. a dossier.",
    )
    res_id = fields.Many2oneReference(string="Linked record ID", model_field="res_model", index=True, copy=False)
    linked_record_name = fields.Char(compute="_compute_linked_record_name", string="Linked record")

    @api.depends("secrecy")
    def _compute_secrecy_level(self):
        for doc in self:
            doc.secrecy_level = SECRECY_RANK.get(doc.secrecy, 0)

    @api.depends("res_model", "res_id")
    def _compute_linked_record_name(self):
        for doc in self:
            name = False
            if doc.res_model and doc.res_id and doc.res_model in self.env:
                target = self.env[doc.res_model].browse(doc.res_id).exists()
                if target and target.has_access("read"):
                    name = target.display_name
            doc.linked_record_name = name

    # ------------------------------------------------------------------ access log
    # motcua.access.log.mixin calls it on every read path (read, search_read, web_read, exports,
    # printed papers, downloads of the file and the attachments)
    @api.private
    def _motcua_log_read(self, fnames, access_type):
        """Log the secret documents of ``self`` whose content ``fnames`` the current user obtains."""
        content = CONTENT_FIELDS.intersection(fnames)
        if self.env.su or not content:
            return
        secret = self.sudo().filtered(lambda doc: doc.secrecy_level > 0)
        secret.with_env(self.env)._motcua_log_access(content, access_type)

    # ------------------------------------------------------------------ file and signature
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_file_vals(vals)
        records = super().create(vals_list)
        records.filtered("file")._verify_signature()
        for record, vals in zip(records, vals_list, strict=True):
            if vals.get("res_model") and vals.get("res_id"):
                record._post_link_message()
        return records

    def write(self, vals):
        self._check_file_vals(vals)
        result = super().write(vals)
        if "file" in vals and not self.env.context.get("motcua_skip_verify"):
            self._verify_signature()
        if vals.get("res_model") or vals.get("res_id"):
            for record in self.filtered(lambda r: r.res_model and r.res_id):
                record._post_link_message()
        return result

    def _check_file_vals(self, vals):
        if vals.get("file"):
            check_file_content(self.env, base64.b64decode(vals["file"]), vals.get("file_name") or self[:1].file_name)
        if vals.get("res_model"):
            if vals["res_model"] not in self.env:
                raise ValidationError(self.env._("There is no model %(model)s to link to.", model=vals["res_model"]))

    def _get_trust_roots(self):
        roots = []
        for root in self.env["motcua.trust.root"].sudo().search([]):
            try:
                roots.append(load_certificate(base64.b64decode(root.certificate)))
            except SignatureError:
                continue
        return roots

    @api.model
    def _signature_options(self):
        """The settings of signature checks: online revocation checks, their timeout, the TSA."""
        params = self.env["ir.config_parameter"].sudo()
        return {
            "allow_fetching": not str2bool(params.get_param("motcua_documents.revocation_offline") or "0"),
            "timeout": int(params.get_param("motcua_documents.revocation_timeout") or 10),
            "tsa_url": params.get_param("motcua_documents.tsa_url") or False,
        }

    def _signature_values(self, roots, options):
        """The signature fields of this document after checking its main file."""
        self.ensure_one()
        values = dict.fromkeys(
            (
                "signature_signer",
                "signature_time",
                "signature_revocation_date",
                "signature_timestamp",
                "signature_details",
            ),
            False,
        )
        values["signature_timestamp_state"] = "none"
        if not self.file:
            return dict(values, signature_state="none")
        if not (self.file_name or "").lower().endswith(".pdf"):
            return dict(values, signature_state="unsigned")
        try:
            result = verify_pdf(
                base64.b64decode(self.file), roots, allow_fetching=options["allow_fetching"], timeout=options["timeout"]
            )
        except SignatureError as exc:
            raise ValidationError(
                self.env._("The file %(name)s cannot be read as a PDF: %(error)s", name=self.file_name, error=exc)
            )
        return dict(
            values,
            signature_state=result["state"],
            signature_signer=result["signer"],
            signature_time=_naive_utc(result["signing_time"]),
            signature_revocation_date=_naive_utc(result["revocation_date"]),
            signature_timestamp_state=result["timestamp_state"],
            signature_timestamp=_naive_utc(result["timestamp_time"]),
            signature_details=result["details"],
        )

    def _signature_message(self):
        """What the chatter says of the signature check, in the user's language."""
        self.ensure_one()
        labels = dict(self._fields["signature_state"]._description_selection(self.env))
        parts = [
            self.env._(
                "Signature check of %(file)s: %(state)s. Signed by %(signer)s on %(time)s.",
                file=self.file_name,
                state=labels[self.signature_state],
                signer=self.signature_signer or "?",
                time=fields.Datetime.to_string(self.signature_time) if self.signature_time else "?",
            )
        ]
        if self.signature_state == "revoked":
            parts.append(
                self.env._(
                    "The certificate was revoked on %(date)s.",
                    date=fields.Datetime.to_string(self.signature_revocation_date) or "?",
                )
            )
        elif self.signature_state == "revocation_unknown":
            parts.append(
                self.env._(
                    "No OCSP responder or CRL could be reached and the file embeds no validation data: "
                    "whether the certificate was revoked is unknown. Check again later."
                )
            )
        if self.signature_timestamp_state == "valid":
            parts.append(
                self.env._(
                    "Timestamp of a trusted authority: %(time)s.",
                    time=fields.Datetime.to_string(self.signature_timestamp),
                )
            )
        elif self.signature_timestamp_state == "invalid":
            parts.append(self.env._("The timestamp is not valid or its authority is not trusted."))
        else:
            parts.append(self.env._("No timestamp: the signing time is the one the signer claims."))
        return " ".join(parts)

    def _verify_signature(self):
        """Verify the signatures of the main file and show the result on the document and in its chatter."""
        roots = self._get_trust_roots()
        options = self._signature_options()
        for doc in self:
            values = doc._signature_values(roots, options)
            super(MotcuaDocumentMixin, doc.with_context(motcua_skip_verify=True)).write(values)
            if values["signature_state"] not in ("none", "unsigned") and hasattr(doc, "message_post"):
                doc.sudo().message_post(body=doc._signature_message())
        return True

    def action_verify_signature(self):
        self._verify_signature()
        return True

    # ------------------------------------------------------------------ links
    def _post_link_message(self):
        """Show this document in the chatter of the record it is linked to."""
        self.ensure_one()
        target = self.env[self.res_model].browse(self.res_id).exists()
        if not target:
            raise ValidationError(self.env._("The record to link to does not exist."))
        if not target.has_access("read"):
            raise AccessError(self.env._("You cannot link a document to a record you cannot read."))
        if hasattr(target, "message_post"):
            target.sudo().message_post(
                body=self.env._(
                    "Official document linked: %(doc)s (%(summary)s)",
                    doc=self.display_name,
                    summary=(self.summary or "") if self.secrecy_level == 0 else "***",
                )
            )

    @api.model
    def _search_linked(self, records):
        """The documents of this model linked to ``records`` (any model), for other modules'
        smart buttons: ``env['motcua.incoming.document']._search_linked(dossier)``."""
        return self.search([("res_model", "=", records._name), ("res_id", "in", records.ids)])

    @api.model
    def _action_view_linked(self, records):
        """A window action listing the documents linked to ``records``; new ones are linked too."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "motcua_documents.action_motcua_incoming_document"
            if self._name == "motcua.incoming.document"
            else "motcua_documents.action_motcua_outgoing_document"
        )
        action["domain"] = [("res_model", "=", records._name), ("res_id", "in", records.ids)]
        action["context"] = {"default_res_model": records._name, "default_res_id": records[:1].id}
        return action

    def action_open_linked_record(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
        }
