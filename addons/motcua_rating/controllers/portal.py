from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.motcua_dossier.controllers.portal import MotcuaDossierPortal

from .main import _form_values, _rating_input


class MotcuaRatingPortal(MotcuaDossierPortal):
    """The "Rate the service" form of a returned dossier in "My dossiers": for its owner only."""

    @http.route("/my/dossiers/<int:dossier_id>/rating", type="http", auth="user", methods=["POST"], website=True)
    def portal_dossier_rating(self, dossier_id, **post):
        dossier = request.env["motcua.dossier"].browse(dossier_id)
        try:
            dossier.check_access("read")
        except (AccessError, MissingError):
            return request.redirect("/my")
        if dossier.sudo().partner_id != request.env.user.partner_id:
            # a member of the staff who reads the dossier is not its applicant
            return request.redirect("/my")
        level, reasons, feedback = _rating_input(post)
        try:
            dossier._motcua_rate("portal", level, reasons, feedback)
        except (UserError, ValidationError) as exc:
            values = {
                "dossier": dossier.sudo(),
                "data": dossier._motcua_public_data(),
                "page_name": "dossier",
                "error": exc.args[0],
            }
            return request.render("motcua_dossier.portal_my_dossier", _form_values(**values), status=400)
        return request.redirect(f"/my/dossiers/{dossier_id}?rated=1")

    @http.route()
    def portal_my_dossier(self, dossier_id, access_token=None, **kwargs):
        response = super().portal_my_dossier(dossier_id, access_token=access_token, **kwargs)
        if hasattr(response, "qcontext"):
            response.qcontext.update(_form_values(rated_now=kwargs.get("rated") == "1"))
        return response
