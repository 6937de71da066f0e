from odoo import fields, models

from ..tools import MotcuaHttpSmsApi


class ResCompany(models.Model):
    _inherit = "res.company"

    motcua_sms_provider = fields.Selection(
        [("iap", "Send via Odoo"), ("motcua_http", "Send via an HTTP gateway")],
        string="SMS provider",
        default="iap",
        required=True,
        help="Which service sends the SMS of the one-stop office: Odoo's (IAP) or the brandname "
        "gateway of a carrier reached over HTTP.",
    )
    # the gateway's address may carry credentials in its query: administrators only, like the token
    motcua_sms_url = fields.Char(string="SMS gateway URL", groups="base.group_system")
    motcua_sms_token = fields.Char(string="SMS gateway API token", groups="base.group_system", copy=False)
    motcua_sms_sender = fields.Char(string="SMS brandname", help="Brandname or number shown to the citizen.")
    motcua_sms_timeout = fields.Integer(string="SMS gateway timeout (seconds)", default=10)
    motcua_sms_max_attempts = fields.Integer(
        string="SMS attempts",
        default=3,
        help="How many times Odoo's queue tries a message the gateway did not answer or answered with "
        "a server error, before it stays in error.",
    )
    motcua_sms_retry_minutes = fields.Integer(string="SMS retry after (minutes)", default=10)
    motcua_sms_inbound_secret = fields.Char(
        string="Inbound SMS secret",
        groups="base.group_system",
        copy=False,
        help="Shared secret the gateway sends in the X-MotCua-Secret header of the inbound webhook "
        "(POST /api/v1/sms/inbound).",
    )
    motcua_sms_reply_ascii = fields.Boolean(
        string="SMS replies without diacritics",
        help="Strip Vietnamese diacritics from replies (cheaper, 160 characters).",
    )

    _motcua_sms_attempts_positive = models.Constraint(
        "CHECK(motcua_sms_max_attempts > 0)", "An SMS needs at least one attempt."
    )

    def _get_sms_api_class(self):
        self.ensure_one()
        if self.motcua_sms_provider == "motcua_http":
            return MotcuaHttpSmsApi
        return super()._get_sms_api_class()
