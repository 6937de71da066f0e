import base64

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import SignatureError, load_certificate


class MotcuaTrustRoot(models.Model):
    """A root certificate an administrator trusts for the verification of signed PDFs
    (e.g. the root of the government's certification authority)."""

    _name = "motcua.trust.root"
    _description = "Trusted root certificate"
    _order = "name"

    name = fields.Char(required=True)
    certificate = fields.Binary(required=True, attachment=False, help="PEM or DER file of the certificate.")
    certificate_name = fields.Char()
    subject = fields.Char(compute="_compute_certificate_info", store=True)
    fingerprint = fields.Char(string="SHA-256 fingerprint", compute="_compute_certificate_info", store=True)
    valid_until = fields.Datetime(compute="_compute_certificate_info", store=True)
    active = fields.Boolean(default=True)

    @api.depends("certificate")
    def _compute_certificate_info(self):
        from cryptography.hazmat.primitives import hashes  # noqa: PLC0415

        for root in self:
            root.subject = root.fingerprint = root.valid_until = False
            if not root.certificate:
                continue
            try:
                cert = load_certificate(base64.b64decode(root.certificate))
            except SignatureError:
                continue
            root.subject = cert.subject.rfc4514_string()
            root.fingerprint = cert.fingerprint(hashes.SHA256()).hex(":").upper()
            root.valid_until = cert.not_valid_after_utc.replace(tzinfo=None)

    @api.constrains("certificate")
    def _check_certificate(self):
        for root in self:
            try:
                load_certificate(base64.b64decode(root.certificate))
            except (SignatureError, ValueError) as exc:
                raise ValidationError(self.env._("This file is not a certificate (PEM or DER): %(error)s", error=exc))
