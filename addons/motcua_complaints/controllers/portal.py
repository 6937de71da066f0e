from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class MotcuaComplaintsPortal(CustomerPortal):
    """The citizen's own petitions in the portal: their identity, nobody else's."""

    def _own_petitions(self):
        identities = (
            request.env["motcua.complaint.identity"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", request.env.user.partner_id.id),
                ]
            )
        )
        return identities.petition_id.sorted("date_received", reverse=True)

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "petition_count" in counters:
            values["petition_count"] = len(self._own_petitions())
        return values

    @http.route("/my/khieu-nai", type="http", auth="user", website=True)
    def portal_my_petitions(self, **kw):
        values = self._prepare_portal_layout_values()
        values.update({"petitions": self._own_petitions(), "page_name": "petitions"})
        return request.render("motcua_complaints.portal_my_petitions", values)

    @http.route("/my/khieu-nai/<int:petition_id>", type="http", auth="user", website=True)
    def portal_my_petition(self, petition_id, **kw):
        petition = request.env["motcua.complaint.petition"].browse(petition_id).exists()
        # ownership first, sudo after: the identity shown is the visitor's own
        if not petition or petition.sudo().identity_id.partner_id != request.env.user.partner_id:
            raise request.not_found()
        petition = petition.sudo()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "petition": petition,
                "identity": petition.identity_id,
                "status": petition._public_status(),
                "page_name": "petition",
            }
        )
        return request.render("motcua_complaints.portal_my_petition", values)
