import io

from PyPDF2 import PdfReader

from odoo.tests import tagged

from .common import DocumentsCase


@tagged("post_install", "-at_install")
class TestRegisterReport(DocumentsCase):
    def test_incoming_register_pdf_and_csv(self):
        doc = self.new_incoming(reference="77/KH-STP", summary="Plan for the year")
        doc.with_user(self.clerk).action_register()
        secret = self.new_incoming(reference="78/KH-STP", summary="Hidden content", secrecy="confidential")
        secret.with_user(self.clerk).action_register()
        wizard = self.env["motcua.document.register.wizard"].with_user(self.clerk).create({
            "register": "incoming", "unit_id": self.commune.id,
            "date_from": "2020-01-01", "date_to": "2099-12-31",
        })
        self.assertEqual(wizard._get_documents(), doc | secret)
        pdf, _ = self.env["ir.actions.report"].with_user(self.clerk).with_context(
            force_report_rendering=True)._render_qweb_pdf("motcua_documents.action_report_document_register",
                                                          wizard.ids)
        text = " ".join("".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())
        self.assertIn("INCOMING DOCUMENT REGISTER", text)
        self.assertIn("77/KH-STP", text)
        self.assertIn("Plan for the year", text)
        self.assertNotIn("Hidden content", text, "the register does not print secret summaries")
        action = wizard.action_export()
        attachment = self.env["ir.attachment"].browse(int(action["url"].split("/")[3].split("?")[0]))
        content = attachment.raw.decode("utf-8-sig")
        self.assertIn("77/KH-STP", content)
        self.assertIn(doc.name, content)

    def test_outgoing_register(self):
        doc = self.approve(self.new_outgoing(summary="Decision on the working group"))
        doc.with_user(self.clerk).action_issue()
        wizard = self.env["motcua.document.register.wizard"].with_user(self.clerk).create({
            "register": "outgoing", "unit_id": self.commune.id,
            "date_from": "2020-01-01", "date_to": "2099-12-31",
        })
        header, rows = wizard._csv_rows()
        self.assertEqual(rows[0][1], doc.name)
        pdf, _ = self.env["ir.actions.report"].with_context(force_report_rendering=True)._render_qweb_pdf(
            "motcua_documents.action_report_document_register", wizard.ids)
        text = " ".join("".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())
        self.assertIn("OUTGOING DOCUMENT REGISTER", text)
        self.assertIn("-UBNDTN", text)
        self.assertIn("Decision on the working group", text)

    def test_period_must_be_ordered(self):
        from odoo.exceptions import ValidationError  # noqa: PLC0415

        with self.assertRaises(ValidationError):
            self.env["motcua.document.register.wizard"].create({
                "unit_id": self.commune.id, "date_from": "2026-02-01", "date_to": "2026-01-01"})
