import base64
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.motcua_base.tests.report_common import pdf_text

from ..tools import sign_pdf, verify_pdf
from . import pki
from .common import PkiCase


@tagged("post_install", "-at_install")
class TestSignatureVerification(PkiCase):
    def signed(self, key, cert, chain=None, data=None):
        return sign_pdf(data or self.pdf, key, cert, [chain or self.ca_cert])

    def upload(self, data, name="van-ban.pdf"):
        return self.new_incoming(file=self.b64(data), file_name=name)

    def test_valid_signature(self):
        doc = self.upload(self.signed(self.signer_key, self.signer_cert))
        self.assertEqual(doc.signature_state, "valid")
        self.assertEqual(doc.signature_signer, "UBND xa Thu nghiem")
        self.assertTrue(doc.signature_time)
        self.assertIn("Valid signature", doc.message_ids[0].body)

    def test_tampered_after_signing(self):
        doc = self.upload(pki.tamper(self.signed(self.signer_key, self.signer_cert)))
        self.assertEqual(doc.signature_state, "tampered")
        self.assertIn("Modified after signing", doc.message_ids[0].body)

    def test_unsigned(self):
        doc = self.upload(self.pdf)
        self.assertEqual(doc.signature_state, "unsigned")
        self.assertFalse(doc.signature_signer)

    def test_expired_certificate(self):
        doc = self.upload(self.signed(self.expired_key, self.expired_cert))
        self.assertEqual(doc.signature_state, "expired")

    def test_untrusted_root(self):
        doc = self.upload(self.signed(self.rogue_signer_key, self.rogue_signer_cert, self.rogue_cert))
        self.assertEqual(doc.signature_state, "untrusted")
        # once an administrator trusts that root, checking again makes it valid
        self.env["motcua.trust.root"].with_user(self.admin_user).create(
            {"name": "Rogue", "certificate": self.b64(pki.pem(self.rogue_cert))}
        )
        doc.with_user(self.officer_a).action_verify_signature()
        self.assertEqual(doc.signature_state, "valid")

    def test_broken_pdf_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "is not a PDF file"):
            self.upload(b"plain text pretending", name="x.pdf")
        with self.assertRaisesRegex(ValidationError, "cannot be read as a PDF"):
            self.upload(b"%PDF-1.4 garbage without structure")

    def test_trust_root_must_be_a_certificate(self):
        with self.assertRaisesRegex(ValidationError, "not a certificate"):
            self.env["motcua.trust.root"].create({"name": "bad", "certificate": base64.b64encode(b"nope")})


