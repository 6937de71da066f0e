from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import DocumentsCase


@tagged("post_install", "-at_install")
class TestOutgoing(DocumentsCase):
    def test_workflow_and_number_at_issue(self):
        doc = self.new_outgoing()
        self.assertFalse(doc.name)
        doc.with_user(self.specialist).action_submit()
        self.assertEqual(doc.state, "review")
        doc.with_user(self.specialist2).action_review_ok()
        self.assertEqual(doc.state, "approval")
        self.assertFalse(doc.number, "no number before issue")
        doc.with_user(self.leader).action_approve()
        self.assertEqual(doc.state, "approved")
        self.assertFalse(doc.number, "no number at approval")
        with freeze_time("2026-05-04 02:00:00"):
            doc.with_user(self.officer_a).action_issue()
        self.assertEqual(doc.state, "issued")
        self.assertEqual(doc.name, "01/QĐ-UBNDTN")
        self.assertEqual(doc.register_year, 2026)
        letter = self.approve(self.new_outgoing(type_id=self.type_letter.id))
        with freeze_time("2026-05-04 03:00:00"):
            letter.with_user(self.officer_a).action_issue()
        self.assertEqual(letter.name, "02/UBNDTN", "an official letter has no type abbreviation")

    def test_only_the_signer_approves(self):
        doc = self.new_outgoing()
        doc.with_user(self.specialist).action_submit()
        doc.with_user(self.specialist2).action_review_ok()
        with self.assertRaises(AccessError):
            doc.with_user(self.leader_b).action_approve()
        with self.assertRaises(AccessError):
            doc.with_user(self.specialist2).action_approve()
        self.assertEqual(doc.state, "approval")

    def test_cannot_skip_steps_or_issue_without_signer(self):
        doc = self.new_outgoing(signer_id=False, reviewer_id=False)
        with self.assertRaisesRegex(UserError, "this step is not possible now"):
            doc.with_user(self.officer_a).action_issue()
        doc.with_user(self.specialist).action_submit()
        self.assertEqual(doc.state, "approval")
        with self.assertRaisesRegex(UserError, "no signer"):
            doc.with_user(self.leader).action_approve()
        reviewed = self.new_outgoing(signer_id=False)
        reviewed.with_user(self.specialist).action_submit()
        with self.assertRaisesRegex(UserError, "Choose the signer"):
            reviewed.with_user(self.specialist2).action_review_ok()
        # an approved document whose signer was removed cannot be issued, and takes no number
        approved = self.approve(self.new_outgoing())
        approved.sudo().signer_id = False
        with self.assertRaisesRegex(UserError, "without a signer"):
            approved.with_user(self.officer_a).action_issue()
        self.assertFalse(approved.number)
        ok = self.approve(self.new_outgoing())
        ok.with_user(self.officer_a).action_issue()
        self.assertEqual(ok.number, 1, "the refused issue consumed no number")

    def test_yearly_restart_and_secret_series(self):
        with freeze_time("2026-12-31 09:00:00"):
            last = self.approve(self.new_outgoing())
            last.with_user(self.officer_a).action_issue()
            secret = self.approve(self.new_outgoing(secrecy="secret"))
            secret.with_user(self.leader).action_issue()
        self.assertEqual((last.register_year, last.number), (2026, 1))
        self.assertEqual(secret.number, 1, "secret documents have their own series")
        self.assertTrue(secret.secret_series)
        # 1 January 2027 at 08:00 in Viet Nam is still 31 December in UTC
        with freeze_time("2027-01-01 01:00:00"):
            first = self.approve(self.new_outgoing())
            first.with_user(self.officer_a).action_issue()
        self.assertEqual((first.register_year, first.number, first.name), (2027, 1, "01/QĐ-UBNDTN"))

    def test_distribution_internal_and_external(self):
        doc = self.approve(
            self.new_outgoing(
                recipient_ids=[
                    (0, 0, {"recipient_type": "internal", "unit_id": self.commune_b.id}),
                    (0, 0, {"recipient_type": "external", "partner_id": self.sender.id}),
                ]
            )
        )
        with self.assertRaisesRegex(UserError, "this step is not possible now"):
            doc.with_user(self.officer_a).action_distribute()
        doc.with_user(self.officer_a).action_issue()
        doc.with_user(self.officer_a).action_distribute()
        self.assertEqual(doc.state, "distributed")
        internal = doc.recipient_ids.filtered(lambda r: r.recipient_type == "internal")
        external = doc.recipient_ids - internal
        self.assertEqual(internal.delivery_state, "received")
        incoming = internal.incoming_id
        self.assertEqual(incoming.unit_id, self.commune_b)
        self.assertEqual(incoming.reference, doc.name)
        self.assertEqual(incoming.intake_channel, "internal")
        self.assertEqual(incoming.state, "draft", "the receiving clerk registers it")
        # the receiving unit sees it, and registers it
        visible = self.env["motcua.incoming.document"].with_user(self.officer_b).search([("reference", "=", doc.name)])
        self.assertEqual(visible, incoming)
        visible.action_register()
        self.assertEqual(visible.incoming_number, 1)
        self.assertEqual(external.mail_id.email_to, "stp@example.vn")
        self.assertEqual(external.delivery_state, "outgoing")
        with self.assertRaisesRegex(UserError, "stays on the document"):
            external.with_user(self.officer_a).unlink()
        external.mail_id.sudo().write({"state": "exception", "failure_reason": "mailbox full"})
        external.invalidate_recordset(["delivery_state"])
        self.assertEqual(external.delivery_state, "failed")

    def test_signer_must_be_a_leader(self):
        with self.assertRaisesRegex(ValidationError, "only leaders sign"):
            self.new_outgoing(signer_id=self.specialist2.id)

    def test_distribution_needs_recipients(self):
        doc = self.approve(self.new_outgoing())
        doc.with_user(self.officer_a).action_issue()
        with self.assertRaisesRegex(UserError, "Add the recipients"):
            doc.with_user(self.officer_a).action_distribute()
        self.assertEqual(doc.state, "issued")

    def test_issued_document_cannot_be_changed(self):
        doc = self.approve(self.new_outgoing())
        doc.with_user(self.officer_a).action_issue()
        with self.assertRaisesRegex(UserError, "issued document cannot be changed"):
            doc.with_user(self.leader).write({"summary": "Something else"})
        self.assertEqual(doc.summary, "Quyết định thành lập tổ công tác")

    def test_issued_document_cannot_be_deleted(self):
        doc = self.approve(self.new_outgoing())
        doc.with_user(self.officer_a).action_issue()
        with self.assertRaisesRegex(UserError, "stays in the register"):
            doc.with_user(self.admin_user).unlink()

    def test_an_undeclared_transition_is_refused(self):
        doc = self.new_outgoing()
        with self.assertRaisesRegex(UserError, "cannot go from Drafting to Issued"):
            doc.with_user(self.leader)._motcua_set_state("issued", {"number": 7})
        self.assertEqual((doc.state, doc.number, doc.name), ("draft", 0, False))
        # cancelled is final
        doc.with_user(self.specialist).action_cancel()
        with self.assertRaisesRegex(UserError, "cannot go from Cancelled to Drafting"):
            doc.with_user(self.leader)._motcua_set_state("draft")
        self.assertEqual(doc.state, "cancelled")
