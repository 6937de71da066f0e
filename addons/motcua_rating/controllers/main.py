from odoo import http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from odoo.addons.motcua_dossier.controllers.main import MotcuaDossierPublic, _clean, _client, _limited, _neutral

LINK_BUCKET = "rating_link"  # wrong tokens, per client address
KIOSK_BUCKET = "rating_kiosk"  # wrong code or key at a kiosk, per client address


def _rating_input(post):
    """(level, reason ids, comment) of a posted rating form."""
    reasons = [int(r) for r in request.httprequest.form.getlist("reason_ids") if str(r).isdigit()]
    return _clean(post.get("level"), 2), reasons[:20], str(post.get("feedback") or "")[:1000]


def _form_values(**values):
    return {
        "levels": list(request.env["motcua.dossier"]._motcua_rating_levels().items()),
        "reasons": request.env["motcua.rating.reason"].sudo().search([]),
        **values,
    }


def _render(template, values, status=200):
    response = request.render(template, _form_values(**values), status=status)
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Robots-Tag"] = "noindex"
    return response


class MotcuaRatingPublic(MotcuaDossierPublic):
    """The public rating pages: the tokenised link of the rating slip (QR code) and the kiosk of a
    desk. No login; wrong tokens and wrong codes are counted by ``motcua.rate.limit``."""

    # ------------------------------------------------------------------ tokenised link
    def _rating_dossier(self, token):
        """(dossier, limited) for a token of a rating slip."""
        token = _clean(token, 64)
        attempt = request.env["motcua.rate.limit"]._attempt(LINK_BUCKET, _client())
        if not attempt:
            return None, True
        dossier = request.env["motcua.dossier"].sudo().search([("rating_token", "=", token)], limit=1)
        if token and dossier:
            attempt._succeeded()
            return dossier, False
        return None, False

    @http.route("/danh-gia/<string:token>", type="http", auth="public", methods=["GET", "POST"], website=True)
    def rating_link(self, token, **post):
        dossier, limited = self._rating_dossier(token)
        if limited:
            return _render("motcua_rating.rating_link_page", {"error": _limited(request.env)}, status=429)
        if not dossier:
            return _render(
                "motcua_rating.rating_link_page",
                {"error": request.env._("This rating link is not valid.")},
                status=404,
            )
        values = {"dossier": dossier, "token": token, "post": post}
        if request.httprequest.method == "POST":
            level, reasons, feedback = _rating_input(post)
            try:
                dossier._motcua_rate("link", level, reasons, feedback)
            except (UserError, ValidationError) as exc:
                return _render("motcua_rating.rating_link_page", dict(values, error=exc.args[0]), status=400)
            return _render("motcua_rating.rating_thanks_page", {"dossier": dossier})
        return _render("motcua_rating.rating_link_page", values)

    # ------------------------------------------------------------------ kiosk at the desk
    def _kiosk_unit(self, unit_id):
        unit = request.env["motcua.unit"].sudo().browse(unit_id).exists()
        if not unit or not unit.active:
            raise request.not_found()
        return unit

    @http.route("/danh-gia/quay/<int:unit_id>", type="http", auth="public", methods=["GET"], website=True)
    def rating_kiosk(self, unit_id, **kwargs):
        return _render("motcua_rating.rating_kiosk_page", {"unit": self._kiosk_unit(unit_id), "post": {}})

    @http.route("/danh-gia/quay/<int:unit_id>", type="http", auth="public", methods=["POST"], website=True)
    def rating_kiosk_submit(self, unit_id, code="", key="", **post):
        unit = self._kiosk_unit(unit_id)
        values = {"unit": unit, "post": dict(post, code=_clean(code, 64))}
        attempt = request.env["motcua.rate.limit"]._attempt(KIOSK_BUCKET, _client())
        if not attempt:
            return _render("motcua_rating.rating_kiosk_page", dict(values, error=_limited(request.env)), status=429)
        dossier = request.env["motcua.dossier"]._motcua_public_find(_clean(code, 64), _clean(key, 16))
        if not dossier or not dossier.sudo().filtered_domain([("unit_id", "child_of", unit.id)]):
            return _render("motcua_rating.rating_kiosk_page", dict(values, error=_neutral(request.env)), status=404)
        attempt._succeeded()
        level, reasons, feedback = _rating_input(post)
        try:
            dossier._motcua_rate("kiosk", level, reasons, feedback)
        except (UserError, ValidationError) as exc:
            return _render("motcua_rating.rating_kiosk_page", dict(values, error=exc.args[0]), status=400)
        return _render("motcua_rating.rating_thanks_page", {"dossier": dossier.sudo(), "unit": unit})
