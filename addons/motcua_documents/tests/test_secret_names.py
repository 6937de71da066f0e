from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import DocumentsCase

SECRET_SUMMARY = "Phương án di dời bí mật"


@tagged("post_install", "-at_install")
class TestSecretDraftNames(DocumentsCase):
    """V9: a display name travels (linked records' chatter, many2one labels, access logs): the
    summary of a secret draft never is part of it."""

    def test_secret_draft_name_carries_no_summary(self):
        secret = self.new_outgoing(
            user=self.leader, summary=SECRET_SUMMARY, secrecy="secret", reviewer_id=False, signer_id=self.leader.id
        )
        for user in (self.leader, self.monitor, self.admin_user):
            with self.subTest(user=user.login):
                name = secret.with_user(user).display_name
                self.assertNotIn(SECRET_SUMMARY, name)
                self.assertIn("Secret", name)
        plain = self.new_outgoing(summary="Kế hoạch công khai")
        self.assertEqual(plain.display_name, "Draft: Kế hoạch công khai")

    def test_the_chatter_of_a_linked_record_and_the_access_log_do_not_show_the_summary(self):
        target = self.new_incoming()
        secret = self.new_outgoing(
            user=self.leader,
            summary=SECRET_SUMMARY,
            secrecy="secret",
            reviewer_id=False,
            signer_id=self.leader.id,
            res_model=target._name,
            res_id=target.id,
        )
        messages = target.with_user(self.officer_a).message_ids
        self.assertTrue(messages)
        self.assertNotIn(SECRET_SUMMARY, " ".join(str(body) for body in messages.mapped("body")))
        # the clerk has no clearance: the document is out of reach, its name tells nothing
        with self.assertRaises(AccessError):
            secret.with_user(self.officer_a).read(["summary"])
        self.assertFalse(self.env["motcua.outgoing.document"].with_user(self.officer_a).name_search(SECRET_SUMMARY))
        secret.with_user(self.leader).read(["summary"])
        self.env.cr.precommit.run()
        logs = (
            self.env["motcua.access.log"]
            .with_user(self.monitor)
            .search([("res_model", "=", secret._name), ("res_id", "=", secret.id)])
        )
        self.assertTrue(logs)
        self.assertNotIn(SECRET_SUMMARY, " ".join(logs.mapped("res_name")))

    def test_monitor_reads_documents_and_writes_none(self):
        incoming = self.new_incoming()
        self.assertEqual(incoming.with_user(self.monitor).summary, incoming.summary)
        with self.assertRaisesRegex(AccessError, "province monitor"):
            incoming.with_user(self.monitor).write({"summary": "Sửa"})
        with self.assertRaisesRegex(AccessError, "province monitor"):
            self.new_outgoing(user=self.monitor)
        self.assertEqual(incoming.summary, "Về việc kiểm tra công tác hộ tịch")
