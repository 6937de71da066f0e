import re

from odoo import http
from odoo.http import request
from odoo.tools import consteq, file_open

from odoo.addons.motcua_base.models.motcua_rate_limit import client_address
from odoo.addons.motcua_civil_registry.controllers.main import CODE_RE
from odoo.addons.motcua_digitisation.controllers.main import TOKEN_RE as ERESULT_TOKEN_RE

PREFIX = "/api/partner/v1"
AUTH_BUCKET = "partner_api_auth"  # failed authentications per address: motcua.rate_limit.partner_api_auth.*
NO_STORE = [("Cache-Control", "no-store")]  # no answer of the partner API is cached
MAX_LIMIT = 200
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
HEADERS = {401: [("WWW-Authenticate", 'Bearer realm="motcua"')], 429: [("Retry-After", "60")]}
ERRORS = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 429: "too_many_requests"}


def _clean(text, size):
    """Request input as text a database accepts: no control characters, at most ``size``."""
    return re.sub(r"[\x00-\x1f\x7f]", "", str(text or "")).strip()[:size]


def _route(path, **kwargs):
    return http.route(
        PREFIX + path, type="http", auth="public", methods=["GET"], csrf=False, save_session=False, **kwargs
    )


class MotcuaPartnerApi(http.Controller):
    """The partner API: read-only, authenticated by ``Authorization: Bearer <key>``, within the
    partner's scopes and rate limit. Documented by ``static/api/partner-openapi.yaml``, which a
    test checks against these routes."""

    # ------------------------------------------------------------------ the frame of every call
    def _error(self, env, status):
        messages = {
            400: env._("The request's parameters are not valid."),
            401: env._("A valid API key is required: Authorization: Bearer <key>."),
            403: env._("This API key's partner does not have the scope this endpoint needs."),
            404: env._("Nothing matches this code."),
            429: env._("Too many requests. Please try again in a minute."),
        }
        return {"error": ERRORS[status], "message": messages[status]}

    def _authorize(self, scope, client):
        """(key, refusal): the caller's key and the status refusing the call (401, 403, 429), or
        None. Failed authentications are counted per address, every call of a partner in its
        bucket (limit per minute)."""
        Limiter = request.env["motcua.rate.limit"]
        Key = request.env["motcua.api.key"]
        attempt = Limiter._attempt(AUTH_BUCKET, client)
        if not attempt:
            return Key, 429
        key = Key._motcua_authenticate(request.httprequest.headers.get("Authorization"))
        if not key:
            return key, 401
        attempt._succeeded()
        if not Limiter._attempt(key.partner_id._motcua_bucket(), "calls"):
            return key, 429
        return key, (None if key.partner_id._motcua_has_scope(scope) else 403)

    def _call(self, endpoint, scope, handler, **params):
        """Authorize, answer with ``handler(env, **params)`` -> (status, body), log the call."""
        env = request.env
        client = client_address(request.httprequest)
        key, status = self._authorize(scope, client)
        body = None
        if not status:
            status, body = handler(env, **params)
        env["motcua.api.call"]._motcua_log(key, endpoint, request.httprequest.method, status, client)
        return request.make_json_response(
            body if status == 200 else self._error(env, status),
            headers=[*NO_STORE, *HEADERS.get(status, [])],
            status=status,
        )

    # ------------------------------------------------------------------ procedures
    @_route("/procedures")
    def procedures(self, q="", level="", limit="50", offset="0", **kwargs):
        return self._call(
            "/procedures", "procedures:read", self._procedures, q=q, level=level, limit=limit, offset=offset
        )

    @_route("/procedures/<string:code>")
    def procedure(self, code, **kwargs):
        return self._call("/procedures/{code}", "procedures:read", self._procedure, code=code)

    def _procedure_domain(self):
        return [("current_id", "=", False), ("active", "=", True)]

    def _procedures(self, env, q, level, limit, offset):
        Procedure = env["motcua.procedure"].sudo()
        limit, offset, level, q = _clean(limit, 8), _clean(offset, 8), _clean(level, 16), _clean(q, 100)
        if not limit.isdigit() or not offset.isdigit() or not 1 <= int(limit) <= MAX_LIMIT:
            return 400, None
        if level and level not in dict(Procedure._fields["level"].selection):
            return 400, None
        domain = self._procedure_domain()
        if q:
            domain += ["|", ("name", "ilike", q), ("code", "ilike", q)]
        if level:
            domain.append(("level", "=", level))
        procedures = Procedure.search(domain, order="code, id", limit=int(limit), offset=int(offset))
        return 200, {
            "count": Procedure.search_count(domain),
            "limit": int(limit),
            "offset": int(offset),
            "procedures": [procedure._motcua_partner_data() for procedure in procedures],
        }

    def _procedure(self, env, code):
        code = _clean(code, 64)
        domain = [*self._procedure_domain(), ("code", "=", code)]
        procedure = env["motcua.procedure"].sudo().search(domain, limit=1) if code else None
        return (200, procedure._motcua_partner_data()) if procedure else (404, None)

    # ------------------------------------------------------------------ dossiers
    @_route("/dossiers/<string:code>")
    def dossier(self, code, **kwargs):
        return self._call("/dossiers/{code}", "dossiers:status", self._dossier, code=code)

    def _dossier(self, env, code):
        """The public status of a dossier by its code: what the lookup page shows, without the
        lookup key (the partner's scope stands for it)."""
        code = _clean(code, 64)
        Dossier = env["motcua.dossier"].sudo()
        dossier = Dossier.search([("name", "in", list({code, code.upper()})), ("state", "!=", "draft")], limit=1)
        if not code or not dossier:
            return 404, None
        return 200, dossier.with_env(env)._motcua_public_data()

    # ------------------------------------------------------------------ civil-status extracts
    @_route("/civil-extracts/<string:code>")
    def civil_extract(self, code, **kwargs):
        return self._call("/civil-extracts/{code}", "civil:verify", self._civil_extract, code=code)

    def _civil_extract(self, env, code):
        """What the public verification page shows of a registered entry, by the code printed on it."""
        code = _clean(code, 32).upper()
        if not CODE_RE.match(code):
            return 404, None
        Event = env["motcua.civil.event"].sudo()
        event = Event.search([("verification_code", "=", code), ("state", "=", "registered")], limit=1)
        if not event or not consteq(event.verification_code, code):
            return 404, None
        return 200, {"code": event.verification_code, **event._civil_public_data()}

    # ------------------------------------------------------------------ electronic results
    @_route("/eresults/<string:token>")
    def eresult(self, token, sha256="", **kwargs):
        return self._call("/eresults/{token}", "eresults:verify", self._eresult, token=token, sha256=sha256)

    def _eresult(self, env, token, sha256):
        """What the public verification page shows of an electronic result, by the token of its QR
        code; with ``sha256``, whether the partner's file is the one issued (same fingerprint)."""
        token, sha256 = _clean(token, 64), _clean(sha256, 64).lower()
        if sha256 and not SHA256_RE.match(sha256):
            return 400, None
        Store = env["motcua.citizen.paper"]
        entry = Store._motcua_find_eresult(token) if ERESULT_TOKEN_RE.match(token) else Store
        if not entry:
            return 404, None
        data = entry._motcua_eresult_public_data()
        if sha256:
            data["matches"] = consteq(sha256, entry.sudo().digest or "")
        return 200, data

    # ------------------------------------------------------------------ the description
    @_route("/openapi.yaml")
    def openapi(self, **kwargs):
        with file_open("motcua_partner_api/static/api/partner-openapi.yaml", "rb") as spec:
            body = spec.read()
        headers = [*NO_STORE, ("Content-Type", "application/yaml; charset=utf-8")]
        return request.make_response(body, headers=headers)
