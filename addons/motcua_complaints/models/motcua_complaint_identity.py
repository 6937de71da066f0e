from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.fields import Domain

PROTECTED_LABEL = "(protected)"
# the fields of an identity that tell who the petitioner is
PERSONAL_FIELDS = {"name", "id_number", "address", "phone", "email", "partner_id", "attachment_ids"}


class MotcuaComplaintIdentity(models.Model):
    """The identity of a petitioner, kept apart from the petition.

    For a denunciation the identity is protected (Law on Denunciations 2018, art. 47): only
    the denouncer-identity group, the assigned handlers and the denouncer (portal) may read
    this record; record rules enforce it, and every read path is logged in ``motcua.access.log``,
    on the petition (read, search_read, searches on personal data, exports, downloads). Personal
    data are never grouped. Petitions show the identity through computed fields that answer
    "(protected)" to everyone else. Staff never write an identity directly: the petition's
    fields write it (and log it).
    """

    _name = "motcua.complaint.identity"
    _description = "Petitioner identity"
    _inherit = ["motcua.monitor.readonly.mixin", "motcua.access.log.mixin"]

    petition_id = fields.Many2one(
        "motcua.complaint.petition",
        required=True,
        index=True,
        ondelete="cascade",
    )
    is_protected = fields.Boolean(compute="_compute_is_protected", store=True, index=True)
    name = fields.Char(string="Full name")
    id_number = fields.Char(string="ID number")
    address = fields.Char()
    phone = fields.Char()
    email = fields.Char()
    partner_id = fields.Many2one(
        "res.partner",
        string="Portal account",
        index=True,
        ondelete="set null",
        help="The citizen's own account: they see their petition and identity in the portal.",
    )
    attachment_ids = fields.One2many(
        "ir.attachment",
        "res_id",
        string="Identity documents",
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

    # ------------------------------------------------------------------ read paths
    # motcua.access.log.mixin logs the read paths (read, search_read, exports, downloads)
    # through _motcua_log_read; a search on personal data tells them too:
    @api.model
    def search_fetch(self, domain, field_names=None, offset=0, limit=None, order=None):
        records = super().search_fetch(domain, field_names, offset=offset, limit=limit, order=order)
        # finding an identity by a personal detail tells that detail: log it like a read
        searched = self._personal_fields_in(domain)
        if searched:
            records._motcua_log_read(searched, "search")
        return records

    @api.model
    def _read_group(self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None):
        specs = [spec.split(":")[0].split(".")[0] for spec in (*groupby, *aggregates)]
        if not self.env.su and PERSONAL_FIELDS.intersection(specs):
            raise AccessError(
                self.env._("Petitioners' identities cannot be grouped or counted by their personal details.")
            )
        return super()._read_group(domain, groupby, aggregates, having=having, offset=offset, limit=limit, order=order)

    @api.model
    def _personal_fields_in(self, domain):
        return {condition.field_expr.split(".")[0] for condition in Domain(domain).iter_conditions()} & PERSONAL_FIELDS

    def write(self, vals):
        # staff may attach documents to an identity they handle (a write access check), but
        # change its details only through the petition, which validates and logs the change
        if not self.env.su:
            raise AccessError(
                self.env._("Change the petitioner's identity on the petition: it checks and logs the change.")
            )
        return super().write(vals)

    # ------------------------------------------------------------------ log
    @api.private
    def _motcua_log_read(self, fnames, access_type):
        """Log, on their petitions, the protected identities of ``self`` whose personal data
        ``fnames`` the current user obtains (the denouncer reading their own is no exposure)."""
        personal = PERSONAL_FIELDS.intersection(fnames)
        if self.env.su or not self or not personal:
            return
        partner = self.env.user.partner_id
        protected = self.sudo().filtered(lambda identity: identity.is_protected and identity.partner_id != partner)
        protected.petition_id.with_env(self.env)._motcua_log_access(personal, access_type)
