import base64

from cryptography.x509.oid import NameOID

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import SignatureError, load_pkcs12, sign_pdf


class MotcuaUnitCertificate(models.Model):
    """The signing certificate of a unit (a PKCS#12 archive with its key).

    Only administrators can read or change it; signing reads it with sudo after checking
    that the user may sign the document."""

    _name = "motcua.unit.certificate"
    _description = "Unit signing certificate"
    _order = "unit_id, valid_until desc"
    _rec_name = "subject"

    unit_id = fields.Many2one("motcua.unit", required=True, index=True, ondelete="cascade")
    pkcs12_file = fields.Binary(
        string="PKCS#12 file", required=True, attachment=False, groups="motcua_base.group_administrator"
    )
    pkcs12_name = fields.Char(string="File name")
    password = fields.Char(groups="motcua_base.group_administrator")
    subject = fields.Char(readonly=True)
    valid_until = fields.Datetime(readonly=True)
    active = fields.Boolean(default=True)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals.update(self._certificate_info(vals.get("pkcs12_file"), vals.get("password")))
        return super().create(vals_list)

    def write(self, vals):
        if "pkcs12_file" in vals or "password" in vals:
            for cert in self:
                info = self._certificate_info(
                    vals.get("pkcs12_file", cert.pkcs12_file), vals.get("password", cert.password)
                )
                super(MotcuaUnitCertificate, cert).write(dict(vals, **info))
            return True
        return super().write(vals)

    @api.model
    def _certificate_info(self, data, password):
        if not data:
            raise ValidationError(self.env._("Upload the PKCS#12 file of the unit."))
        try:
            _key, cert, _others = load_pkcs12(base64.b64decode(data), password)
        except SignatureError:
            raise ValidationError(self.env._("The PKCS#12 file cannot be opened: wrong file or wrong password."))
        return {
            "subject": cert.subject.rfc4514_string(),
            "valid_until": cert.not_valid_after_utc.replace(tzinfo=None),
        }

    @api.private
    def _load(self):
        """(key, certificate, chain) of this certificate; callers check the right to sign."""
        self.ensure_one()
        cert = self.sudo()
        return load_pkcs12(base64.b64decode(cert.pkcs12_file), cert.password)

    @api.model
    @api.private
    def _motcua_sign_pdf(self, unit, data, visible=True, reason=""):
        """``data`` (PDF bytes) signed with the valid certificate of ``unit`` (PAdES B-LT: the
        responders are asked and their answers embedded). Callers check the right to sign."""
        certificate = self.sudo().search(
            [("unit_id", "=", unit.id), ("valid_until", ">", fields.Datetime.now())],
            order="valid_until desc",
            limit=1,
        )
        if not certificate:
            raise UserError(
                self.env._(
                    "The unit %(unit)s has no valid signing certificate: ask an administrator to upload one.",
                    unit=unit.name,
                )
            )
        key, cert, others = certificate._load()
        common_names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        signer_name = common_names[0].value if common_names else cert.subject.rfc4514_string()
        now = unit._motcua_local_now()
        stamp_text = "\n".join(
            [
                self.env._("Signed by: %(signer)s", signer=signer_name),
                self.env._("Unit: %(unit)s", unit=unit.name),
                self.env._("Time: %(time)s", time=now.strftime("%d/%m/%Y %H:%M:%S %z")),
            ]
        )
        documents = self.env["motcua.outgoing.document"]
        try:
            return sign_pdf(
                data,
                key,
                cert,
                others,
                visible=visible,
                stamp_text=stamp_text,
                reason=reason,
                location=unit.name,
                # signing always asks the responders: their answers are embedded (PAdES B-LT)
                long_term=dict(
                    documents._signature_options(), allow_fetching=True, trust_roots=documents._get_trust_roots()
                ),
            )
        except SignatureError as exc:
            raise UserError(
                self.env._(
                    "The PDF cannot be signed: %(error)s. The certificate of the unit must chain to a "
                    "trusted root, must not be revoked, and its OCSP responder or CRL (and the "
                    "time-stamping authority, if configured) must answer.",
                    error=exc,
                )
            )
