import logging
import re

from odoo import http
from odoo.http import request

from odoo.addons.motcua_base.models.motcua_rate_limit import client_address
from odoo.addons.motcua_base.tools import local_now

from ..models.motcua_dossier_statistics import PERIODS
from ..models.motcua_public_figures import TRANSPARENCY

_logger = logging.getLogger(__name__)

RATE_LIMIT_BUCKET = "dossier_lookup"  # motcua.rate_limit.dossier_lookup.limit / .minutes
NO_STORE = [("Cache-Control", "no-store")]  # lookup answers are never cached


def _client():
    return client_address(request.httprequest)


def _clean(text, size):
    """Public input as text a database accepts: no NUL or other control characters, at most ``size``."""
    return re.sub(r"[\x00-\x1f\x7f]", "", str(text or ""))[:size]


def _neutral(env):
    return env._("No dossier matches the dossier code and lookup key you entered.")


def _limited(env):
    return env._("You entered a wrong code too many times. Please try again in a few minutes.")


# pages rendered for anonymous visitors, per page, database, website and language: (version, html)
_KEPT_PAGES = {}


def _kept_page(key, version, render):
    """The response of ``render()``, rendered once per ``version`` (anything that identifies what
    the page shows) and kept for the next visitors: one entry per ``key``, the last version only."""
    kept = _KEPT_PAGES.get(key)
    if kept is None or kept[0] != version:
        response = render()
        if response.status_code != 200:
            return response
        kept = _KEPT_PAGES[key] = (version, response.render(), response.headers.get("Content-Type"))
    return request.make_response(kept[1], headers=[("Content-Type", kept[2] or "text/html; charset=utf-8")])


def _citizen_env(env):
    """Citizens are answered in Vietnamese on the machine channels (API, switchboard, SMS)."""
    return env["motcua.dossier"]._motcua_citizen_env()


