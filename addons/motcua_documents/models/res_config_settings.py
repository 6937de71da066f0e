from urllib.parse import urlsplit

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResConfigSettings(models.TransientModel):
    """How signed PDFs are checked and signed (administrators: the settings and their
    parameters are readable by system administrators only)."""

    _inherit = "res.config.settings"

    motcua_tsa_url = fields.Char(
        string="Time-stamping authority (TSA)",
        config_parameter="motcua_documents.tsa_url",
        help="URL of an RFC 3161 time-stamping service. When set, every signature made by the units "
        "carries a timestamp: the signature then stays valid after the certificate expires.",
    )
    motcua_revocation_offline = fields.Boolean(
        string="Do not contact revocation responders",
        config_parameter="motcua_documents.revocation_offline",
        help="When checking documents, only use the validation data embedded in them. Signatures "
        "whose revocation status is not embedded are then shown as 'Revocation status unknown', never "
        "as valid. Signing still asks the responders of the unit's certificate: their answers are "
        "embedded in the signed file.",
    )
    motcua_revocation_timeout = fields.Integer(
        string="Responder timeout (seconds)",
        config_parameter="motcua_documents.revocation_timeout",
        default=10,
        help="How long to wait for an OCSP responder, a CRL distribution point or the TSA.",
    )

    @api.constrains("motcua_tsa_url", "motcua_revocation_timeout")
    def _check_motcua_signature_settings(self):
        for settings in self:
            if settings.motcua_tsa_url and urlsplit(settings.motcua_tsa_url).scheme not in ("http", "https"):
                raise ValidationError(self.env._("The time-stamping authority must be an http:// or https:// URL."))
            if not 1 <= settings.motcua_revocation_timeout <= 120:
                raise ValidationError(self.env._("The responder timeout must be between 1 and 120 seconds."))
