import base64

from odoo.addons.motcua_documents.tests import pki
from odoo.addons.motcua_dossier.tests.common import DossierCase


class DigitisationCase(DossierCase):
    """The dossier fixtures of motcua_dossier, and scanned files."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.scan_pdf = pki.make_pdf("Don de nghi xac nhan tinh trang hon nhan")
        cls.Store = cls.env["motcua.citizen.paper"]

    def attach(self, line, raw=None, name="scan.pdf", user=None, **kw):
        """The desk's "Attach scan" on ``line``: the wizard, as the user clicks it."""
        action = line.with_user(user or self.officer_a).action_attach_scan()
        wizard = (
            self.env[action["res_model"]]
            .with_user(user or self.officer_a)
            .with_context(**action["context"])
            .create({"file": base64.b64encode(raw or self.scan_pdf), "file_name": name, **kw})
        )
        return wizard.action_attach()

    def line(self, dossier, name="Application form"):
        return dossier.paper_ids.filtered(lambda p: p.name == name)

    def to_result_ready(self, dossier):
        dossier.with_user(self.specialist_a).action_start()
        dossier.with_user(self.specialist_a).action_handover()
        dossier.with_user(self.leader_a).action_handover()
        return dossier


class PkiDigitisationCase(DigitisationCase):
    """With the local certification authority of motcua_documents' tests (certomancer: OCSP,
    CRL, TSA over HTTP) and commune A's signing certificate."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.local = pki.LocalPki()
        cls.addClassCleanup(cls.local.close)
        root = pki.pem(cls.local.cert("root"))
        cls.env["motcua.trust.root"].create({"name": "Local root", "certificate": base64.b64encode(root)})
        cls.env["ir.config_parameter"].sudo().set_param("motcua_documents.revocation_timeout", 5)
        cls.env["motcua.unit.certificate"].with_user(cls.admin_user).create(
            {
                "unit_id": cls.commune_a.id,
                "pkcs12_file": base64.b64encode(cls.local.pkcs12("signer", "s3cret")),
                "password": "s3cret",
            }
        )

    def issued(self, pdf=None, user=None):
        """A dossier of commune A with its result ready and its e-result issued by ``user``."""
        dossier = self.to_result_ready(self.received_dossier())
        action = dossier.with_user(user or self.specialist_a).action_open_eresult_wizard()
        vals = {"file": base64.b64encode(pdf), "file_name": "ket-qua.pdf"} if pdf else {}
        self.env[action["res_model"]].with_user(user or self.specialist_a).with_context(**action["context"]).create(
            vals
        ).action_issue()
        return dossier
