from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .motcua_citizen_paper import paper_key

DIGITISATION_LINE_FIELDS = {"scan_id", "digitised", "digitised_by", "digitised_at", "reused_from"}
# where a scan is still attached: the dossier is not closed without a result
SCANNABLE_STATES = ("draft", "received", "in_progress", "supplement", "result_ready", "returned")


class MotcuaDossierPaper(models.Model):
    """A paper line of a dossier with its scan: attached by the desk (``action_attach_scan``),
    imported from the scanner's folder, or reused from the citizen's store."""

    _inherit = "motcua.dossier.paper"

    scan_id = fields.Many2one(
        "motcua.citizen.paper", readonly=True, copy=False, index="btree_not_null", ondelete="restrict"
    )
    digitised = fields.Boolean(readonly=True, copy=False)
    digitised_by = fields.Many2one("res.users", readonly=True, copy=False)
    digitised_at = fields.Datetime(readonly=True, copy=False)
    reused_from = fields.Many2one(
        "motcua.citizen.paper",
        readonly=True,
        copy=False,
        help="The paper was taken from the citizen's store instead of being asked again.",
    )
    reusable_scan_id = fields.Many2one(
        "motcua.citizen.paper",
        string="Already digitised",
        compute="_compute_reusable_scan_id",
        help="The same paper of the applicant, digitised for an earlier dossier and still valid.",
    )

    @api.depends("digitised", "name", "dossier_id.state")
    def _compute_reusable_scan_id(self):
        offers = self.dossier_id._motcua_store_offers()
        for line in self:
            entry = offers.get(line.dossier_id.id, {}).get(paper_key(line.name))
            line.reusable_scan_id = entry if entry and not line.digitised else False

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._motcua_check_digitisation_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._motcua_check_digitisation_vals(vals)
        return super().write(vals)

    def _motcua_check_digitisation_vals(self, vals):
        if not self.env.su and DIGITISATION_LINE_FIELDS & set(vals):
            raise AccessError(self.env._("A paper is marked digitised by attaching its scan, not by hand."))

    def _motcua_check_scannable(self):
        """The desk of the dossier attaches scans while the dossier is open; a dossier already
        received gets scans of the papers it received only."""
        self.dossier_id._check_group("motcua_base.group_receiving_officer", self.env._("attach a scan"))
        for line in self:
            dossier = line.dossier_id
            if dossier.state not in SCANNABLE_STATES:
                raise UserError(
                    self.env._("The dossier %(code)s is closed: its papers are not scanned.", code=dossier.name)
                )
            if dossier.state != "draft" and not line.received:
                raise UserError(
                    self.env._(
                        "The paper %(paper)s was not received with the dossier %(code)s: receive it as a "
                        "supplement first.",
                        paper=line.name,
                        code=dossier.name,
                    )
                )

    @api.private
    def _motcua_attach_scan(self, raw, file_name, valid_until=False, source=None):
        """Store ``raw`` (checked PDF/JPEG/PNG bytes) as the scan of this line: an entry of the
        citizen's store, the line received and digitised by the current user, now."""
        self.ensure_one()
        self._motcua_check_scannable()
        Store = self.env["motcua.citizen.paper"].sudo()
        dossier = self.dossier_id
        now = fields.Datetime.now()
        entry = Store.create(
            {
                "name": self.name,
                "kind": "scan",
                "paper_key": paper_key(self.name),
                "holder_key": Store._motcua_holder_key(dossier.sudo().personal_id.id_number),
                "dossier_id": dossier.id,
                "unit_id": dossier.unit_id.id,
                "digitised_by": self.env.uid,
                "digitised_at": now,
                "valid_until": valid_until,
            }
        )
        entry.attachment_id = (
            self.env["ir.attachment"]
            .sudo()
            .create({"name": file_name, "raw": raw, "res_model": entry._name, "res_id": entry.id})
        )
        self.sudo().write(
            {
                "scan_id": entry.id,
                "received": True,
                "digitised": True,
                "digitised_by": self.env.uid,
                "digitised_at": now,
                "reused_from": False,
            }
        )
        dossier.message_post(
            body=source or self.env._("Scan of %(paper)s attached: %(file)s.", paper=self.name, file=file_name)
        )
        return entry

    def action_attach_scan(self):
        """The one-click "Attach scan" of a paper line: the upload wizard."""
        self.ensure_one()
        self._motcua_check_scannable()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Attach scan"),
            "res_model": "motcua.paper.scan.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_paper_id": self.id},
        }

    def action_reuse_scan(self):
        """Take the paper from the citizen's store: the line is received and digitised with the
        stored scan, and the reuse is counted on the dossier."""
        for line in self:
            entry = line.reusable_scan_id
            if not entry:
                raise UserError(
                    self.env._("No digitised copy of %(paper)s is available for this applicant.", paper=line.name)
                )
            if line.dossier_id.state not in ("draft", "supplement"):
                raise UserError(self.env._("Papers are taken from the citizen's store at the intake."))
            line._motcua_check_scannable()
            line.sudo().write(
                {
                    "scan_id": entry.id,
                    "reused_from": entry.id,
                    "received": True,
                    "digitised": True,
                    "digitised_by": self.env.uid,
                    "digitised_at": fields.Datetime.now(),
                }
            )
            line.dossier_id.message_post(
                body=self.env._(
                    "%(paper)s taken from the citizen's store (digitised on %(date)s): not asked again.",
                    paper=line.name,
                    date=fields.Date.to_string(entry.sudo().digitised_at),
                )
            )
        return True

    def action_open_scan(self):
        self.ensure_one()
        return self.scan_id.action_open_file()
