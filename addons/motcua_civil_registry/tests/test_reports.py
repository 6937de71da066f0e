import io

from PyPDF2 import PdfReader

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import CivilRegistryCommon


@tagged("post_install", "-at_install")
class TestCivilReports(CivilRegistryCommon):
    def _pdf_text(self, report, event):
        pdf, _kind = self.env["ir.actions.report"].with_user(self.civil_a).with_context(
            force_report_rendering=True)._render_qweb_pdf(report, event.ids)
        reader = PdfReader(io.BytesIO(pdf))
        self.assertEqual(len(reader.pages), len(event))
        text = " ".join(page.extract_text() for page in reader.pages)
        # PyPDF2 2.12 reads this font's UTF-8 text as cp1252: undo that, then join the words
        text = text.encode("cp1252", errors="replace").decode("utf-8", errors="replace")
        return " ".join(text.split())

    def test_extract_and_certificate_show_number_and_verification_code(self):
        event = self._birth()
        event.action_register()
        for report in ("motcua_civil_registry.action_report_civil_extract",
                       "motcua_civil_registry.action_report_civil_certificate"):
            text = self._pdf_text(report, event)
            self.assertIn(event.verification_code, text)
            self.assertIn("1/2026", text)
            self.assertIn("/xac-thuc-ho-tich/", text)
            self.assertIn("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text)
            self.assertIn("Nguyễn Văn An", text)

    def test_report_html_is_vietnamese_with_qr(self):
        event = self._birth()
        event.action_register()
        html = self.env["ir.actions.report"].with_user(self.civil_a)._render_qweb_html(
            "motcua_civil_registry.action_report_civil_extract", event.ids)[0].decode()
        self.assertIn("TRÍCH LỤC KHAI SINH", html)
        self.assertIn("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", html)
        self.assertIn("Nguyễn Văn An", html)
        self.assertIn("Trần Thị Bích", html)
        self.assertIn("data:image/png;base64,", html)
        cert = self.env["ir.actions.report"].with_user(self.civil_a)._render_qweb_html(
            "motcua_civil_registry.action_report_civil_certificate", event.ids)[0].decode()
        self.assertIn("GIẤY KHAI SINH", cert)

    def test_declaration_cannot_be_printed(self):
        event = self._birth()
        with self.assertRaisesRegex(UserError, "Only registered entries"):
            event.action_print_extract()
        with self.assertRaisesRegex(UserError, "Only registered entries"):
            self.env["ir.actions.report"].with_user(self.civil_a)._render_qweb_html(
                "motcua_civil_registry.action_report_civil_extract", event.ids)

    def test_print_extract_counts_copies(self):
        event = self._birth()
        event.action_register()
        action = event.action_print_extract()
        self.assertEqual(action["report_name"], "motcua_civil_registry.report_civil_extract")
        self.assertEqual(event.print_count, 1)
