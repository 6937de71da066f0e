import base64

from odoo.tests import tagged

from .common import DocumentsCase
from .pki import make_pdf

MAIL_TEMPLATE = """Return-Path: <stp@example.vn>
To: {to}
From: "So Tu phap" <stp@example.vn>
Subject: {subject}
Message-ID: <{msgid}@example.vn>
Date: Mon, 23 Nov 2026 09:00:00 +0700
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="BOUNDARY"

--BOUNDARY
Content-Type: text/plain; charset="utf-8"

Kính gửi UBND xã, xin gửi văn bản đính kèm.

--BOUNDARY
Content-Type: application/pdf; name="15-QD-STP.pdf"
Content-Disposition: attachment; filename="15-QD-STP.pdf"
Content-Transfer-Encoding: base64

{pdf}
--BOUNDARY--
"""


@tagged("post_install", "-at_install")
class TestMailGateway(DocumentsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.alias_domain = cls.env["mail.alias.domain"].create({"name": "tayninh-test.example.vn"})
        cls.commune_a.write({"alias_name": "vanban-xa-thu-nghiem", "alias_domain_id": cls.alias_domain.id})

    def test_unit_alias_creates_an_incoming_document(self):
        self.assertEqual(self.commune_a.alias_email, "vanban-xa-thu-nghiem@tayninh-test.example.vn")
        raw = MAIL_TEMPLATE.format(
            to=self.commune_a.alias_email,
            subject="Quyết định 15/QĐ-STP",
            msgid="qd15",
            pdf=base64.encodebytes(make_pdf()).decode(),
        )
        thread_id = self.env["mail.thread"].sudo().message_process(False, raw)
        doc = self.env["motcua.incoming.document"].browse(thread_id)
        self.assertEqual(doc.unit_id, self.commune_a)
        self.assertEqual(doc.summary, "Quyết định 15/QĐ-STP")
        self.assertEqual(doc.intake_channel, "email")
        self.assertEqual(doc.state, "draft", "the clerk checks and registers it")
        self.assertEqual(doc.sender_id.email, "stp@example.vn")
        self.assertEqual(doc.attachment_ids.mapped("name"), ["15-QD-STP.pdf"])
        self.assertEqual(doc.file_name, "15-QD-STP.pdf")
        self.assertEqual(doc.signature_state, "unsigned")
        # the clerk of the unit finds it among the documents to register
        to_register = self.env["motcua.incoming.document"].with_user(self.officer_a).search([("state", "=", "draft")])
        self.assertIn(doc, to_register)
        doc.with_user(self.officer_a).write(
            {"reference": "15/QĐ-STP", "document_date": "2026-11-20", "type_id": self.type_decision.id}
        )
        doc.with_user(self.officer_a).action_register()
        self.assertEqual(doc.incoming_number, 1)
        self.assertEqual(self.commune_a.with_user(self.officer_a).incoming_document_count, 1)
        action = self.commune_a.with_user(self.officer_a).action_open_incoming_documents()
        self.assertEqual(self.env["motcua.incoming.document"].search(action["domain"]), doc)
