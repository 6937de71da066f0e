import base64

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from ..tools import sign_pdf
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
        self.assertIn(b"Signed by\\072 UBND xa Thu nghiem", signed, "the stamp names the signer")
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
