import base64
from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import DocumentsCase
from .pki import make_pdf


@tagged("post_install", "-at_install")
class TestIncoming(DocumentsCase):
    def test_register_numbers_per_unit_and_year(self):
        with freeze_time("2026-03-02 03:00:00"):
            first = self.new_incoming()
            second = self.new_incoming(reference="16/QĐ-STP")
            other = (
                self.env["motcua.incoming.document"]
                .with_user(self.officer_b)
                .create(self.incoming_vals(unit_id=self.commune_b.id))
            )
            (first | second).with_user(self.officer_a).action_register()
            other.with_user(self.officer_b).action_register()
        self.assertEqual((first.incoming_number, second.incoming_number), (1, 2))
        self.assertEqual(first.name, "01/2026")
        self.assertEqual(first.state, "registered")
        self.assertEqual(first.registered_by_id, self.officer_a)
        self.assertEqual(other.incoming_number, 1, "each unit has its own register")
        # a new year restarts the register at 1 (date received in Viet Nam time: 1 January 00:30 ICT)
        with freeze_time("2026-12-31 17:30:00"):
            new_year = self.new_incoming(reference="1/QĐ-STP", date_received=datetime(2026, 12, 31, 17, 30))
            new_year.with_user(self.officer_a).action_register()
        self.assertEqual((new_year.register_year, new_year.incoming_number), (2027, 1))

    def test_secret_documents_have_their_own_series(self):
        normal = self.new_incoming()
        secret = self.new_incoming(reference="3/QĐ-STP", secrecy="confidential")
        (normal | secret).with_user(self.officer_a).action_register()
        self.assertEqual(normal.incoming_number, 1)
        self.assertEqual(secret.incoming_number, 1)
        self.assertTrue(secret.secret_series)
        self.assertIn("/M/", secret.name)

    def test_duplicate_is_detected_and_linked(self):
        first = self.new_incoming()
        first.with_user(self.officer_a).action_register()
        again = self.new_incoming(reference=" 15/qđ-stp ".strip())
        self.assertEqual(again.duplicate_id, first, "the form shows the existing record")
        action = again.action_open_duplicate()
        self.assertEqual(action["res_id"], first.id)
        with self.assertRaisesRegex(UserError, "already in the register as 01/"):
            again.with_user(self.officer_a).action_register()
        self.assertEqual(again.state, "draft")
        self.assertFalse(again.incoming_number, "nothing numbered half-way")
        # another date is another document
        other_date = self.new_incoming(document_date="2026-11-21")
        self.assertFalse(other_date.duplicate_id)
        other_date.with_user(self.officer_a).action_register()
        self.assertEqual(other_date.incoming_number, 2, "the refused registration took no number")

    def test_registered_document_is_locked(self):
        doc = self.new_incoming()
        doc.with_user(self.officer_a).action_register()
        with self.assertRaisesRegex(UserError, "keeps what the register says"):
            doc.with_user(self.officer_a).write({"reference": "16/QĐ-STP"})
        self.assertEqual(doc.reference, "15/QĐ-STP")
        doc.with_user(self.officer_a).write({"page_count": 3, "urgency": "urgent"})
        with self.assertRaisesRegex(UserError, "stays in the register"):
            doc.with_user(self.admin_user).unlink()
        draft = self.new_incoming(reference="20/QĐ-STP")
        draft.with_user(self.admin_user).unlink()
        self.assertFalse(draft.exists())

    def test_register_requires_the_decree_30_fields(self):
        doc = self.new_incoming(reference=False, summary=False)
        with self.assertRaisesRegex(UserError, "Number and symbol.*Summary"):
            doc.with_user(self.officer_a).action_register()

    def test_attachment_must_be_what_it_claims(self):
        with self.assertRaisesRegex(ValidationError, "is not a PDF file"):
            self.new_incoming(file=base64.b64encode(b"MZ\x90\x00 this is an executable"), file_name="decision.pdf")
        Attachment = self.env["ir.attachment"].with_user(self.officer_a)
        attachment = Attachment.create({"name": "scan.pdf", "raw": b"GIF89a fake"})
        with self.assertRaisesRegex(ValidationError, "is not a PDF file"):
            self.new_incoming(attachment_ids=[(6, 0, attachment.ids)])
        good = Attachment.create({"name": "scan.pdf", "raw": make_pdf()})
        doc = self.new_incoming(attachment_ids=[(6, 0, good.ids)])
        self.assertEqual(doc.attachment_ids, good)

    def test_deadline_skips_days_off(self):
        doc = self.new_incoming()
        doc.with_user(self.officer_a).action_register()
        # Monday 23 November 2026 10:00; Tuesday 24 is a day off of the calendar (Vietnam Cultural Day)
        with freeze_time("2026-11-23 03:00:00"):
            wizard = (
                self.env["motcua.incoming.assign"]
                .with_user(self.leader)
                .create({"document_id": doc.id, "lead_user_id": self.specialist.id, "handling_days": 2})
            )
            expected = self.commune_a.add_working_time(datetime(2026, 11, 23, 3, 0), days=2)
            self.assertEqual(wizard.deadline, expected)
            self.assertGreater(wizard.deadline, datetime(2026, 11, 25, 3, 0))

    def test_leader_assigns_with_working_day_deadline(self):
        doc = self.new_incoming()
        doc.with_user(self.officer_a).action_register()
        # Monday 30 November 2026, 10:00 in Viet Nam = 03:00 UTC; + 2 working days = Wednesday 10:00
        with freeze_time("2026-11-30 03:00:00"):
            wizard = (
                self.env["motcua.incoming.assign"]
                .with_user(self.leader)
                .create(
                    {
                        "document_id": doc.id,
                        "lead_user_id": self.specialist.id,
                        "co_user_ids": [(6, 0, self.specialist2.ids)],
                        "instructions": "Kiểm tra và báo cáo",
                        "handling_days": 2,
                    }
                )
            )
            self.assertEqual(wizard.deadline, datetime(2026, 12, 2, 3, 0))
            wizard.action_confirm()
        self.assertEqual(doc.state, "assigned")
        self.assertEqual(doc.lead_user_id, self.specialist)
        self.assertEqual(doc.deadline, datetime(2026, 12, 2, 3, 0))
        activity = doc.activity_ids.filtered(lambda a: a.user_id == self.specialist)
        self.assertEqual(str(activity.date_deadline), "2026-12-02")
        # the handler sees it in "handled by me" and finishes it
        mine = (
            self.env["motcua.incoming.document"]
            .with_user(self.specialist)
            .search([("lead_user_id", "=", self.specialist.id)])
        )
        self.assertIn(doc, mine)
        doc.with_user(self.specialist).action_done()
        self.assertEqual(doc.state, "done")

    def test_clerk_cannot_assign(self):
        doc = self.new_incoming()
        doc.with_user(self.officer_a).action_register()
        with self.assertRaises(AccessError):
            self.env["motcua.incoming.assign"].with_user(self.officer_a).create(
                {"document_id": doc.id, "lead_user_id": self.specialist.id, "handling_days": 2}
            )

    def test_assign_needs_a_handler_and_a_registered_document(self):
        doc = self.new_incoming()
        wizard = (
            self.env["motcua.incoming.assign"]
            .with_user(self.leader)
            .create({"document_id": doc.id, "lead_user_id": self.specialist.id, "handling_days": 2})
        )
        with self.assertRaisesRegex(UserError, "Register the document"):
            wizard.action_confirm()
        doc.with_user(self.officer_a).action_register()
        wizard = (
            self.env["motcua.incoming.assign"]
            .with_user(self.leader)
            .create({"document_id": doc.id, "handling_days": 2})
        )
        with self.assertRaisesRegex(ValidationError, "lead handler"):
            wizard.action_confirm()
        self.assertEqual(doc.state, "registered")

    def test_overdue_shows_and_raises_an_activity(self):
        doc = self.new_incoming()
        doc.with_user(self.officer_a).action_register()
        with freeze_time("2026-11-30 03:00:00"):
            self.env["motcua.incoming.assign"].with_user(self.leader).create(
                {
                    "document_id": doc.id,
                    "lead_user_id": self.specialist.id,
                    "handling_days": 1,
                }
            ).action_confirm()
        Incoming = self.env["motcua.incoming.document"].with_user(self.leader)
        with freeze_time("2026-12-01 02:00:00"):
            self.assertFalse(doc.is_overdue)
            self.assertNotIn(doc, Incoming.search([("is_overdue", "=", True)]))
        with freeze_time("2026-12-01 04:00:00"):
            doc.invalidate_recordset(["is_overdue"])
            self.assertTrue(doc.is_overdue)
            self.assertIn(doc, Incoming.search([("is_overdue", "=", True)]))
            self.env["motcua.incoming.document"]._cron_overdue_handling()
            self.env["motcua.incoming.document"]._cron_overdue_handling()
        overdue_type = self.env.ref("motcua_documents.mail_activity_overdue_document")
        overdue = doc.activity_ids.filtered(lambda a: a.activity_type_id == overdue_type)
        self.assertEqual(len(overdue), 1, "one overdue activity, not one per cron run")
        self.assertEqual(overdue.user_id, self.specialist)

    def test_reply_links_an_outgoing_document(self):
        doc = self.new_incoming()
        doc.with_user(self.officer_a).action_register()
        action = doc.with_user(self.specialist).action_draft_reply()
        outgoing = self.env["motcua.outgoing.document"].browse(action["res_id"])
        self.assertEqual(doc.reply_outgoing_id, outgoing)
        self.assertEqual(outgoing.reply_to_incoming_id, doc)
        self.assertEqual(outgoing.recipient_ids.partner_id, self.sender)

    def test_link_to_any_record_posts_in_its_chatter(self):
        target = self.env["res.partner"].create({"name": "Hồ sơ mẫu"})
        doc = self.new_incoming(res_model="res.partner", res_id=target.id)
        self.assertEqual(doc.linked_record_name, "Hồ sơ mẫu")
        self.assertIn("Official document linked", target.message_ids[0].body)
        secret = self.new_incoming(
            user=self.leader,
            reference="2/M",
            secrecy="confidential",
            summary="Nội dung mật",
            res_model="res.partner",
            res_id=target.id,
        )
        self.assertIn(secret.display_name, target.message_ids[0].body)
        self.assertNotIn("Nội dung mật", target.message_ids[0].body, "a secret summary stays out of the chatter")
        Incoming = self.env["motcua.incoming.document"].with_user(self.officer_a)
        self.assertEqual(Incoming._search_linked(target), doc, "the clerk does not see the secret one")
        action = Incoming._action_view_linked(target)
        self.assertEqual(action["context"]["default_res_model"], "res.partner")
        self.assertEqual(Incoming.search(action["domain"]), doc)
        with self.assertRaisesRegex(ValidationError, "no model"):
            self.new_incoming(res_model="no.such.model", res_id=1)

    def test_an_undeclared_transition_is_refused(self):
        doc = self.new_incoming()
        with self.assertRaisesRegex(UserError, "cannot go from Received to Handled"):
            doc.with_user(self.leader)._motcua_set_state("done")
        self.assertEqual(doc.state, "draft")
        doc.with_user(self.officer_a).action_cancel()
        with self.assertRaisesRegex(UserError, "cannot go from Cancelled to Registered"):
            doc.with_user(self.officer_a)._motcua_set_state("registered")
        self.assertEqual((doc.state, doc.incoming_number), ("cancelled", 0))
