import base64
import io
import subprocess
import tempfile

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tools.pdf import PdfReader

from odoo.addons.motcua_documents.tests import pki
from odoo.addons.motcua_documents.tools import verify_pdf

from .common import PkiDigitisationCase


def qr_codes(pdf):
    """The QR codes a phone reads on the first page of ``pdf`` (poppler renders, zbar reads)."""
    with tempfile.TemporaryDirectory() as folder:
        with open(f"{folder}/r.pdf", "wb") as out:
            out.write(pdf)
        subprocess.run(
            ["pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", f"{folder}/r.pdf", f"{folder}/p"], check=True
        )
        found = subprocess.run(
            ["zbarimg", "-q", "--raw", f"{folder}/p-1.png"], capture_output=True, text=True, check=False
        )
    return found.stdout.split()


@tagged("post_install", "-at_install")
class TestEresult(PkiDigitisationCase, HttpCase):
    """An HttpCase: the printed result document is rendered by wkhtmltopdf, which fetches its
    style sheets from the test server (from a TransactionCase it would wait for the test's locks).
    Vietnamese installed, as in an office: the result is printed in Vietnamese."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.env["ir.module.module"]._load_module_terms(["motcua_digitisation"], ["vi_VN"], overwrite=True)

    def test_the_result_is_stamped_signed_and_kept(self):
        dossier = self.issued()
        self.assertTrue(dossier.eresult_issued)
        entry = dossier.eresult_id
        signed = entry.sudo().attachment_id.raw
        result = verify_pdf(signed, trust_roots=[self.local.cert("root")])
        self.assertEqual(result["state"], "valid")
        self.assertEqual(result["signer"], "UBND xa Thu nghiem")
        token = entry.sudo().token
        self.assertEqual(len(token), 32)
        self.assertEqual(qr_codes(signed), [f"{dossier.get_base_url()}/xac-minh/ket-qua/{token}"])
        text = " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(signed)).pages).split())
        self.assertIn("KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", text)
        self.assertIn(f"Bản điện tử kết quả giải quyết hồ sơ {dossier.name}", text)
        self.assertIn(dossier.name, text)
        self.assertIn("Test marital-status confirmation", text)
        self.assertEqual(dossier.result_attachment_ids, entry.sudo().attachment_id, "offered in the portal")
        self.assertIn(
            "Electronic result issued, signed with the certificate of Commune A.", dossier.message_ids[0].body
        )
        self.assertEqual(entry.kind, "result")
        with self.assertRaisesRegex(UserError, "was already issued"):
            dossier.with_user(self.specialist_a)._motcua_issue_eresult()

    def test_an_uploaded_result_is_signed_as_it_is(self):
        dossier = self.issued(pdf=pki.make_pdf("Giay xac nhan tinh trang hon nhan so 12"))
        signed = dossier.eresult_id.sudo().attachment_id.raw
        text = PdfReader(io.BytesIO(signed)).pages[0].extract_text()
        self.assertIn("Giay xac nhan tinh trang hon nhan so 12", text)
        self.assertEqual(verify_pdf(signed, trust_roots=[self.local.cert("root")])["state"], "valid")

    def test_who_and_when(self):
        dossier = self.received_dossier()
        with self.assertRaisesRegex(UserError, "The electronic result is issued once the result is ready."):
            dossier.with_user(self.specialist_a)._motcua_issue_eresult()
        self.to_result_ready(dossier)
        for user in (self.officer_a, self.specialist_b, self.monitor):
            with self.assertRaises(AccessError, msg=user.login):
                dossier.with_user(user)._motcua_issue_eresult()
        with self.assertRaisesRegex(UserError, "The result file is not a readable PDF."):
            dossier.with_user(self.specialist_a)._motcua_issue_eresult(b"%PDF-1.4 broken", "ket-qua.pdf")
        self.assertFalse(dossier.eresult_issued, "nothing issued")
        # a unit without a certificate is told so
        dossier_b = self.received_dossier(user=self.officer_b, unit_id=self.commune_b.id)
        dossier_b.with_user(self.specialist_b).action_start()
        dossier_b.with_user(self.specialist_b).action_handover()
        dossier_b.with_user(self.leader_b).action_handover()
        with self.assertRaisesRegex(UserError, "The unit Commune B has no valid signing certificate"):
            dossier_b.with_user(self.specialist_b)._motcua_issue_eresult()
        self.assertFalse(dossier_b.eresult_issued)

    def test_the_issued_flag_and_the_file_are_not_forged(self):
        dossier = self.issued()
        with self.assertRaises(AccessError):
            dossier.with_user(self.officer_a).write({"eresult_id": False})
        with self.assertRaises(AccessError):
            dossier.eresult_id.with_user(self.officer_a).write({"digest": "0" * 64})
        with self.assertRaises(AccessError):
            dossier.eresult_id.with_user(self.officer_a).read(["token"])
        with self.assertRaises(AccessError):
            dossier.eresult_id.sudo().attachment_id.with_user(self.officer_b).read(["raw"])
        self.assertEqual(base64.b64decode(dossier.eresult_id.sudo().attachment_id.datas)[:5], b"%PDF-")
