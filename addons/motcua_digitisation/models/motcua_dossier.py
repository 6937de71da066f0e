import base64
import hashlib
import secrets

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.motcua_base.tools import check_file_content, strip_diacritics

from ..tools import DEMO_PASSWORD, demo_certificate, demo_scan, stamp_qr
from .motcua_citizen_paper import paper_key

# the contract of the Decree 766 indicators (motcua_indicators), and what leads to them
DIGITISATION_FIELDS = {"papers_digitised", "eresult_issued", "reused_paper_count", "eresult_id"}
ERESULT_STATES = ("result_ready", "returned")
VERIFY_PATH = "/xac-minh/ket-qua/"


class MotcuaDossier(models.Model):
    _inherit = "motcua.dossier"

    papers_digitised = fields.Boolean(
        compute="_compute_papers_digitised",
        store=True,
        index=True,
        help="Every paper received on paper has a digitised scan (false when no paper was received).",
    )
    reused_paper_count = fields.Integer(
        string="Papers reused",
        compute="_compute_reused_paper_count",
        store=True,
        help="Papers taken from the citizen's store instead of being asked again.",
    )
    eresult_id = fields.Many2one(
        "motcua.citizen.paper", string="Electronic result", readonly=True, copy=False, ondelete="restrict"
    )
    eresult_issued = fields.Boolean(
        string="E-result issued",
        compute="_compute_eresult_issued",
        store=True,
        index=True,
        help="A signed electronic result was issued.",
    )
    eresult_url = fields.Char(string="Verification page", compute="_compute_eresult_url")
    reusable_summary = fields.Char(
        string="Already digitised",
        compute="_compute_reusable_summary",
        help="Papers of this applicant digitised for an earlier dossier: reuse them instead of asking again.",
    )

    @api.depends("paper_ids.received", "paper_ids.digitised")
    def _compute_papers_digitised(self):
        for dossier in self:
            received = dossier.paper_ids.filtered("received")
            dossier.papers_digitised = bool(received) and all(received.mapped("digitised"))

    @api.depends("paper_ids.reused_from")
    def _compute_reused_paper_count(self):
        for dossier in self:
            dossier.reused_paper_count = len(dossier.paper_ids.filtered("reused_from"))

    @api.depends("eresult_id")
    def _compute_eresult_issued(self):
        for dossier in self:
            dossier.eresult_issued = bool(dossier.eresult_id)

    def _compute_eresult_url(self):
        base = self.get_base_url()
        for dossier in self:
            token = dossier.sudo().eresult_id.token
            dossier.eresult_url = f"{base}{VERIFY_PATH}{token}" if token else False

    @api.depends("paper_ids.digitised", "state")
    def _compute_reusable_summary(self):
        for dossier in self:
            names = dossier.paper_ids.filtered("reusable_scan_id").mapped("name")
            dossier.reusable_summary = ", ".join(names) or False

    # ------------------------------------------------------------------ the citizen's store
    @api.private
    def _motcua_store_offers(self):
        """{dossier id: {paper key: store entry}}: the valid papers of each applicant digitised
        for another dossier, offered at the intake (draft or supplement)."""
        offers = {}
        Store = self.env["motcua.citizen.paper"].sudo()
        today = fields.Date.context_today(self)
        for dossier in self.filtered(lambda d: d.id and d.state in ("draft", "supplement")):
            holder = Store._motcua_holder_key(dossier.sudo().personal_id.id_number)
            if not holder:
                continue
            entries = Store.search(
                [
                    ("holder_key", "=", holder),
                    ("dossier_id", "!=", dossier.id),
                    "|",
                    ("valid_until", "=", False),
                    ("valid_until", ">=", today),
                ],
                order="digitised_at desc, id desc",
            )
            found = offers[dossier.id] = {}
            for entry in entries:
                found.setdefault(entry.paper_key, entry)
        return offers

    def _motcua_log_read(self, fnames, access_type):
        """What the store holds for a person is personal data: the desk that reads it is logged."""
        result = super()._motcua_log_read(fnames, access_type)
        if "reusable_summary" in fnames:
            self.filtered("reusable_summary")._motcua_log_access(["reusable_summary"], access_type)
        return result

    def action_reuse_all(self):
        self.paper_ids.filtered("reusable_scan_id").action_reuse_scan()
        return True

    # ------------------------------------------------------------------ guards
    def _motcua_check_vals(self, vals):
        if not self.env.su and DIGITISATION_FIELDS & set(vals):
            raise AccessError(
                self.env._("The digitisation of a dossier is recorded by scanning its papers and issuing its result.")
            )
        return super()._motcua_check_vals(vals)

    # ------------------------------------------------------------------ electronic result
    @api.private
    def _motcua_signing_unit(self):
        """The dossier's unit, or its nearest ancestor holding a valid certificate."""
        Certificate = self.env["motcua.unit.certificate"].sudo()
        now = fields.Datetime.now()
        for unit in self.unit_id._motcua_lineage():
            if Certificate.search_count([("unit_id", "=", unit.id), ("valid_until", ">", now)], limit=1):
                return unit
        return self.unit_id

    @api.private
    def _motcua_issue_eresult(self, pdf=None, file_name=None):
        """Issue the electronic result: the result PDF (uploaded, else the printed "result"
        document), stamped with a QR code to its verification page and signed with the unit's
        certificate; offered to the applicant in the portal and kept in the citizen's store."""
        self.ensure_one()
        self._check_group("motcua_base.group_specialist", self.env._("issue an electronic result"))
        if self.state not in ERESULT_STATES:
            raise UserError(self.env._("The electronic result is issued once the result is ready."))
        if self.eresult_id:
            raise UserError(self.env._("The electronic result of %(code)s was already issued.", code=self.name))
        if pdf:
            check_file_content(self.env, pdf, file_name or "result.pdf", allowed={"pdf"})
        else:
            # a real PDF, also under test (Odoo's tests get the report's HTML by default)
            reports = self.env["ir.actions.report"].sudo().with_context(force_report_rendering=True)
            pdf = reports._render_qweb_pdf("motcua_digitisation.action_report_eresult", self.ids)[0]
        token = secrets.token_urlsafe(24)
        url = f"{self.get_base_url()}{VERIFY_PATH}{token}"
        env_vi = self.with_context(lang=self._motcua_form_lang()).env
        try:
            stamped = stamp_qr(
                pdf,
                url,
                [
                    env_vi._("Electronic copy of the result of dossier %(code)s", code=self.name),
                    env_vi._("Scan the QR code or open the address below to verify it:"),
                    f"{self.get_base_url()}{VERIFY_PATH}",
                    token,
                ],
            )
        except ValueError:
            raise UserError(self.env._("The result file is not a readable PDF."))
        unit = self._motcua_signing_unit()
        signed = self.env["motcua.unit.certificate"]._motcua_sign_pdf(
            unit, stamped, visible=True, reason=env_vi._("Electronic result of dossier %(code)s", code=self.name)
        )
        self._motcua_store_eresult(signed, token, unit)
        self.message_post(
            body=self.env._("Electronic result issued, signed with the certificate of %(unit)s.", unit=unit.name)
        )
        return self.eresult_id

    def _motcua_store_eresult(self, signed, token, unit):
        Store = self.env["motcua.citizen.paper"].sudo()
        name = self.procedure_id.result_paper or self.procedure_id.name
        entry = Store.create(
            {
                "name": name,
                "kind": "result",
                "paper_key": paper_key(name),
                "holder_key": Store._motcua_holder_key(self.sudo().personal_id.id_number),
                "dossier_id": self.id,
                "unit_id": unit.id,
                "digitised_by": self.env.uid,
                "digitised_at": fields.Datetime.now(),
                "token": token,
                "digest": hashlib.sha256(signed).hexdigest(),
                "signer": unit.name,
            }
        )
        entry.attachment_id = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": f"{self.name}-ket-qua-dien-tu.pdf",
                    "raw": signed,
                    "mimetype": "application/pdf",
                    "res_model": entry._name,
                    "res_id": entry.id,
                }
            )
        )
        self._motcua_workflow_write({"eresult_id": entry.id, "result_attachment_ids": [(4, entry.attachment_id.id)]})

    def action_open_eresult_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Issue the electronic result"),
            "res_model": "motcua.eresult.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_dossier_id": self.id},
        }

    def action_download_eresult(self):
        self.ensure_one()
        return self.eresult_id.action_open_file()

    # ------------------------------------------------------------------ demo
    @api.model
    def _motcua_digitisation_demo(self):
        """The demo: a returned dossier of the ward with its papers scanned and a signed
        electronic result (a demo certificate of the ward), and the same applicant's paper
        offered for reuse on a new draft."""
        ward = self.env.ref("motcua_base.unit_long_an_ward", raise_if_not_found=False)
        if not ward or self.search_count([("eresult_issued", "=", True)], limit=1):
            return
        dossier = self.search(
            [("unit_id", "=", ward.id), ("state", "=", "returned"), ("personal_id", "!=", False)], limit=1
        )
        if not dossier:
            return
        root_pem, archive = demo_certificate(ward.name)
        self.env["motcua.trust.root"].create({"name": "MotCua demo root CA", "certificate": base64.b64encode(root_pem)})
        self.env["motcua.unit.certificate"].create(
            {
                "unit_id": ward.id,
                "pkcs12_file": base64.b64encode(archive),
                "pkcs12_name": "demo.p12",
                "password": DEMO_PASSWORD,
            }
        )
        for line in dossier.paper_ids.filtered("received"):
            line._motcua_attach_scan(demo_scan(line.name), f"{dossier.name}_{line.sequence}.pdf")
        # the result as the handler would upload it: no report rendering while the server installs
        result = dossier.procedure_id.result_paper or dossier.procedure_id.name
        dossier._motcua_issue_eresult(demo_scan(strip_diacritics(result)), f"{dossier.name}-ket-qua.pdf")
        again = self.create(
            {
                "procedure_id": dossier.procedure_id.id,
                "unit_id": ward.id,
                "applicant_name": dossier.applicant_name,
                "applicant_id_number": dossier.personal_id.id_number,
                "applicant_phone": dossier.personal_id.phone,
                "request_summary": "Hồ sơ mới của cùng người nộp: giấy tờ đã số hóa được dùng lại.",
            }
        )
        return again
