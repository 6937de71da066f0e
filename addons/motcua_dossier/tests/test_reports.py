from urllib.parse import urlsplit

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from odoo.addons.motcua_base.tests.report_common import MotcuaReportCase, pdf_page_count, pdf_qr_codes, pdf_text

from .common import DossierCase, enable_vietnamese, utc

RECEIPT = "motcua_dossier.action_report_dossier_receipt"


@tagged("post_install", "-at_install")
class TestDossierReports(DossierCase, MotcuaReportCase):
    """The printed forms as the citizen and the desk read them: the PDF's own text."""

    def _dossier_received_monday_10(self, **vals):
        with freeze_time(utc(2026, 12, 7, 10, 0)):  # Monday 7 December 2026, 10:00 in Viet Nam
            return self.received_dossier(**vals)

    def test_receipt_reads_in_vietnamese(self):
        dossier = self._dossier_received_monday_10(applicant_email="an@example.com")
        pdf = self.render_pdf(RECEIPT, dossier, user=self.officer_a)
        self.assertPrinted(
            pdf,
            *self.NATIONAL_MOTTO,
            "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
            "COMMUNE A",
            f"Mã hồ sơ: {dossier.name}",
            "Ông/bà/tổ chức: Nguyễn Văn An",
            "Số giấy tờ tùy thân / mã số thuế: 080090001234",
            "Test marital-status confirmation",
            "Application form",
            "Bản chính",
            "3. Thời gian giải quyết hồ sơ theo quy định: 2 ngày làm việc",
            "4. Thời gian nhận hồ sơ: 10:00 07/12/2026",  # local time, not UTC (03:00)
            "5. Thời gian trả kết quả giải quyết hồ sơ: 10:00 09/12/2026",
            "20.000 đồng (Hai mươi nghìn đồng)",
            "Nhận kết quả tại: Bộ phận Một cửa",
            "NGƯỜI TIẾP NHẬN HỒ SƠ",
            "Officer A",
            f"Mã tra cứu: {dossier.sudo().lookup_key}",
        )
        self.assertNotRegex(pdf_text(pdf), "áº|á»|Æ°|Ä‘")  # the marks of UTF-8 read as Latin-1

    def test_receipt_amount_in_words(self):
        self.procedure.charge = 0
        dossier = self._dossier_received_monday_10()
        self.assertPrinted(self.render_pdf(RECEIPT, dossier), "15.000 đồng (Mười lăm nghìn đồng)")

    def test_receipt_two_copies_each_on_one_a4_page(self):
        dossier = self._dossier_received_monday_10()
        pdf = self.render_pdf(RECEIPT, dossier)
        self.assertEqual(pdf_page_count(pdf), 2)
        self.assertA4(pdf)
        for page, copy in ((1, "Liên 1: lưu tại Bộ phận Một cửa"), (2, "Liên 2: giao người nộp hồ sơ")):
            # the whole form, from its heading to the signatures, is on its page
            self.assertPrinted(
                pdf,
                self.NATIONAL_MOTTO[0],
                copy,
                "Ông/bà/tổ chức: Nguyễn Văn An",
                "NGƯỜI NỘP HỒ SƠ",
                "NGƯỜI TIẾP NHẬN HỒ SƠ",
                "Officer A",
                page=page,
            )

    def test_receipt_qr_code_opens_the_lookup_of_this_dossier(self):
        dossier = self._dossier_received_monday_10()
        pdf = self.render_pdf(RECEIPT, dossier)
        base = self.env["ir.config_parameter"].sudo().get_param("web.base.url")
        expected = f"{base}/tra-cuu-ho-so?code={dossier.name}&key={dossier.sudo().lookup_key}"
        self.assertEqual(pdf_qr_codes(pdf, page=1), [expected])
        self.assertEqual(pdf_qr_codes(pdf, page=2), [expected])

    def test_every_form_reads_in_vietnamese(self):
        with freeze_time(utc(2026, 12, 7, 10, 0)):
            dossier = self.received_dossier()
            dossier.with_user(self.specialist_a).action_start()
            dossier.with_user(self.officer_a).action_apologize("Chờ xác minh của Công an", utc(2026, 12, 11, 10, 0))
            dossier.with_user(self.specialist_a).action_request_supplement("Quyết định ly hôn", "Cán bộ một cửa")
        refused = self.received_dossier()
        refused.action_refuse("Không thường trú tại địa bàn")
        forms = [
            (
                "motcua_dossier.action_report_dossier_supplement",
                dossier,
                [
                    "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
                    "Kính gửi: Nguyễn Văn An",
                    "Quyết định ly hôn",
                    "Cán bộ một cửa",
                ],
            ),
            (
                "motcua_dossier.action_report_dossier_apology",
                dossier,
                [
                    "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
                    "Kính gửi: Nguyễn Văn An",
                    "Chờ xác minh của Công an",
                    "10:00 09/12/2026",
                    "10:00 11/12/2026",
                ],
            ),
            (
                "motcua_dossier.action_report_dossier_control",
                dossier,
                ["PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", f"Mã hồ sơ: {dossier.name}", "Examine"],
            ),
            (
                "motcua_dossier.action_report_dossier_refusal",
                refused,
                [
                    "PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ",
                    "Kính gửi: Nguyễn Văn An",
                    "Không thường trú tại địa bàn",
                ],
            ),
        ]
        for report, record, texts in forms:
            with self.subTest(report=report):
                self.assertPrinted(self.render_pdf(report, record), *self.NATIONAL_MOTTO, *texts)

    def test_tracking_register_reads_in_vietnamese(self):
        dossier = self._dossier_received_monday_10()
        wizard = self.env["motcua.dossier.register.wizard"].create(
            {"unit_id": self.commune_a.id, "date_from": "2026-12-01", "date_to": "2026-12-31"}
        )
        pdf = self.render_pdf("motcua_dossier.action_report_dossier_register", wizard)
        self.assertA4(pdf, landscape=True)
        self.assertPrinted(
            pdf,
            *self.NATIONAL_MOTTO,
            "SỔ THEO DÕI HỒ SƠ",
            "Từ ngày 01/12/2026 đến ngày 31/12/2026",
            dossier.name,
            "Nguyễn Văn An",
            "10:00 07/12/2026",
            "Đã tiếp nhận",
        )

    def test_forms_are_printed_in_vietnamese_for_an_english_officer(self):
        self.officer_a.lang = "en_US"
        dossier = self._dossier_received_monday_10()
        text = pdf_text(self.render_pdf(RECEIPT, dossier, user=self.officer_a))
        self.assertIn("Liên 2: giao người nộp hồ sơ", text)
        self.assertNotIn("Lookup key", text)

    def test_titles_are_configurable(self):
        dossier = self.received_dossier()
        self.env["ir.config_parameter"].sudo().set_param("motcua_dossier.title_receipt", "GIẤY BIÊN NHẬN MẪU MỚI")
        self.assertPrinted(self.render_pdf(RECEIPT, dossier), "GIẤY BIÊN NHẬN MẪU MỚI")

    def test_print_receipt_counts(self):
        dossier = self.received_dossier()
        action = dossier.with_user(self.officer_a).action_print_receipt()
        self.assertEqual(action["report_name"], "motcua_dossier.report_dossier_receipt")
        self.assertEqual(dossier.receipt_print_count, 1)


@tagged("post_install", "-at_install")
class TestReceiptQrCodeLookup(DossierCase, HttpCase):
    """A citizen scans the receipt's QR code with a phone: the lookup page shows that dossier."""

    def test_scanned_link_shows_the_dossier(self):
        enable_vietnamese(self.env)
        with freeze_time(utc(2026, 12, 7, 10, 0)):
            dossier = self.received_dossier()
        pdf = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(RECEIPT, dossier.ids)[0]
        )
        [link] = pdf_qr_codes(pdf)
        parts = urlsplit(link)
        self.assertEqual(
            f"{parts.scheme}://{parts.netloc}", self.env["ir.config_parameter"].sudo().get_param("web.base.url")
        )
        response = self.url_open(f"{parts.path}?{parts.query}")
        self.assertEqual(response.status_code, 200)
        self.assertIn(dossier.name, response.text)
        self.assertIn("Test marital-status confirmation", response.text)
