import io

from freezegun import freeze_time
from PyPDF2 import PdfReader

from odoo.tests import tagged

from .common import DossierCase, enable_vietnamese, utc


def pdf_text(pdf):
    """The text of a PDF (wkhtmltopdf's tab-separated words joined with spaces)."""
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).replace("\t", " ")


@tagged("post_install", "-at_install")
class TestDossierReports(DossierCase):
    def render(self, xmlid, records):
        report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        pdf, kind = report._render_qweb_pdf(xmlid, records.ids)
        self.assertEqual(kind, "pdf")
        return pdf_text(pdf)

    def test_every_form_renders_with_the_code(self):
        with freeze_time(utc(2026, 12, 7, 10, 0)):
            dossier = self.received_dossier(applicant_email="an@example.com")
            dossier.with_user(self.specialist_a).action_start()
            dossier.with_user(self.officer_a).action_apologize("Verification", utc(2026, 12, 11, 10, 0))
            dossier.with_user(self.specialist_a).action_request_supplement("Divorce decision", "Officer A")
        refused = self.received_dossier()
        refused.action_refuse("Not resident")
        text = self.render("motcua_dossier.action_report_dossier_receipt", dossier)
        self.assertIn(dossier.name, text)
        self.assertIn(dossier.lookup_key, text)
        self.assertIn("20.000", text)  # fee 15,000 + charge 5,000
        html = self.env["ir.actions.report"]._render_qweb_html(
            "motcua_dossier.action_report_dossier_receipt", dossier.ids)[0].decode()
        self.assertIn("Hai mươi nghìn đồng", html)
        self.assertIn("data:image/png;base64,", html)  # the QR code of the lookup page
        for xmlid, record in [
            ("motcua_dossier.action_report_dossier_supplement", dossier),
            ("motcua_dossier.action_report_dossier_apology", dossier),
            ("motcua_dossier.action_report_dossier_control", dossier),
            ("motcua_dossier.action_report_dossier_refusal", refused),
        ]:
            self.assertIn(record.name, self.render(xmlid, record), xmlid)
        wizard = self.env["motcua.dossier.register.wizard"].create({
            "unit_id": self.commune_a.id, "date_from": "2026-12-01", "date_to": "2026-12-31"})
        self.assertIn(dossier, wizard.dossier_ids)
        self.assertIn(dossier.name, self.render("motcua_dossier.action_report_dossier_register", wizard).replace("\n", ""))

    def test_forms_are_printed_in_vietnamese(self):
        """Official forms come out in Vietnamese even when the officer's interface is English."""
        enable_vietnamese(self.env)
        self.officer_a.lang = "en_US"
        dossier = self.received_dossier()
        html = self.env["ir.actions.report"].with_user(self.officer_a)._render_qweb_html(
            "motcua_dossier.action_report_dossier_receipt", dossier.ids)[0].decode()
        self.assertIn("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", html)
        self.assertIn("Mã tra cứu:", html)
        self.assertIn("Liên 2: giao người nộp hồ sơ", html)
        self.assertNotIn("Lookup key:", html)

    def test_titles_are_configurable(self):
        dossier = self.received_dossier()
        self.env["ir.config_parameter"].sudo().set_param("motcua_dossier.title_receipt", "PHIEU NHAN MAU MOI")
        self.assertIn("PHIEU NHAN MAU MOI", self.render("motcua_dossier.action_report_dossier_receipt", dossier))

    def test_print_receipt_counts(self):
        dossier = self.received_dossier()
        action = dossier.with_user(self.officer_a).action_print_receipt()
        self.assertEqual(action["report_name"], "motcua_dossier.report_dossier_receipt")
        self.assertEqual(dossier.receipt_print_count, 1)
