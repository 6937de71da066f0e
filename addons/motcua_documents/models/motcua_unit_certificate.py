import base64

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import SignatureError, load_pkcs12


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
