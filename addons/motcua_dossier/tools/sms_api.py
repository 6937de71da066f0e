import logging

import requests

from odoo.addons.sms.tools.sms_api import SmsApiBase

_logger = logging.getLogger(__name__)

# The gateway's answer -> the state Odoo's sms.sms understands (see SmsSms._send_with_api).
REJECTED_NUMBER = {400, 404, 422}  # the gateway refused this recipient: retrying will not help
BAD_CREDENTIALS = {401, 403}


class MotcuaHttpSmsApi(SmsApiBase):
    """A brandname SMS gateway reached over plain HTTP/JSON (what Vietnamese carriers offer).

    Each message is one ``POST <gateway URL>`` with the JSON body
    ``{"id": uuid, "from": brandname, "to": "+849…", "text": body}`` and the header
    ``Authorization: Bearer <API token>``. A 2xx answer means the gateway accepted the message;
    400/404/422 mean it rejected the number; 401/403 that the credentials are wrong; anything else
    (5xx, 429, no answer within the timeout) is a server error, which Odoo's queue resends.
    """

    PROVIDER_TO_SMS_FAILURE_TYPE = SmsApiBase.PROVIDER_TO_SMS_FAILURE_TYPE | {
        "motcua_credentials": "sms_acc",
    }

    def _send_sms_batch(self, messages, delivery_reports_url=False):
        company = (self.company or self.env.company).sudo()
        settings = {
            "url": company.motcua_sms_url,
            "headers": {"Authorization": f"Bearer {company.motcua_sms_token or ''}"},
            "timeout": company.motcua_sms_timeout or 10,
        }
        results = []
        with requests.Session() as session:
            for message in messages:
                for recipient in message.get("numbers") or []:
                    payload = {
                        "id": recipient["uuid"],
                        "from": company.motcua_sms_sender or "",
                        "to": recipient["number"],
                        "text": message.get("content") or "",
                    }
                    state, reason = self._motcua_post(session, settings, payload)
                    results.append({"uuid": recipient["uuid"], "state": state, "failure_reason": reason})
        return results

    def _motcua_post(self, session, settings, payload):
        """(state, failure reason) of one message."""
        if not settings["url"]:
            return "server_error", self.env._("No SMS gateway URL is configured.")
        try:
            response = session.post(
                settings["url"], json=payload, headers=settings["headers"], timeout=settings["timeout"]
            )
        except requests.RequestException as exc:
            _logger.info("SMS gateway unreachable: %s", exc)
            return "server_error", str(exc)[:200]
        if response.ok:
            return "success", False
        reason = f"HTTP {response.status_code}: {response.text[:200]}"
        _logger.info("SMS gateway refused message %s: %s", payload["id"], reason)
        if response.status_code in REJECTED_NUMBER:
            return "wrong_number_format", reason
        if response.status_code in BAD_CREDENTIALS:
            return "motcua_credentials", reason
        return "server_error", reason

    def _get_sms_api_error_messages(self):
        return super()._get_sms_api_error_messages() | {
            "wrong_number_format": self.env._("The SMS gateway rejected the number."),
            "motcua_credentials": self.env._("The SMS gateway refused the API token."),
            "server_error": self.env._("The SMS gateway did not accept the message; it will be resent."),
        }
