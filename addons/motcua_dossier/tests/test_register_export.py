import io
from datetime import timedelta

import openpyxl
from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, tagged

from odoo.addons.motcua_base.tests.report_common import MotcuaReportCase, pdf_page_count, pdf_text

from .common import DossierCase, enable_vietnamese, utc


@tagged("post_install", "-at_install")
class TestRegisterExport(DossierCase, MotcuaReportCase, HttpCase):
    """The tracking register of a unit for a month, as XLSX and as a PDF printed sheet by sheet."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        enable_vietnamese(cls.env)
        cls.codes = []
        start = utc(2026, 12, 7, 8, 0)  # Monday 7 December 2026, 08:00 in Viet Nam
        for index in range(35):
            with freeze_time(start + timedelta(minutes=10 * index)):
                cls.codes.append(cls._receive(cls.commune_a, f"Người nộp {index + 1:02d}").name)
        with freeze_time(utc(2026, 11, 30, 9, 0)):
            cls._receive(cls.commune_a, "Tháng trước")  # November: not in December's register
        with freeze_time(utc(2026, 12, 8, 9, 0)):
            cls._receive(cls.commune_b, "Xã khác")  # another commune

    @classmethod
    def _receive(cls, unit, name):
        officer = cls.officer_a if unit == cls.commune_a else cls.officer_b
        dossier = (
            cls.env["motcua.dossier"]
            .with_user(officer)
            .create({"procedure_id": cls.procedure.id, "unit_id": unit.id, "applicant_name": name})
        )
        dossier.paper_ids.write({"received": True})
        dossier.action_receive()
        return dossier

    def wizard(self, user=None, **vals):
        values = {"unit_id": self.commune_a.id, "date_from": "2026-12-01", "date_to": "2026-12-31"}
        return self.env["motcua.dossier.register.wizard"].with_user(user or self.officer_a).create(dict(values, **vals))

    def test_xlsx_rows_and_cells(self):
        book = openpyxl.load_workbook(io.BytesIO(self.wizard()._motcua_register_xlsx()), read_only=True)
        rows = list(book.active.iter_rows(values_only=True))
        self.assertEqual(rows[1][0], "SỔ THEO DÕI HỒ SƠ")
        self.assertEqual(rows[2][0], "Từ ngày 01/12/2026 đến ngày 31/12/2026")
        self.assertEqual(
            rows[4],
            (
                "TT",
                "Mã hồ sơ",
                "Tên thủ tục",
                "Người nộp",
                "Ngày nhận",
                "Ngày hẹn trả",
                "Ngày có kết quả",
                "Ngày trả kết quả",
                "Trạng thái",
                "Kết quả",
            ),
        )
        lines = [row for row in rows[5:] if isinstance(row[0], int)]
        self.assertEqual(len(lines), 35)
        self.assertEqual(
            lines[0][:6],
            (
                1,
                self.codes[0],
                "Test marital-status confirmation",
                "Người nộp 01",
                "08:00 07/12/2026",
                "08:00 09/12/2026",
            ),
        )
        self.assertEqual(lines[0][8:], ("Đã tiếp nhận", "Trong hạn"))
        self.assertEqual(
            lines[34][:5], (35, self.codes[34], "Test marital-status confirmation", "Người nộp 35", "13:40 07/12/2026")
        )
        self.assertEqual(rows[-1][0], "Tổng số: 35 hồ sơ.")

    def test_read_in_batches_with_the_users_rights(self):
        wizard = self.wizard()
        self.assertEqual([row["code"] for row in wizard._motcua_register_rows(batch=4)], self.codes)
        # commune B's officer asking for commune A's register sees nothing of it
        self.assertEqual(list(self.wizard(user=self.officer_b)._motcua_register_rows()), [])

    def test_pdf_sheets_in_parts(self):
        wizard = self.wizard().with_context(force_report_rendering=True)
        whole = wizard._motcua_register_pdf()
        in_parts = wizard._motcua_register_pdf(sheets_per_render=1)  # three renders merged
        for pdf in (whole, in_parts):
            self.assertA4(pdf, landscape=True)
            self.assertEqual(pdf_page_count(pdf), 3)  # 12 rows under the title, then 18, then 5
            self.assertPrinted(pdf, *self.NATIONAL_MOTTO, "SỔ THEO DÕI HỒ SƠ", self.codes[0], "Người nộp 12", page=1)
            self.assertNotIn("Người nộp 13", pdf_text(pdf, 1))
            self.assertPrinted(pdf, "Mã hồ sơ", self.codes[12], "Người nộp 30", page=2)
            self.assertPrinted(pdf, "Mã hồ sơ", self.codes[30], self.codes[34], "Tổng số: 35 hồ sơ.", page=3)

    def test_downloads(self):
        wizard = self.wizard()
        action = wizard.action_export_xlsx()
        self.assertEqual(action["url"], f"/motcua/register/{wizard.id}/xlsx")
        self.authenticate("t_officer_a", "t_officer_a")
        answer = self.url_open(action["url"])
        self.assertEqual(answer.status_code, 200)
        self.assertIn("spreadsheetml", answer.headers["Content-Type"])
        rows = list(
            openpyxl.load_workbook(io.BytesIO(answer.content), read_only=True).active.iter_rows(values_only=True)
        )
        self.assertEqual(len([row for row in rows if isinstance(row[0], int)]), 35)
        self.assertEqual(self.url_open(f"/motcua/register/{wizard.id}/csv").status_code, 404)
        # another officer's wizard is not theirs to download
        other = self.wizard(user=self.officer_b)
        self.assertEqual(self.url_open(f"/motcua/register/{other.id}/xlsx").status_code, 404)
        # a period that ends before it starts: a message, not a 500
        reversed_ = self.wizard(date_from="2026-12-31", date_to="2026-12-01")
        answer = self.url_open(f"/motcua/register/{reversed_.id}/xlsx")
        self.assertEqual(answer.status_code, 400)
        self.assertIn("The period ends before it starts.", answer.text)
        with self.assertRaises(ValidationError):
            reversed_.action_print()

    def test_xlsx_text_stays_text(self):
        """An applicant's name that looks like a formula or a link is written as the text it is."""
        with freeze_time(utc(2026, 12, 9, 9, 0)):
            self._receive(self.commune_a, '=HYPERLINK("http://example.com","x")')
            self._receive(self.commune_a, "http://example.com/a")
        book = openpyxl.load_workbook(io.BytesIO(self.wizard()._motcua_register_xlsx()))
        cells = [row[3] for row in book.active.iter_rows(min_row=6) if isinstance(row[0].value, int)]
        by_value = {cell.value: cell for cell in cells}
        formula = by_value['=HYPERLINK("http://example.com","x")']
        self.assertEqual(formula.data_type, "s", "a string, not a formula")
        self.assertIsNone(by_value["http://example.com/a"].hyperlink)
