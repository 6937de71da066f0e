from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.motcua_base.tests.report_common import MotcuaReportCase

from .common import DossierCase, enable_vietnamese, utc

CRON = "motcua_dossier.ir_cron_dossier_receipt_mail"


@tagged("post_install", "-at_install")
class TestReceiptMail(DossierCase, MotcuaReportCase):
    """The "received" e-mail and its PDF receipt are produced after the desk's commit, once."""

    def setUp(self):
        super().setUp()
        enable_vietnamese(self.env)
        self.Job = self.env["motcua.dossier.receipt.mail"]

    def mails_of(self, dossier):
        return self.env["mail.mail"].search([("model", "=", "motcua.dossier"), ("res_id", "=", dossier.id)])

    def pdf_count(self):
        return self.env["ir.attachment"].search_count([("mimetype", "=", "application/pdf")])

    def run_job(self):
        """What the cron does, with the PDF really rendered (Odoo renders HTML in tests otherwise)."""
        return self.Job.with_context(force_report_rendering=True)._cron_send()

    def receive_monday_10(self, **vals):
        with freeze_time(utc(2026, 12, 7, 10, 0)):  # Monday 7 December 2026, 10:00 in Viet Nam
            return self.received_dossier(applicant_email="an@example.com", **vals)

    def test_the_desk_does_not_wait_for_the_pdf(self):
        pdfs = self.pdf_count()
        dossier = self.receive_monday_10()
        # nothing rendered nor e-mailed in the desk's transaction: one row queued, the cron woken
        self.assertEqual(self.pdf_count(), pdfs)
        self.assertFalse(self.mails_of(dossier))
        self.assertEqual(self.Job.search([("dossier_id", "=", dossier.id)]).state, "pending")
        self.assertTrue(self.env["ir.cron.trigger"].search([("cron_id", "=", self.env.ref(CRON).id)]))
        # the printed receipt is one click away, rendered on demand
        action = dossier.with_user(self.officer_a).action_print_receipt()
        self.assertEqual(action["report_name"], "motcua_dossier.report_dossier_receipt")

        self.assertEqual(self.run_job(), 1)
        mail = self.mails_of(dossier)
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.state, "outgoing")
        self.assertEqual(mail.email_to or ",".join(mail.recipient_ids.mapped("email")), "an@example.com")
        self.assertEqual(mail.subject, f"Hồ sơ {dossier.name} đã được tiếp nhận")
        self.assertIn("Kính gửi", mail.body_html)
        self.assertEqual(mail.attachment_ids.mapped("name"), [f"Giay tiep nhan - {dossier.name}.pdf"])
        self.assertPrinted(
            mail.attachment_ids.raw,
            "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
            f"Mã hồ sơ: {dossier.name}",
            "Ông/bà/tổ chức: Nguyễn Văn An",
            "4. Thời gian nhận hồ sơ: 10:00 07/12/2026",
            "5. Thời gian trả kết quả giải quyết hồ sơ: 10:00 09/12/2026",
        )
        # the desk sees it went, in the chatter, by the officer who received it, without the PDF
        note = dossier.message_ids.filtered(lambda m: "Receipt e-mailed to the applicant" in (m.body or ""))
        self.assertEqual(len(note), 1)
        self.assertIn(dossier.name, note.body)
        self.assertEqual(note.author_id, self.officer_a.partner_id)
        self.assertFalse(note.attachment_ids)

    def test_never_two_emails(self):
        dossier = self.receive_monday_10()
        self.assertEqual(self.run_job(), 1)
        self.assertEqual(self.run_job(), 0)
        self.assertEqual(len(self.mails_of(dossier)), 1)
        self.assertEqual(len(dossier.message_ids.filtered(lambda m: "Receipt e-mailed" in (m.body or ""))), 1)

    def test_a_failure_leaves_it_pending(self):
        dossier = self.receive_monday_10()
        report = self.env.ref("motcua_dossier.action_report_dossier_receipt")
        report_name = report.report_name
        report.report_name = "motcua_dossier.no_such_template"  # the receipt cannot be rendered
        with mute_logger("odoo.addons.motcua_dossier.models.motcua_dossier_receipt_mail"):
            self.run_job()
        job = self.Job.search([("dossier_id", "=", dossier.id)])
        self.assertEqual((job.state, job.attempts), ("pending", 1))
        self.assertFalse(self.mails_of(dossier))
        report.report_name = report_name
        self.run_job()
        self.assertEqual((job.state, len(self.mails_of(dossier))), ("sent", 1))

    def test_the_copy_of_the_receipt_is_not_for_colleagues(self):
        dossier = self.receive_monday_10()
        self.run_job()
        attachment = self.mails_of(dossier).attachment_ids
        for user in (self.officer_a, self.officer_b, self.monitor, self.leader_a):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    attachment.with_user(user).read(["raw"])
                self.assertFalse(self.env["ir.attachment"].with_user(user).search([("id", "=", attachment.id)]))
                with self.assertRaises(AccessError):
                    self.Job.with_user(user).search_read([], ["state"])
                with self.assertRaises(AccessError):
                    self.Job.with_user(user).browse(self.Job.search([]).ids).write({"state": "pending"})
        # once the mail queue sent it, the copy is deleted with the e-mail (auto_delete)
        mail = self.mails_of(dossier)
        self.assertTrue(mail.auto_delete)
        mail.unlink()
        self.run_job()
        self.assertFalse(attachment.exists())

    def test_without_email_the_sms_goes_at_once(self):
        dossier = self.received_dossier()
        self.assertEqual(len(self.sms_of(dossier)), 1)
        self.assertFalse(self.Job.search([("dossier_id", "=", dossier.id)]))
