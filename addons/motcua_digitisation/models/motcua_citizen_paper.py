import hashlib
import hmac

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import consteq

from odoo.addons.motcua_base.tools import strip_diacritics
from odoo.addons.motcua_documents.tools import SignatureError, verify_pdf

KINDS = [("scan", "Digitised paper"), ("result", "Electronic result")]


def paper_key(name):
    """What makes two papers of two checklists the same paper: their name, without case, marks
    or extra spaces ("Bản sao Giấy khai sinh" = "ban sao giay khai sinh")."""
    return " ".join(strip_diacritics(name or "").lower().split())


class MotcuaCitizenPaper(models.Model):
    """The citizen's store (Decree 45/2020, art. 25): a paper received at a desk and scanned, or
    an electronic result issued, kept for the person (by ID number) so that the next desk does
    not ask for it again.

    The ID number is kept as a keyed hash (``holder_key``, administrators only): nobody searches
    the store by ID number. The staff read an entry only through a dossier of their units that
    uses it; the desk is offered the entries of the applicant of a dossier it holds."""

    _name = "motcua.citizen.paper"
    _inherit = ["motcua.access.log.mixin"]
    _description = "Digitised paper of a citizen"
    _order = "digitised_at desc, id desc"

    name = fields.Char(required=True, readonly=True)
    kind = fields.Selection(KINDS, required=True, readonly=True, default="scan")
    paper_key = fields.Char(readonly=True, index=True, help="The paper's name without case nor marks.")
    holder_key = fields.Char(
        readonly=True,
        index=True,
        groups="base.group_system",
        help="Keyed hash of the holder's ID number: the store is not searched by ID number.",
    )
    attachment_id = fields.Many2one("ir.attachment", string="File", readonly=True, ondelete="restrict")
    file_name = fields.Char(related="attachment_id.name", string="File name")
    dossier_id = fields.Many2one(
        "motcua.dossier", string="First dossier", readonly=True, index=True, ondelete="restrict"
    )
    unit_id = fields.Many2one("motcua.unit", string="Digitised by unit", readonly=True)
    digitised_by = fields.Many2one("res.users", readonly=True)
    digitised_at = fields.Datetime(readonly=True)
    valid_until = fields.Date(readonly=True, help="After this day the paper is no longer offered for reuse.")
    paper_line_ids = fields.One2many("motcua.dossier.paper", "scan_id", string="Used in", readonly=True)
    reuse_count = fields.Integer(compute="_compute_reuse_count", string="Reuses")
    # electronic results: the public verification of the signed PDF
    token = fields.Char(readonly=True, copy=False, groups="base.group_system", index="btree_not_null")
    digest = fields.Char(string="SHA-256", readonly=True, copy=False, help="Fingerprint of the signed PDF.")
    signer = fields.Char(readonly=True)

    _token_uniq = models.UniqueIndex("(token) WHERE token IS NOT NULL", "The verification token must be unique.")

    @api.depends("paper_line_ids.reused_from")
    def _compute_reuse_count(self):
        for entry in self:
            entry.reuse_count = len(entry.paper_line_ids.filtered("reused_from"))

    @api.model
    @api.private
    def _motcua_holder_key(self, id_number):
        """The keyed hash of an ID number (False without one)."""
        if not id_number:
            return False
        secret = self.env["ir.config_parameter"].sudo().get_param("database.secret")
        return hmac.new(secret.encode(), "".join(id_number.split()).encode(), hashlib.sha256).hexdigest()

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(self.env._("The citizen's store is filled by scanning papers and issuing results."))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and not self.env.user.has_group("motcua_base.group_administrator"):
            raise AccessError(self.env._("Digitised papers are not changed by hand."))
        return super().write(vals)

    def _motcua_log_read(self, fnames, access_type):
        """Every read of the store is a read of personal data."""
        self._motcua_log_access(fnames, access_type)

    def action_open_file(self):
        self.ensure_one()
        return {"type": "ir.actions.act_url", "url": f"/web/content/{self.attachment_id.id}?download=true"}

    # ------------------------------------------------------------------ public verification
    @api.model
    @api.private
    def _motcua_find_eresult(self, token):
        """The electronic result of ``token`` (the secret printed in its QR code), compared in
        constant time, or an empty recordset."""
        found = self.sudo().search([("token", "=", token), ("kind", "=", "result")], limit=1)
        return found if found and consteq(found.token, token) else self.browse()

    @api.private
    def _motcua_eresult_public_data(self):
        """What the verification page shows: no name, no ID number, no content."""
        self.ensure_one()
        entry = self.sudo()
        dossier = entry.dossier_id
        lang = dossier._motcua_form_lang()
        return {
            "code": dossier.name,
            "procedure": dossier.procedure_id.with_context(lang=lang).name,
            "unit": entry.unit_id.name,
            "date": entry.unit_id._motcua_local(entry.digitised_at).strftime("%d/%m/%Y"),
        }

    @api.private
    def _motcua_check_upload(self, raw):
        """``match`` when ``raw`` is the signed PDF issued (same bytes, its signature intact),
        ``mismatch`` otherwise (another file, or the issued file changed), ``empty`` without a file."""
        self.ensure_one()
        if not raw:
            return "empty"
        entry = self.sudo()
        if not consteq(hashlib.sha256(raw).hexdigest(), entry.digest or ""):
            return "mismatch"
        try:
            state = verify_pdf(raw, trust_roots=self.env["motcua.outgoing.document"]._get_trust_roots())["state"]
        except SignatureError:
            return "mismatch"
        return "match" if state in ("valid", "revocation_unknown") else "mismatch"
