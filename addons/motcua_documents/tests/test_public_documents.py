import base64

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from . import pki
from .common import DocumentsCase


@tagged("post_install", "-at_install")
class TestPublicDocuments(DocumentsCase):
    """A leader publishes an issued, unclassified document for the unit's public site; nobody
    publishes by writing the flag, and a draft or a secret document is never public."""

    def _issued(self, **vals):
        doc = self.approve(self.new_outgoing(**vals))
        doc.with_user(self.officer_a).action_issue()
        return doc

    def _with_file(self, doc):
        doc.sudo().with_context(motcua_skip_verify=True).write(
            {"file": base64.b64encode(pki.make_pdf()), "file_name": "quyet-dinh.pdf"}
        )
        return doc

    def test_leader_publishes_an_issued_document(self):
        doc = self._with_file(self.approve(self.new_outgoing()))
        doc.with_user(self.officer_a).action_issue()
        doc.with_user(self.leader).action_publish_public()
        self.assertTrue(doc.is_public)
        public = self.env["motcua.outgoing.document"]._motcua_public_documents(self.commune_a)
        self.assertEqual(public, doc)
        doc.with_user(self.leader).action_unpublish_public()
        self.assertFalse(self.env["motcua.outgoing.document"]._motcua_public_documents(self.commune_a))

    def test_nobody_publishes_by_writing_the_flag(self):
        doc = self._with_file(self.approve(self.new_outgoing()))
        doc.with_user(self.officer_a).action_issue()
        for user in (self.specialist, self.leader, self.officer_a):
            with self.subTest(user=user.login), self.assertRaisesRegex(AccessError, "Publish button"):
                doc.with_user(user).write({"is_public": True})
        with self.assertRaisesRegex(AccessError, "Publish button"):
            self.env["motcua.outgoing.document"].with_user(self.specialist).create(
                {"unit_id": self.commune_a.id, "type_id": self.type_decision.id, "summary": "X", "is_public": True}
            )
        self.assertFalse(doc.is_public)

    def test_only_a_leader_of_the_unit_publishes(self):
        doc = self._with_file(self.approve(self.new_outgoing()))
        doc.with_user(self.officer_a).action_issue()
        with self.assertRaisesRegex(AccessError, "Only a leader"):
            doc.with_user(self.specialist).action_publish_public()
        with self.assertRaises(AccessError):
            doc.with_user(self.leader_b).action_publish_public()
        self.assertFalse(doc.is_public)

    def test_draft_secret_or_fileless_documents_are_refused(self):
        draft = self._with_file(self.new_outgoing())
        with self.assertRaisesRegex(UserError, "not possible"):
            draft.with_user(self.leader).action_publish_public()
        secret = self._with_file(self.approve(self.new_outgoing(secrecy="secret")))
        secret.with_user(self.officer_a).action_issue()
        with self.assertRaisesRegex(UserError, "classified"):
            secret.with_user(self.leader).action_publish_public()
        fileless = self.approve(self.new_outgoing())
        fileless.with_user(self.officer_a).action_issue()
        with self.assertRaisesRegex(UserError, "no file"):
            fileless.with_user(self.leader).action_publish_public()
        self.assertFalse((draft | secret | fileless).filtered("is_public"))
