import base64
import io

import PyPDF2

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import SECRET_ID, SECRET_NAME, SECRET_PHONE, ComplaintsCommon


@tagged("post_install", "-at_install")
class TestIdentityProtection(ComplaintsCommon, HttpCase):  # HttpCase: it prints PDFs (see MotcuaReportCase)
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.denouncer = new_test_user(cls.env, login="kn_denouncer", groups="base.group_portal")
        cls.other_citizen = new_test_user(cls.env, login="kn_other_citizen", groups="base.group_portal")
        cls.denunciation = cls.env["motcua.complaint.petition"].create(
            {
                "subject": "Tố cáo sai phạm đất đai",
                "content": "Nội dung tố cáo",
                "petition_type": "denunciation",
                "unit_id": cls.commune_a.id,
                "petitioner_name": SECRET_NAME,
                "petitioner_id_number": SECRET_ID,
                "petitioner_address": "12 Đường Bí Mật",
                "petitioner_phone": SECRET_PHONE,
                "handler_ids": [(6, 0, cls.handler_a.ids)],
            }
        )
        cls.identity = cls.denunciation.sudo().identity_id
        cls.identity.partner_id = cls.denouncer.partner_id
        cls.attachment = cls.env["ir.attachment"].create(
            {
                "name": "cccd.png",
                "datas": base64.b64encode(b"identity card"),
                "res_model": "motcua.complaint.identity",
                "res_id": cls.identity.id,
            }
        )

    def _logs(self, user):
        return super()._logs(user, self.denunciation)

    def test_other_officers_see_protected(self):
        for user in (self.specialist_a, self.officer_a, self.monitor):
            with self.subTest(user=user.login):
                petition = self.denunciation.with_user(user)
                self.assertEqual(petition.subject, "Tố cáo sai phạm đất đai")
                self.assertFalse(petition.identity_visible)
                for field in (
                    "petitioner_name",
                    "petitioner_id_number",
                    "petitioner_address",
                    "petitioner_phone",
                    "petitioner_email",
                ):
                    self.assertEqual(petition[field], "(protected)")
                self.assertFalse(petition.identity_attachment_ids)
                data = petition.read(["petitioner_name", "petitioner_phone"])[0]
                self.assertEqual(data["petitioner_name"], "(protected)")
                # the identity record itself and the link to it are out of reach
                with self.assertRaises(AccessError):
                    self.identity.with_user(user).read(["name"])
                with self.assertRaises(AccessError):
                    petition.read(["identity_id"])
                with self.assertRaises(AccessError):
                    self.attachment.with_user(user).read(["datas"])
                with self.assertRaises(AccessError):
                    petition.petitioner_name = "Đổi tên"
                with self.assertRaises(AccessError):
                    petition.action_open_identity_documents()
                self.assertFalse(self._logs(user))

    def test_export_shows_protected(self):
        self.specialist_a.group_ids += self.env.ref("base.group_allow_export")
        petition = self.denunciation.with_user(self.specialist_a)
        rows = petition.export_data(
            ["code", "petitioner_name", "petitioner_id_number", "petitioner_phone", "petitioner_address"]
        )["datas"]
        self.assertEqual(rows[0][1:], ["(protected)"] * 4)
        with self.assertRaises(AccessError):
            petition.export_data(["identity_id/name"])
        exported = str(petition.export_data(["code", "subject", "handler_ids", "content"])["datas"])
        self.assertNotIn(SECRET_NAME, exported)

    def test_printed_sheet_shows_protected(self):
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        report = "motcua_complaints.action_report_petition"
        other = Report.with_user(self.specialist_a)._render_qweb_pdf(report, self.denunciation.ids)[0]
        mine = Report.with_user(self.handler_a)._render_qweb_pdf(report, self.denunciation.ids)[0]
        other_text, mine_text = (self._pdf_text(pdf) for pdf in (other, mine))
        self.assertIn("(protected)", other_text)
        self.assertNotIn("0912", other_text)
        self.assertNotIn(SECRET_ID, other_text)
        self.assertIn(self.denunciation.code, other_text)
        self.assertIn("0912 345 678", mine_text)
        self.assertIn(SECRET_ID, mine_text)
        self.assertNotIn("(protected)", mine_text)
        self.assertTrue(self._logs(self.handler_a))

    def _pdf_text(self, pdf):
        reader = PyPDF2.PdfReader(io.BytesIO(pdf))
        return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)

    def test_search_does_not_reveal(self):
        Petition = self.env["motcua.complaint.petition"]
        for user in (self.specialist_a, self.monitor):
            with self.subTest(user=user.login):
                as_user = Petition.with_user(user)
                self.assertFalse(as_user.search([("petitioner_name", "ilike", "Bí Mật")]))
                self.assertFalse(as_user.search([("petitioner_id_number", "=", SECRET_ID)]))
                self.assertFalse(as_user.name_search("Bí Mật"))
                # but the petition itself is found by its code and subject
                self.assertEqual(as_user.name_search(self.denunciation.code)[0][0], self.denunciation.id)
        handler = Petition.with_user(self.handler_a)
        self.assertEqual(handler.search([("petitioner_name", "ilike", "Bí Mật")]), self.denunciation)

    def test_chatter_does_not_reveal(self):
        petition = self.denunciation.with_user(self.handler_a)
        petition.message_post(body="Đã xác minh nội dung.")
        petition.petitioner_address = "Địa chỉ mới"
        petition.decision_reason = "Đủ điều kiện"
        petition.action_classify()
        petition.action_accept()
        messages = self.denunciation.sudo().message_ids
        texts = " ".join(str(m.body) + str(m.subject or "") for m in messages)
        tracked = " ".join(f"{v.old_value_char} {v.new_value_char}" for v in messages.sudo().tracking_value_ids)
        for secret in (SECRET_NAME, SECRET_ID, SECRET_PHONE, "0912 345 678", "Địa chỉ mới"):
            self.assertNotIn(secret, texts)
            self.assertNotIn(secret, tracked)
        self.assertNotIn(self.denouncer.partner_id, messages.author_id)
        self.assertNotIn(self.denouncer.partner_id, self.denunciation.message_partner_ids)
        activities = " ".join(self.denunciation.activity_ids.mapped("summary"))
        self.assertNotIn(SECRET_NAME, activities)

    def test_handlers_and_guardians_see_and_are_logged(self):
        for user in (self.handler_a, self.guardian):
            with self.subTest(user=user.login):
                self.assertFalse(self._logs(user))
                petition = self.denunciation.with_user(user)
                [values] = petition.read(["petitioner_name", "petitioner_phone", "identity_attachment_ids"])
                self.assertEqual(values["petitioner_name"], SECRET_NAME)
                self.assertEqual(values["petitioner_phone"], "0912 345 678")
                self.assertEqual(values["identity_attachment_ids"], self.attachment.ids)
                self.assertEqual(self.attachment.with_user(user).raw, b"identity card")
                log = self._logs(user)
                self.assertEqual(len(log), 1)
                self.assertEqual(log.access_type, "read")
                self.assertTrue(log.date)
                petition.invalidate_recordset()
                petition.read(["petitioner_id_number"])
                self.assertEqual(len(self._logs(user)), 2)
        # the handler uploads and opens the identity documents
        action = self.denunciation.with_user(self.handler_a).action_open_identity_documents()
        upload = (
            self.env["ir.attachment"]
            .with_user(self.handler_a)
            .with_context(**action["context"])
            .create({"name": "don-to-cao.pdf", "raw": b"signed denunciation"})
        )
        self.assertEqual(
            self.env["ir.attachment"].with_user(self.handler_a).search(action["domain"]), self.attachment | upload
        )
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            upload.with_user(self.specialist_a).read(["raw"])
        self.assertEqual(len(self._logs(self.handler_a)), 3)
        # the identity record read directly is logged too
        self.identity.with_user(self.handler_a).read(["name"])
        self.assertEqual(len(self._logs(self.handler_a)), 4)

    def test_access_log_is_private_and_append_only(self):
        self.denunciation.with_user(self.handler_a).read(["petitioner_name"])
        self.env.cr.precommit.run()
        Log = self.env["motcua.access.log"]
        with self.assertRaises(AccessError):
            Log.with_user(self.specialist_a).search([])
        with self.assertRaises(AccessError):
            Log.with_user(self.handler_a).search([])
        logs = Log.with_user(self.guardian).search([("res_id", "=", self.denunciation.id)])
        self.assertEqual(set(logs.mapped("res_model")), {"motcua.complaint.petition"})
        self.assertIn(self.handler_a, logs.user_id)
        with self.assertRaises(AccessError):
            logs.with_user(self.guardian).unlink()
        with self.assertRaises(AccessError):
            logs.with_user(self.guardian).write({"user_id": self.guardian.id})
        with self.assertRaises(AccessError):
            Log.with_user(self.guardian).create(
                {"user_id": self.guardian.id, "res_model": self.denunciation._name, "res_id": self.denunciation.id}
            )

    def test_complaint_identity_is_not_protected(self):
        complaint = self._petition(petitioner_name="Nguyễn Văn Khiếu")
        self.assertEqual(complaint.with_user(self.specialist_a).petitioner_name, "Nguyễn Văn Khiếu")
        self.assertEqual(complaint.with_user(self.monitor).petitioner_name, "Nguyễn Văn Khiếu")
        self.env.cr.precommit.run()
        self.assertFalse(
            self.env["motcua.access.log"].search([("res_model", "=", complaint._name), ("res_id", "=", complaint.id)])
        )
        # turning it into a denunciation protects it at once
        complaint.petition_type = "denunciation"
        self.assertEqual(complaint.with_user(self.specialist_a).petitioner_name, "(protected)")

    def test_unit_and_portal_boundaries(self):
        with self.assertRaises(AccessError):
            self.denunciation.with_user(self.specialist_b).read(["subject"])
        # the denouncer sees their own petition and identity, nobody else's
        own = self.denunciation.with_user(self.denouncer)
        self.assertEqual(own.petitioner_name, SECRET_NAME)
        with self.assertRaises(AccessError):
            self.denunciation.with_user(self.other_citizen).read(["subject"])
        with self.assertRaises(AccessError):
            self.identity.with_user(self.other_citizen).read(["name"])
        complaint = self._petition()
        with self.assertRaises(AccessError):
            complaint.with_user(self.denouncer).read(["subject"])
        with self.assertRaises(AccessError):
            own.write({"subject": "Sửa"})
        self.env.cr.precommit.run()
        self.assertFalse(self.env["motcua.access.log"].search([("user_id", "=", self.denouncer.id)]))

    def test_reception_of_denouncers(self):
        Reception = self.env["motcua.complaint.reception"]
        reception = Reception.with_user(self.officer_a).create(
            {
                "unit_id": self.commune_a.id,
                "summary": "Tố cáo cán bộ",
                "classification": "denunciation",
                "citizen_ids": [
                    (0, 0, {"name": SECRET_NAME, "phone": SECRET_PHONE}),
                    (0, 0, {"name": "Người thứ hai"}),
                ],
            }
        )
        self.assertEqual(reception.citizen_count, 2)
        self.assertEqual(len(reception.citizen_ids), 2)
        self.env.invalidate_all()
        other = reception.with_user(self.specialist_a)
        self.assertEqual(other.citizen_count, 2)
        self.assertFalse(other.citizen_ids)
        self.env.invalidate_all()
        self.assertFalse(reception.with_user(self.monitor).citizen_ids)
        self.env.invalidate_all()
        self.assertEqual(len(reception.with_user(self.guardian).citizen_ids), 2)
        with self.assertRaises(AccessError):
            reception.with_user(self.specialist_b).read(["summary"])
        action = reception.action_create_petition()
        petition = self.env["motcua.complaint.petition"].browse(action["res_id"])
        self.assertEqual(petition.source, "reception")
        self.assertEqual(petition.petitioner_name, SECRET_NAME)
        self.assertEqual(petition.with_user(self.specialist_a).petitioner_name, "(protected)")
        self.assertEqual(reception.outcome, "accepted")
        guided = Reception.create({"unit_id": self.commune_a.id, "summary": "Hỏi thủ tục", "classification": "other"})
        with self.assertRaisesRegex(UserError, "Classify the reception"):
            guided.action_create_petition()
