import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

from odoo.tests import tagged

from .common import DossierCase, enable_vietnamese


class FakeProvider(BaseHTTPRequestHandler):
    """A local stand-in for an SMS provider: answers with the status it is told to."""

    received = []
    status = 200

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        FakeProvider.received.append(json.loads(self.rfile.read(length)))
        self.send_response(FakeProvider.status)
        self.end_headers()
        self.wfile.write(b'{"result": "ok"}')

    def log_message(self, *args):
        return


@tagged("post_install", "-at_install")
class TestSms(DossierCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = HTTPServer(("127.0.0.1", 0), FakeProvider)
        cls.thread = threading.Thread(target=cls.server.serve_forever, daemon=True)
        cls.thread.start()
        cls.addClassCleanup(cls.server.server_close)
        cls.addClassCleanup(cls.server.shutdown)
        enable_vietnamese(cls.env)
        cls.env["motcua.sms.gateway"].search([]).active = False
        cls.gateway = cls.env["motcua.sms.gateway"].create(
            {
                "name": "Fake provider",
                "provider_url": f"http://127.0.0.1:{cls.server.server_port}/send",
                "username": "motcua",
                "password": "secret",
                "sender": "MOTCUA",
                "max_attempts": 2,
                "timeout": 5,
            }
        )

    def setUp(self):
        super().setUp()
        FakeProvider.received = []
        FakeProvider.status = 200

    def test_sms_sent_and_logged(self):
        dossier = self.received_dossier()
        message = dossier.sms_message_ids
        self.assertEqual(message.state, "queued")
        self.env["motcua.sms.message"]._cron_send_queue()
        self.assertEqual(message.state, "sent")
        self.assertEqual(message.attempts, 1)
        self.assertEqual(FakeProvider.received[0]["to"], "0912345678")
        self.assertEqual(FakeProvider.received[0]["from"], "MOTCUA")
        self.assertIn(dossier.name, FakeProvider.received[0]["text"])
        # citizens get Vietnamese without diacritics
        self.assertIn("da duoc tiep nhan", FakeProvider.received[0]["text"])
        self.assertTrue(FakeProvider.received[0]["text"].isascii())
        self.assertTrue(any("SMS sent" in body for body in dossier.message_ids.mapped("body")))

    def test_sms_retried_then_failed(self):
        FakeProvider.status = 503
        dossier = self.received_dossier()
        message = dossier.sms_message_ids
        message._motcua_send()
        self.assertEqual(message.state, "queued")
        self.assertEqual(message.attempts, 1)
        self.assertIn("503", message.last_error)
        self.assertGreater(message.next_try_at, message.create_date)
        message._motcua_send()
        self.assertEqual(message.state, "failed")
        self.assertEqual(message.attempts, 2)
        self.assertTrue(any("failed after 2 attempts" in body for body in dossier.message_ids.mapped("body")))
        FakeProvider.status = 200
        message.sudo().action_retry()
        self.env["motcua.sms.message"]._cron_send_queue()
        self.assertEqual(message.state, "sent")

    def test_unreachable_provider(self):
        self.gateway.provider_url = "http://127.0.0.1:9/send"
        dossier = self.received_dossier()
        dossier.sms_message_ids._motcua_send()
        self.assertEqual(dossier.sms_message_ids.state, "queued")
        self.assertTrue(dossier.sms_message_ids.last_error)