@tagged("post_install", "-at_install")
class TestSigning(PkiCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.certificate = (
            cls.env["motcua.unit.certificate"]
            .with_user(cls.admin_user)
            .create(
                {
                    "unit_id": cls.commune_a.id,
                    "pkcs12_file": base64.b64encode(
                        pki.make_pkcs12(cls.signer_key, cls.signer_cert, cls.ca_cert, "s3cret")
                    ),
                    "password": "s3cret",
                }
            )
        )

    def test_pkcs12_needs_the_right_password(self):
        with self.assertRaisesRegex(ValidationError, "cannot be opened"):
            self.env["motcua.unit.certificate"].with_user(self.admin_user).create(
                {
                    "unit_id": self.commune_a.id,
                    "pkcs12_file": base64.b64encode(
                        pki.make_pkcs12(self.signer_key, self.signer_cert, self.ca_cert, "a")
                    ),
                    "password": "b",
                }
            )
        self.assertIn("UBND xa Thu nghiem", self.certificate.subject)

    def test_leader_cannot_read_the_key(self):
        with self.assertRaises(AccessError):
            self.certificate.with_user(self.leader).read(["pkcs12_file"])

    def _approved_with_pdf(self, visible):
        doc = self.new_outgoing(file=self.b64(self.pdf), file_name="quyet-dinh.pdf", sign_visible=visible)
        self.assertEqual(doc.signature_state, "unsigned")
        return self.approve(doc)

    def test_sign_visibly_then_issue(self):
        doc = self._approved_with_pdf(visible=True)
        doc.with_user(self.leader).action_sign()
        self.assertEqual(doc.signature_state, "valid")
        self.assertEqual(doc.signature_signer, "UBND xa Thu nghiem")
        signed = base64.b64decode(doc.file)
        self.assertIn(b"/AP", signed, "a visible signature has an appearance stream")
        # the stamp as a reader copies it out of the PDF: the signer, in a font with Vietnamese letters
        stamp_text = pdf_text(signed)
        self.assertIn("Signed by: UBND xa Thu nghiem", stamp_text, "the stamp names the signer")
        self.assertIn("Unit: UBND xã Thử nghiệm", stamp_text, "the unit's name with its Vietnamese letters")
        doc.with_user(self.officer_a).action_issue()
        self.assertEqual(doc.name, "01/QĐ-UBNDTN")

    def test_sign_invisibly(self):
        doc = self._approved_with_pdf(visible=False)
        doc.with_user(self.leader).action_sign()
        self.assertEqual(doc.signature_state, "valid")

    def test_only_the_signer_signs(self):
        doc = self._approved_with_pdf(visible=True)
        with self.assertRaises(AccessError):
            doc.with_user(self.specialist).action_sign()
        self.assertEqual(doc.signature_state, "unsigned")

    def test_unit_without_certificate(self):
        doc = self._approved_with_pdf(visible=True)
        self.certificate.active = False
        with self.assertRaisesRegex(UserError, "no valid signing certificate"):
            doc.with_user(self.leader).action_sign()

    def test_tampered_file_is_not_issued(self):
        doc = self._approved_with_pdf(visible=False)
        doc.with_user(self.leader).action_sign()
        tampered = pki.tamper(base64.b64decode(doc.file))
        doc.with_user(self.leader).write({"file": self.b64(tampered)})
        self.assertEqual(doc.signature_state, "tampered")
        with self.assertRaisesRegex(UserError, "fails verification"):
            doc.with_user(self.officer_a).action_issue()
        self.assertFalse(doc.number)
        self.assertEqual(doc.state, "approved")


@tagged("post_install", "-at_install")
class TestCourtGradeSignatures(PkiCase):
    """Signatures checked as a court would, against a real local PKI (certomancer): OCSP, CRL and
    a time-stamping authority answering over HTTP from the test process. The users work in
    Vietnamese: every check asserts the state and the chatter message they read."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.env["ir.module.module"]._load_module_terms(["motcua_documents"], ["vi_VN"], overwrite=True)
        cls.local = pki.LocalPki()
        cls.addClassCleanup(cls.local.close)
        cls.root = cls.local.cert("root")
        cls.env["motcua.trust.root"].create({"name": "Local root", "certificate": cls.b64(pki.pem(cls.root))})
        cls.params = cls.env["ir.config_parameter"].sudo()
        cls.params.set_param("motcua_documents.revocation_timeout", 5)
        cls.unit_certificate = (
            cls.env["motcua.unit.certificate"]
            .with_user(cls.admin_user)
            .create(
                {
                    "unit_id": cls.commune_a.id,
                    "pkcs12_file": cls.b64(cls.local.pkcs12("signer", "s3cret")),
                    "password": "s3cret",
                }
            )
        )

    def setUp(self):
        super().setUp()
        self.local.start_responders()
        self.local.requests.clear()

    def basic(self, label):
        """A PDF signed by ``label`` of the local PKI without timestamp nor validation data,
        as most signed files received from elsewhere."""
        return sign_pdf(self.pdf, self.local.keys[label], self.local.cert(label), [self.root])

    def upload(self, data):
        """The file received by an officer who works in Vietnamese."""
        documents = self.env["motcua.incoming.document"].with_user(self.officer_a).with_context(lang="vi_VN")
        return documents.create(self.incoming_vals(file=self.b64(data), file_name="van-ban.pdf"))

    def message(self, doc):
        return doc.message_ids[0].body

    def test_good_signer_accepted_after_an_online_check(self):
        doc = self.upload(self.basic("signer"))
        self.assertEqual(doc.signature_state, "valid")
        self.assertEqual(doc.signature_signer, "UBND xa Thu nghiem")
        self.assertTrue(any("/ocsp/" in path for path in self.local.requests), "the OCSP responder was asked")
        self.assertIn("Chữ ký hợp lệ", self.message(doc))
        self.assertIn("Không có dấu thời gian: thời điểm ký là do người ký tự khai.", self.message(doc))
        self.assertEqual(doc.signature_timestamp_state, "none")

    def test_revoked_signer_refused(self):
        doc = self.upload(self.basic("revoked"))
        self.assertEqual(doc.signature_state, "revoked")
        revoked_on = (self.local.now - self.local.REVOKED_DAYS_AGO).replace(tzinfo=None, microsecond=0)
        self.assertEqual(doc.signature_revocation_date, revoked_on)
        self.assertIn("Chứng thư số đã bị thu hồi", self.message(doc))
        self.assertIn(f"Chứng thư số đã bị thu hồi ngày {fields.Datetime.to_string(revoked_on)}.", self.message(doc))
        self.assertNotIn("Chữ ký hợp lệ", self.message(doc))

    def test_revocation_via_crl_when_ocsp_is_down(self):
        self.local.down = ("/ocsp/",)
        doc = self.upload(self.basic("revoked"))
        self.assertTrue(any("/crls/" in path for path in self.local.requests), "the CRL was fetched")
        self.assertEqual(doc.signature_state, "revoked")

    def test_responder_down_is_said_plainly(self):
        self.local.stop_responders()
        doc = self.upload(self.basic("signer"))
        self.assertEqual(doc.signature_state, "revocation_unknown")
        self.assertIn("Không xác định được tình trạng thu hồi", self.message(doc))
        self.assertIn("không biết chứng thư số đã bị thu hồi hay chưa", self.message(doc))
        self.assertNotIn("Chữ ký hợp lệ", self.message(doc))
        # the responders answer again: checking again tells
        self.local.start_responders()
        doc.with_user(self.officer_a).action_verify_signature()
        self.assertEqual(doc.signature_state, "valid")
        # an administrator who forbids online checks gets the same explicit state, never "valid"
        self.params.set_param("motcua_documents.revocation_offline", True)
        self.local.requests.clear()
        doc.with_user(self.officer_a).with_context(lang="vi_VN").action_verify_signature()
        self.assertEqual(doc.signature_state, "revocation_unknown")
        self.assertIn("Không xác định được tình trạng thu hồi", self.message(doc))
        self.assertFalse(self.local.requests, "no responder was contacted")

    def _signed_outgoing(self):
        self.params.set_param("motcua_documents.tsa_url", self.local.tsa_url)
        doc = self.new_outgoing(file=self.b64(self.pdf), file_name="quyet-dinh.pdf", sign_visible=True)
        self.approve(doc)
        doc.with_user(self.leader).with_context(lang="vi_VN").action_sign()
        return doc

    def test_signing_adds_a_valid_timestamp(self):
        doc = self._signed_outgoing()
        self.assertTrue(any("/tsa/" in path for path in self.local.requests), "the TSA was asked")
        self.assertEqual(doc.signature_state, "valid")
        self.assertEqual(doc.signature_timestamp_state, "valid")
        self.assertTrue(doc.signature_timestamp)
        self.assertAlmostEqual(doc.signature_timestamp, fields.Datetime.now(), delta=timedelta(minutes=2))
        message = doc.message_ids.filtered(lambda m: "Kết quả kiểm tra chữ ký số" in (m.body or ""))[:1].body
        self.assertIn("Chữ ký hợp lệ", message)
        self.assertIn(
            f"Dấu thời gian của tổ chức cung cấp dịch vụ tin cậy: {fields.Datetime.to_string(doc.signature_timestamp)}.",
            message,
        )

    def test_long_term_signature_verifies_offline_after_expiry(self):
        doc = self._signed_outgoing()
        signed = base64.b64decode(doc.file)
        self.assertIn(b"/DSS", signed, "the validation data is embedded (PAdES B-LT)")
        # no responder, no fetching: the embedded OCSP responses and CRL suffice
        self.local.stop_responders()
        self.params.set_param("motcua_documents.revocation_offline", True)
        self.local.requests.clear()
        doc.with_user(self.officer_a).with_context(lang="vi_VN").action_verify_signature()
        self.assertEqual(doc.signature_state, "valid")
        self.assertEqual(doc.signature_timestamp_state, "valid")
        self.assertFalse(self.local.requests, "nothing was fetched")
        self.assertIn("Chữ ký hợp lệ", self.message(doc))
        self.assertIn("Dấu thời gian của tổ chức cung cấp dịch vụ tin cậy", self.message(doc))
        # past the signer's expiry, the timestamp proves the signature was made while it was valid
        after_expiry = self.local.now + timedelta(days=self.local.SIGNER_DAYS + 30)
        self.assertGreater(after_expiry, self.local.cert("signer").not_valid_after_utc)
        result = verify_pdf(signed, [self.root], allow_fetching=False, moment=after_expiry)
        self.assertEqual((result["state"], result["timestamp_state"]), ("valid", "valid"))
        # while a basic signature of the same certificate is worth nothing then
        result = verify_pdf(self.basic("signer"), [self.root], allow_fetching=False, moment=after_expiry)
        self.assertEqual(result["state"], "expired")

    def test_timestamp_of_an_untrusted_authority_is_said_invalid(self):
        other = pki.LocalPki()
        self.addCleanup(other.close)
        long_term = {"trust_roots": [self.root, other.cert("root")], "timeout": 5, "tsa_url": other.tsa_url}
        signed = sign_pdf(
            self.pdf, self.local.keys["signer"], self.local.cert("signer"), [self.root], long_term=long_term
        )
        self.assertTrue(any("/tsa/" in path for path in other.requests), "the other TSA stamped it")
        doc = self.upload(signed)
        self.assertEqual(doc.signature_timestamp_state, "invalid")
        self.assertIn("Dấu thời gian không hợp lệ hoặc tổ chức cấp không được tin cậy.", self.message(doc))
        # the signature itself is still judged now, on its own revocation data
        self.assertEqual(doc.signature_state, "valid")

    def test_tampered_long_term_signature_refused(self):
        doc = self._signed_outgoing()
        tampered = pki.tamper(base64.b64decode(doc.file))
        doc.with_user(self.leader).with_context(lang="vi_VN").write({"file": self.b64(tampered)})
        self.assertEqual(doc.signature_state, "tampered")
        self.assertIn("Bị sửa đổi sau khi ký", self.message(doc))
        with self.assertRaisesRegex(UserError, "fails verification"):
            doc.with_user(self.officer_a).action_issue()

    def test_revoked_certificate_does_not_sign(self):
        self.unit_certificate.with_user(self.admin_user).write(
            {"pkcs12_file": self.b64(self.local.pkcs12("revoked", "s3cret")), "password": "s3cret"}
        )
        doc = self.new_outgoing(file=self.b64(self.pdf), file_name="quyet-dinh.pdf")
        self.approve(doc)
        original = doc.file
        with self.assertRaisesRegex(UserError, "cannot be signed"):
            doc.with_user(self.leader).action_sign()
        self.assertEqual(doc.file, original)
        self.assertEqual(doc.signature_state, "unsigned")

    def test_signature_settings_are_for_administrators(self):
        with self.assertRaises(AccessError):
            self.env["res.config.settings"].with_user(self.officer_a).create({"motcua_tsa_url": "http://evil"})
        with self.assertRaisesRegex(ValidationError, "http:// or https://"):
            self.env["res.config.settings"].create({"motcua_tsa_url": "ftp://tsa.example.vn"})
        settings = self.env["res.config.settings"].create(
            {"motcua_tsa_url": "https://tsa.example.vn/tsa", "motcua_revocation_timeout": 7}
        )
        settings.execute()
        self.assertEqual(self.params.get_param("motcua_documents.tsa_url"), "https://tsa.example.vn/tsa")
        self.assertEqual(self.params.get_param("motcua_documents.revocation_timeout"), "7")
