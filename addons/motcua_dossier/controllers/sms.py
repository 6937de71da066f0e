import hmac
import logging
import re

from odoo import http
from odoo.http import request

from odoo.addons.motcua_base.tools import strip_diacritics

from .main import MotcuaDossierPublic, _citizen_env, _clean, _client, _limited, _neutral

_logger = logging.getLogger(__name__)

SMS_SECRET_BUCKET = "sms_inbound_secret"  # requests with a wrong secret, per client address
SMS_PATTERN = re.compile(r"^\s*(TRA|HS)\s+(\S+)\s+(\S+)\s*$", re.IGNORECASE)


def _secret_matches(expected, given):
    """Constant-time comparison of the gateway secret, whatever characters the request sent."""
    return bool(expected) and hmac.compare_digest(expected.encode(), given.encode("utf-8", "replace"))


def _text(body, status=200):
    return request.make_response(body, headers=[("Content-Type", "text/plain; charset=utf-8")], status=status)


class MotcuaSmsInbound(MotcuaDossierPublic):
    """Citizens text "TRA <code> <key>" to the brandname; the gateway posts it here and sends our
    plain-text answer back. The gateway proves itself with the company's inbound secret."""

    @http.route("/api/v1/sms/inbound", type="http", auth="public", methods=["POST"], csrf=False, save_session=False)
    def api_sms_inbound(self, **kwargs):
        Inbound = request.env["motcua.sms.inbound"].sudo()
        sender = _clean(kwargs.get("from"), 32)
        text = _clean(kwargs.get("text"), 320)
        company = self._sms_company(request.httprequest.headers.get("X-MotCua-Secret", ""))
        if not company:
            # logged, but a flood of forged requests adds a bounded number of rows (purged after a day)
            _logger.warning("SMS inbound request with a wrong secret from %s", _client())
            if request.env["motcua.rate.limit"]._attempt(SMS_SECRET_BUCKET, _client()):
                Inbound.create({"client": _client(), "sender": sender, "text": text, "result": "forbidden"})
            return _text("Forbidden", status=403)
        dossier, result, reply = self._sms_answer(text, sender, company)
        Inbound.create(
            {
                "client": _client(),
                "sender": sender,
                "text": text,
                "reply": reply,
                "result": result,
                "dossier_id": dossier.id if dossier else False,
            }
        )
        return _text(reply)

    def _sms_company(self, secret):
        """The company whose inbound secret the request carries (none without a secret)."""
        if not secret:
            return None
        companies = request.env["res.company"].sudo().search([("motcua_sms_inbound_secret", "!=", False)])
        return next((c for c in companies if _secret_matches(c.motcua_sms_inbound_secret, secret)), None)

    def _sms_answer(self, text, sender, company):
        """(dossier, result, reply of at most 160 characters) for an inbound ``text``."""
        env = _citizen_env(request.env)
        match = SMS_PATTERN.match(text)
        if not match:
            return (
                None,
                "invalid",
                strip_diacritics(env._("Send TRA <dossier code> <lookup key> to look up a dossier.")),
            )
        dossier, status = self._lookup(match.group(2), match.group(3), "sms", client=f"sms:{sender}")
        if status == "limited":
            return None, "limited", strip_diacritics(_limited(env))[:160]
        if not dossier:
            return None, "not_found", strip_diacritics(_neutral(env))[:160]
        reply = dossier.with_context(lang=env.lang)._motcua_public_sentence(
            ascii_only=company.motcua_sms_reply_ascii, limit=160
        )
        return dossier, "found", reply[:160]
