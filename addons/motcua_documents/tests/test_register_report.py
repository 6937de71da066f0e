from datetime import datetime

from odoo.tests import tagged

from odoo.addons.motcua_base.tests.report_common import MotcuaReportCase, pdf_page_count, pdf_text

from .common import DocumentsCase

REGISTER = "motcua_documents.action_report_document_register"


@tagged("post_install", "-at_install")
class TestRegisterReport(DocumentsCase, MotcuaReportCase):
    def test_incoming_register_pdf_and_csv(self):
        doc = self.new_incoming(
            reference="77/KH-STP",
            summary="Kế hoạch kiểm tra công tác hộ tịch năm 2026",
            date_received=datetime(2026, 11, 23, 2, 30),
        )
        doc.with_user(self.officer_a).action_register()
        secret = self.new_incoming(reference="78/KH-STP", summary="Nội dung mật không in", secrecy="confidential")
        secret.with_user(self.officer_a).action_register()
        wizard = (
            self.env["motcua.document.register.wizard"]
            .with_user(self.officer_a)
            .create(
                {
                    "register": "incoming",
                    "unit_id": self.commune_a.id,
                    "date_from": "2020-01-01",
                    "date_to": "2099-12-31",
                }
            )
        )
        self.assertEqual(wizard._get_documents(), doc | secret)
        pdf = self.render_pdf(REGISTER, wizard, user=self.officer_a)
        self.assertA4(pdf, landscape=True)
        self.assertPrinted(
            pdf,
            *self.NATIONAL_MOTTO,
            "HUYỆN THỬ NGHIỆM",  # the unit above the commune
            "UBND XÃ THỬ NGHIỆM",
            "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN",
            "Từ 01/01/2020 đến 31/12/2099",
            "23/11/2026",
            "77/KH-STP",
            "Sở Tư pháp tỉnh Thử nghiệm",
            "Kế hoạch kiểm tra công tác hộ tịch năm 2026",
            "Tổng số: 2",
        )
        self.assertNotIn("Nội dung mật", pdf_text(pdf), "the register does not print secret summaries")
        action = wizard.action_export()
        attachment = self.env["ir.attachment"].browse(int(action["url"].split("/")[3].split("?")[0]))
        content = attachment.raw.decode("utf-8-sig")
        self.assertIn("77/KH-STP", content)
        self.assertIn(doc.name, content)

    def test_outgoing_register(self):
        doc = self.approve(self.new_outgoing(summary="Quyết định thành lập tổ công tác cải cách hành chính"))
        doc.with_user(self.officer_a).action_issue()
        wizard = (
            self.env["motcua.document.register.wizard"]
            .with_user(self.officer_a)
            .create(
                {
                    "register": "outgoing",
                    "unit_id": self.commune_a.id,
                    "date_from": "2020-01-01",
                    "date_to": "2099-12-31",
                }
            )
        )
        header, rows = wizard._csv_rows()
        self.assertEqual(rows[0][1], doc.name)
        pdf = self.render_pdf(REGISTER, wizard)
        self.assertPrinted(
            pdf,
            *self.NATIONAL_MOTTO,
            "SỔ ĐĂNG KÝ VĂN BẢN ĐI",
            doc.name,
            "Quyết định thành lập tổ công tác cải cách hành chính",
        )

    def test_handling_slip_of_an_incoming_document(self):
        doc = self.new_incoming(
            reference="125/KH-UBND",
            summary="Kế hoạch cải cách hành chính năm 2027",
            urgency="urgent",
            date_received=datetime(2026, 11, 23, 2, 30),
        )
        doc.with_user(self.officer_a).action_register()
        self.env["motcua.incoming.assign"].with_user(self.leader).create(
            {
                "document_id": doc.id,
                "lead_user_id": self.specialist.id,
                "co_user_ids": [(6, 0, self.specialist2.ids)],
                "instructions": "Chủ trì tham mưu, báo cáo trước hạn.",
                "handling_days": 5,
            }
        ).action_confirm()
        pdf = self.render_pdf("motcua_documents.action_report_incoming_handling_slip", doc, user=self.specialist)
        self.assertEqual(pdf_page_count(pdf), 1)
        self.assertA4(pdf)
        self.assertPrinted(
            pdf,
            *self.NATIONAL_MOTTO,
            "UBND XÃ THỬ NGHIỆM",
            "PHIẾU XỬ LÝ VĂN BẢN ĐẾN",
            f"Số đến {doc.name}",
            "Ngày đến 09:30 23/11/2026",
            "Cơ quan gửi Sở Tư pháp tỉnh Thử nghiệm",
            "125/KH-UBND",
            "Kế hoạch cải cách hành chính năm 2027",
            "Khẩn",
            "1. Ý kiến chỉ đạo của lãnh đạo",
            f"Chủ trì {self.specialist.name}",
            f"Phối hợp {self.specialist2.name}",
            "Chủ trì tham mưu, báo cáo trước hạn.",
            "NGƯỜI XỬ LÝ",
            "LÃNH ĐẠO",
            self.leader.name,
        )

    def test_period_must_be_ordered(self):
        from odoo.exceptions import ValidationError  # noqa: PLC0415

        with self.assertRaises(ValidationError):
            self.env["motcua.document.register.wizard"].create(
                {"unit_id": self.commune_a.id, "date_from": "2026-02-01", "date_to": "2026-01-01"}
            )
