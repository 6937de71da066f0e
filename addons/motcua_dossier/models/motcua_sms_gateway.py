import logging

import requests

from odoo import fields, models

_logger = logging.getLogger(__name__)


class MotcuaSmsGateway(models.Model):
    """An SMS provider reached over HTTP.

    MotCua posts JSON ``{"from": sender, "to": number, "text": body}`` with HTTP basic
    authentication; a 2xx answer means the provider accepted the message.
    """

    _name = "motcua.sms.gateway"
    _description = "SMS gateway"
    _order = "sequence, id"

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    provider_url = fields.Char(string="Provider URL", required=True)
    username = fields.Char()
    password = fields.Char(groups="motcua_base.group_administrator")
    sender = fields.Char(string="Sender name", help="Brand name or number shown to the citizen.")
    max_attempts = fields.Integer(default=3)
    retry_minutes = fields.Integer(string="Retry after (minutes)", default=10)
    timeout = fields.Integer(string="Timeout (seconds)", default=15)
    active = fields.Boolean(default=True)
    inbound_secret = fields.Char(
        groups="motcua_base.group_administrator",
        copy=False,
        help="Shared secret the provider sends in the X-MotCua-Secret header of the inbound webhook "
        "(POST /api/v1/sms/inbound).",
    )
    reply_ascii = fields.Boolean(
        string="Replies without diacritics", help="Strip Vietnamese diacritics from replies (cheaper, 160 characters)."
    )

    _attempts_positive = models.Constraint("CHECK(max_attempts > 0)", "A message needs at least one attempt.")

    def _motcua_send(self, number, text):
        """Post one message; return (ok, detail)."""
        self.ensure_one()
        payload = {"from": self.sender or "", "to": number, "text": text}
        auth = (self.username, self.sudo().password or "") if self.username else None
        try:
            response = requests.post(self.provider_url, json=payload, auth=auth, timeout=self.timeout or 15)
        except requests.RequestException as exc:
            _logger.info("SMS gateway %s unreachable: %s", self.name, exc)
            return False, str(exc)[:500]
        if 200 <= response.status_code < 300:
            return True, response.text[:500]
        return False, f"HTTP {response.status_code}: {response.text[:400]}"
