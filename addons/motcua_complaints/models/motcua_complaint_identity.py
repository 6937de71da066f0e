from odoo import api, fields, models

PROTECTED_LABEL = "(protected)"


class MotcuaComplaintIdentity(models.Model):
    """The identity of a petitioner, kept apart from the petition.

    For a denunciation the identity is protected (Law on Denunciations 2018, art. 47): only
    the denouncer-identity group, the assigned handlers and the denouncer (portal) may read
    this record; record rules enforce it, and every read is logged. Petitions show the
    identity through computed fields that answer "(protected)" to everyone else.
    """

    _name = "motcua.complaint.identity"
    _description = "Petitioner identity"

    petition_id = fields.Many2one(
        "motcua.complaint.petition", required=True, index=True, ondelete="cascade",
    )
    is_protected = fields.Boolean(compute="_compute_is_protected", store=True, index=True)
    name = fields.Char(string="Full name")
    id_number = fields.Char(string="ID number")
    address = fields.Char()
    phone = fields.Char()
    email = fields.Char()
    partner_id = fields.Many2one(
        "res.partner", string="Portal account", index=True, ondelete="set null",
        help="The citizen's own account: they see their petition and identity in the portal.",
    )
    attachment_ids = fields.One2many(
        "ir.attachment", "res_id", string="Identity documents",
        domain=[("res_model", "=", "motcua.complaint.identity")],
        help="Documents that reveal the petitioner; protected like the identity.",
    )

    @api.depends("petition_id.petition_type")
    def _compute_is_protected(self):
        for identity in self:
            identity.is_protected = identity.petition_id.petition_type == "denunciation"

    def _compute_display_name(self):
        # never the name: a display name travels everywhere (many2one, exports, mails)
        for identity in self:
            identity.display_name = self.env._("Petitioner of %(code)s", code=identity.petition_id.sudo().code or "")

    def read(self, fields=None, load="_classic_read"):
        result = super().read(fields=fields, load=load)
        self._log_access("read")
        return result

    def _log_access(self, access_type, field_names=None):
        """Record who read the protected identities in ``self``."""
        if self.env.su:
            return
        # the denouncer reading their own identity is not an exposure
        partner = self.env.user.partner_id
        protected = self.sudo().filtered(lambda identity: identity.is_protected and identity.partner_id != partner)
        if not protected:
            return
        self.env["motcua.complaint.identity.log"].sudo().create([
            {
                "user_id": self.env.uid,
                "petition_id": identity.petition_id.id,
                "access_type": access_type,
                "field_names": field_names or "",
            }
            for identity in protected
        ])
