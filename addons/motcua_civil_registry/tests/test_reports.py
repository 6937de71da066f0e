from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.motcua_base.tests.report_common import MotcuaReportCase, pdf_page_count, pdf_qr_codes

from .common import CivilRegistryCommon

EXTRACT = "motcua_civil_registry.action_report_civil_extract"
CERTIFICATE = "motcua_civil_registry.action_report_civil_certificate"


@tagged("post_install", "-at_install")
class TestCivilReports(CivilRegistryCommon, MotcuaReportCase):
    def test_extract_reads_in_vietnamese(self):
        event = self._birth()
        event.action_register()
        pdf = self.render_pdf(EXTRACT, event, user=self.civil_a)
        self.assertEqual(pdf_page_count(pdf), 1)
        self.assertA4(pdf)
        self.assertPrinted(
            pdf,
            *self.NATIONAL_MOTTO,
            "COMMUNE A",
            "TRÍCH LỤC KHAI SINH",
            "Số: 1/2026 — Quyển số: 2026 (Khai sinh)",
            "Họ, chữ đệm, tên: Nguyễn Văn An",
            "Ngày, tháng, năm sinh: 01/03/2026",
            "Giới tính: Nam",
            "Nơi sinh: Trạm y tế xã A",
            "Họ, chữ đệm, tên người mẹ: Trần Thị Bích",
            "Họ, chữ đệm, tên người cha: Nguyễn Văn Cường",
            "Ngày đăng ký: ngày 10 tháng 03 năm 2026",
            f"Mã xác thực: {event.verification_code}",
        )

    def test_certificate_reads_in_vietnamese(self):
        event = self._birth()
        event.action_register()
        pdf = self.render_pdf(CERTIFICATE, event, user=self.civil_a)
        self.assertPrinted(pdf, *self.NATIONAL_MOTTO, "GIẤY KHAI SINH", "Nguyễn Văn An", "Trần Thị Bích")

    def test_each_entry_on_its_own_page_with_its_verification_qr_code(self):
        first, second = self._birth(), self._birth(person_name="Phạm Thị Hồng", person_sex="female")
        (first | second).action_register()
        pdf = self.render_pdf(EXTRACT, first | second, user=self.civil_a)
        self.assertEqual(pdf_page_count(pdf), 2)
        for page, event in ((1, first), (2, second)):
            self.assertPrinted(pdf, event.person_name, event.verification_code, page=page)
            [link] = pdf_qr_codes(pdf, page=page)
            self.assertTrue(link.endswith(f"/xac-thuc-ho-tich/{event.verification_code}"), link)

    def test_declaration_cannot_be_printed(self):
        event = self._birth()
        with self.assertRaisesRegex(UserError, "Printing is not possible: .* is Declaration"):
            event.action_print_extract()
        with self.assertRaisesRegex(UserError, "Printing is not possible: .* is Declaration"):
            self.env["ir.actions.report"].with_user(self.civil_a)._render_qweb_html(
                "motcua_civil_registry.action_report_civil_extract", event.ids
            )

    def test_print_extract_counts_copies(self):
        event = self._birth()
        event.action_register()
        action = event.action_print_extract()
        self.assertEqual(action["report_name"], "motcua_civil_registry.report_civil_extract")
        self.assertEqual(event.print_count, 1)