class MotcuaDossierPublic(http.Controller):
    """Public dossier lookup (page, JSON API, SMS, switchboard) and transparency pages.

    Every lookup needs the code and a second factor; a mismatch gets one neutral answer and is
    counted per client address: too many failures give HTTP 429. Answers never contain the
    applicant's ID number, phone or address (the name is masked).
    """

    def _lookup(self, code, key, channel, client=None):
        """(dossier, status) with status in ok / not_found / limited / empty.

        Failures of every channel (page, API, switchboard, SMS) are counted together in
        motcua_base's ``motcua.rate.limit``, bucket ``dossier_lookup``, per ``client``: the
        caller's address, or for SMS the sender's number (all SMS come from the provider's address).
        """
        code, key = _clean(code, 64), _clean(key, 16)
        if not code.strip() and not key.strip():
            return None, "empty"
        Limiter, client = request.env["motcua.rate.limit"], client or _client()
        # the lookup is one indexed query: look first, then count. A right answer is given only
        # while the client is under the limit (else it would tell a right guess from the wrong
        # ones answered 429) and writes nothing; a wrong one is counted.
        dossier = request.env["motcua.dossier"]._motcua_public_find(code, key)
        if dossier:
            return (dossier, "ok") if Limiter._allows(RATE_LIMIT_BUCKET, client) else (None, "limited")
        if not Limiter._attempt(RATE_LIMIT_BUCKET, client):
            return None, "limited"
        return None, "not_found"

    # ------------------------------------------------------------------ lookup page
    @http.route("/tra-cuu-ho-so", type="http", auth="public", methods=["GET"], website=True, sitemap=True)
    def lookup_page(self, code="", key="", **kwargs):
        dossier, status = self._lookup(code, key, "page")
        values = {
            "code": _clean(code, 64),
            "key": _clean(key, 16),
            "status": status,
            "message": {"not_found": _neutral(request.env), "limited": _limited(request.env)}.get(status),
            "data": dossier._motcua_public_data() if dossier else None,
        }
        response = request.render("motcua_dossier.lookup_page", values, status=429 if status == "limited" else 200)
        response.headers["Cache-Control"] = "no-store"
        response.headers["X-Robots-Tag"] = "noindex"
        return response

    # ------------------------------------------------------------------ machine interfaces
    @http.route(
        "/api/v1/dossiers/<string:code>", type="http", auth="public", methods=["GET"], csrf=False, save_session=False
    )
    def api_dossier(self, code, key="", **kwargs):
        dossier, status = self._lookup(code, key, "api")
        env = _citizen_env(request.env)
        if status == "limited":
            return request.make_json_response(
                {"error": "too_many_requests", "message": _limited(env)}, headers=NO_STORE, status=429
            )
        if not dossier:
            return request.make_json_response(
                {"error": "not_found", "message": _neutral(env)}, headers=NO_STORE, status=404
            )
        data = dossier.with_context(lang=env.lang)._motcua_public_data()
        data.pop("applicant", None)
        return request.make_json_response(data, headers=NO_STORE)

    @http.route(
        "/api/v1/ivr/dossiers/<string:code>",
        type="http",
        auth="public",
        methods=["GET"],
        csrf=False,
        save_session=False,
    )
    def api_ivr(self, code, key="", **kwargs):
        dossier, status = self._lookup(code, key, "ivr")
        env = _citizen_env(request.env)
        if status == "limited":
            return request.make_json_response({"status_code": 9, "text": _limited(env)}, headers=NO_STORE, status=429)
        if not dossier:
            return request.make_json_response({"status_code": 0, "text": _neutral(env)}, headers=NO_STORE, status=404)
        return request.make_json_response(
            {
                "status_code": dossier._motcua_public_data()["status_code"],
                "text": dossier.with_context(lang=env.lang)._motcua_public_sentence(),
            },
            headers=NO_STORE,
        )

    # ------------------------------------------------------------------ procedure catalogue
    @http.route("/thu-tuc", type="http", auth="public", methods=["GET"], website=True, sitemap=True)
    def procedures(self, q="", field="", level="", **kwargs):
        Procedure = request.env["motcua.procedure"].sudo()
        domain = [("current_id", "=", False)]
        q = (q or "")[:100]
        if q:
            domain += ["|", ("name", "ilike", q), ("code", "ilike", q)]
        if str(field).isdigit():
            domain.append(("field_id", "=", int(field)))
        levels = dict(Procedure._fields["level"].selection)
        if level in levels:
            domain.append(("level", "=", level))
        level_labels = {"province": request.env._("Province level")}
        level_labels["commune"] = request.env._("Commune level")
        level_labels["central"] = request.env._("Central level")
        values = {
            "procedures": Procedure.search(domain, order="field_id, name", limit=200),
            "fields": request.env["motcua.procedure.field"].sudo().search([]),
            "levels": list(level_labels.items()),
            "q": q,
            "field": field,
            "level": level,
        }
        return request.render("motcua_dossier.procedure_list_page", values)

    @http.route("/thu-tuc/<int:procedure_id>", type="http", auth="public", methods=["GET"], website=True, sitemap=False)
    def procedure_detail(self, procedure_id, **kwargs):
        procedure = request.env["motcua.procedure"].sudo().browse(procedure_id).exists()
        if not procedure or procedure.current_id or not procedure.active:
            raise request.not_found()
        return request.render("motcua_dossier.procedure_detail_page", {"procedure": procedure})

    # ------------------------------------------------------------------ transparency
    @http.route("/cong-khai", type="http", auth="public", methods=["GET"], website=True, sitemap=True)
    def transparency(self, **kwargs):
        """The figures of every unit for this month, quarter and year: those of the leaders' report,
        as last kept by ``motcua.public.figures`` (never recomputed for a visitor).

        The page is the same for every anonymous visitor until the figures, the templates or the
        language change: it is rendered once per version of the figures (``_kept_page``) and each
        worker answers with the rendered HTML, one query a visit."""
        env = request.env
        if env.user._is_public() and "tests" not in (request.session.debug or ""):
            Figures = env["motcua.public.figures"]
            version = (Figures._motcua_published_version(TRANSPARENCY), Figures._motcua_templates_token())
            return _kept_page(
                ("transparency", env.cr.dbname, request.website.id, env.lang), version, self._transparency
            )
        return self._transparency()

    def _transparency(self):
        figures, as_of = request.env["motcua.public.figures"]._motcua_published(TRANSPARENCY)
        labels = {
            "month": request.env._("This month"),
            "quarter": request.env._("This quarter"),
            "year": request.env._("This year"),
        }
        stored = {period["key"]: period for period in (figures or {}).get("periods", [])}
        periods = [dict(stored.get(key, {"lines": []}), key=key, label=labels[key]) for key in PERIODS]
        today = (figures or {}).get("today") or local_now().date()
        values = dict(figures or {}, periods=periods, today=today, as_of=as_of)
        return request.render("motcua_dossier.transparency_page", values)
