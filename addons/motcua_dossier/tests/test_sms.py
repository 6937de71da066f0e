import json
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.service.model import get_public_method
from odoo.tests import tagged

from .common import DossierCase, enable_vietnamese

TOKEN = "tok-3f9a-secret"


class Gateway(BaseHTTPRequestHandler):
    """A local brandname gateway: records every request, answers as its ``scenario`` says."""

    requests = []
    scenario = "ok"

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        Gateway.requests.append(
            {"path": self.path, "auth": self.headers.get("Authorization"), "json": json.loads(self.rfile.read(length))}
        )
        scenario = Gateway.scenario
        if scenario == "slow":
            time.sleep(11)  # longer than the company's timeout (Odoo's tests raise any timeout to 10 s)
        status, answer = {
            "ok": (200, {"status": "accepted"}),
            "slow": (200, {"status": "accepted"}),
            "rejected": (422, {"error": "invalid_number"}),
            "unauthorized": (401, {"error": "bad_token"}),
            "down": (503, {"error": "maintenance"}),
        }[scenario]
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(json.dumps(answer).encode())
        except OSError:  # the client gave up (timeout)
            self.close_connection = True

    def log_message(self, *args):
        return


@tagged("post_install", "-at_install")
class TestSms(DossierCase):
    """The dossier's SMS go through Odoo's sms queue and the MotCua HTTP provider to a real local
    HTTP server."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = ThreadingHTTPServer(("127.0.0.1", 0), Gateway)
        cls.server.daemon_threads = True
        cls.thread = threading.Thread(target=cls.server.serve_forever, daemon=True)
        cls.thread.start()
        cls.addClassCleanup(cls.server.server_close)
        cls.addClassCleanup(cls.server.shutdown)
        enable_vietnamese(cls.env)
        cls.env.company.write(
            {
                "motcua_sms_provider": "motcua_http",
                "motcua_sms_url": f"http://127.0.0.1:{cls.server.server_port}/sms/send",
                "motcua_sms_token": TOKEN,
                "motcua_sms_sender": "UBND TINH",
                "motcua_sms_timeout": 10,
                "motcua_sms_max_attempts": 2,
                "motcua_sms_retry_minutes": 15,
            }
        )
        cls.admin = cls.env["res.users"].create(
            {
                "name": "System admin",
                "login": "t_sms_system",
                "group_ids": [
                    (6, 0, [cls.env.ref("base.group_system").id, cls.env.ref("motcua_base.group_administrator").id])
                ],
            }
        )
        cls.motcua_admin = cls.env["res.users"].create(
            {
                "name": "One-stop admin",
                "login": "t_sms_motcua_admin",
                "group_ids": [(6, 0, [cls.env.ref("motcua_base.group_administrator").id])],
            }
        )

    def setUp(self):
        super().setUp()
        Gateway.requests = []
        Gateway.scenario = "ok"
        # Odoo's queue commits between batches; a test cannot: the rest of _process_queue is Odoo's
        self.patch(type(self.env["ir.cron"]), "_commit_progress", lambda self, *args, **kwargs: float("inf"))

    def run_queue(self):
        """What the cron "SMS: SMS Queue Manager" runs."""
        self.env["sms.sms"]._process_queue()
        self.env.invalidate_all()

    def notes(self, dossier):
        return dossier.message_ids.mapped("body")

    def test_received_dossier_texted_through_the_gateway(self):
        dossier = self.received_dossier()
        sms = self.sms_of(dossier)
        self.assertEqual(sms.state, "outgoing")
        self.assertFalse(Gateway.requests, "queued: the desk does not wait for the gateway")
        self.run_queue()
        self.assertEqual(len(Gateway.requests), 1)
        request = Gateway.requests[0]
        self.assertEqual(request["path"], "/sms/send")
        self.assertEqual(request["auth"], f"Bearer {TOKEN}")
        due = (dossier.due_at + timedelta(hours=7)).strftime("%H:%M %d/%m/%Y")
        key = dossier.sudo().lookup_key
        self.assertEqual(
            request["json"],
            {
                "id": sms.uuid,
                "from": "UBND TINH",
                "to": "+84912345678",
                "text": f"Ho so {dossier.name} da duoc tiep nhan. Hen tra: {due}. Tra cuu: ma {key}",
            },
        )
        self.assertEqual(sms.state, "pending")
        self.assertTrue(sms.to_delete)
        self.assertEqual(sms.motcua_attempts, 1)
        self.assertIn("SMS sent to the applicant.", str(self.notes(dossier)))
        # nothing is sent twice: neither by the next run of the queue nor by a resend
        self.run_queue()
        sms.resend_failed()
        sms.send()
        self.assertEqual(len(Gateway.requests), 1)

    def test_gateway_error_then_resent_by_the_queue(self):
        Gateway.scenario = "down"
        dossier = self.received_dossier()
        sms = self.sms_of(dossier)
        before = fields.Datetime.now()
        self.run_queue()
        # first failure: back in Odoo's queue, and the cron is called again later
        self.assertEqual(sms.state, "outgoing")
        self.assertEqual(sms.motcua_attempts, 1)
        self.assertIn("not sent yet (attempt 1)", str(self.notes(dossier)))
        cron = self.env.ref("sms.ir_cron_sms_scheduler_action")
        triggers = self.env["ir.cron.trigger"].search([("cron_id", "=", cron.id)])
        self.assertTrue(any(t.call_at >= before + timedelta(minutes=14) for t in triggers))
        self.run_queue()
        # the company allows two attempts: now in error, with Odoo's failure type
        self.assertEqual(sms.state, "error")
        self.assertEqual(sms.failure_type, "sms_server")
        self.assertEqual(sms.motcua_attempts, 2)
        self.assertIn("SMS to the applicant failed: Server Error", str(self.notes(dossier)))
        self.run_queue()
        self.assertEqual(len(Gateway.requests), 2, "an SMS in error is not retried without end")
        # once the gateway is back, Odoo's resend sends it, once
        Gateway.scenario = "ok"
        sms.with_user(self.admin).resend_failed()
        self.assertEqual(sms.state, "pending")
        self.assertEqual(len(Gateway.requests), 3)
        self.run_queue()
        self.assertEqual(len(Gateway.requests), 3)
        self.assertEqual({r["json"]["id"] for r in Gateway.requests}, {sms.uuid})

    def test_timeout_is_retried(self):
        Gateway.scenario = "slow"
        dossier = self.received_dossier()
        sms = self.sms_of(dossier)
        self.run_queue()
        self.assertEqual(sms.state, "outgoing")
        self.assertEqual(sms.motcua_attempts, 1)
        Gateway.scenario = "ok"
        self.run_queue()
        self.assertEqual(sms.state, "pending")
        # the gateway can tell a repeated message by its id
        self.assertEqual([r["json"]["id"] for r in Gateway.requests], [sms.uuid, sms.uuid])

    def test_rejected_number_is_not_retried(self):
        Gateway.scenario = "rejected"
        dossier = self.received_dossier()
        sms = self.sms_of(dossier)
        self.run_queue()
        self.assertEqual(sms.state, "error")
        self.assertEqual(sms.failure_type, "sms_number_format")
        self.assertIn("SMS to the applicant failed: Wrong Number Format", str(self.notes(dossier)))
        self.run_queue()
        self.assertEqual(len(Gateway.requests), 1)

    def test_refused_token(self):
        Gateway.scenario = "unauthorized"
        sms = self.sms_of(self.received_dossier())
        self.run_queue()
        self.assertEqual((sms.state, sms.failure_type), ("error", "sms_acc"))

    def test_gateway_unreachable(self):
        self.env.company.motcua_sms_url = "http://127.0.0.1:9/sms/send"
        sms = self.sms_of(self.received_dossier())
        self.run_queue()
        self.assertEqual(sms.state, "outgoing")
        self.run_queue()
        self.assertEqual((sms.state, sms.failure_type), ("error", "sms_server"))

    def test_other_companies_keep_odoo_provider(self):
        other = self.env["res.company"].create({"name": "Other company"})
        self.assertEqual(other.motcua_sms_provider, "iap")
        self.assertNotEqual(other._get_sms_api_class().__name__, "MotcuaHttpSmsApi")
        self.assertEqual(self.env.company._get_sms_api_class().__name__, "MotcuaHttpSmsApi")

    # ------------------------------------------------------------------ attacks
    def test_only_system_administrators_read_the_gateway_secrets(self):
        company = self.env.company
        company.motcua_sms_inbound_secret = "inbound-secret-42"
        secrets = ["motcua_sms_token", "motcua_sms_url", "motcua_sms_inbound_secret"]
        for user in (self.motcua_admin, self.leader_a, self.monitor, self.internal, self.portal):
            as_user = company.with_user(user)
            for field in secrets:
                with self.subTest(user=user.login, field=field):
                    with self.assertRaises(AccessError):
                        as_user.read([field])
                    with self.assertRaises(AccessError):
                        as_user.search_read([("id", "=", company.id)], [field])
                    with self.assertRaises(AccessError):
                        as_user.web_read({field: {}})
                    with self.assertRaises(AccessError):
                        as_user.search([(field, "=", company.sudo()[field])])
                    try:
                        exported = as_user.export_data([field])
                    except (AccessError, UserError):
                        exported = {}
                    self.assertNotIn(company.sudo()[field], str(exported))
            with self.subTest(user=user.login, path="settings"), self.assertRaises(AccessError):
                self.env["res.config.settings"].with_user(user).create({}).read(["motcua_sms_token"])
        # the system administrator configures it in Settings › General Settings › Send SMS
        Settings = self.env["res.config.settings"].with_user(self.admin)
        arch = Settings.get_views([(False, "form")])["views"]["form"]["arch"]
        for field in ["motcua_sms_provider", "motcua_sms_sender", *secrets]:
            self.assertIn(f'name="{field}"', arch)
        settings = Settings.create({})
        self.assertEqual(settings.motcua_sms_token, TOKEN)
        settings.motcua_sms_sender = "UBND XA"
        settings.execute()
        self.assertEqual(company.motcua_sms_sender, "UBND XA")
        self.assertEqual(company.with_user(self.admin).motcua_sms_inbound_secret, "inbound-secret-42")

    def test_no_sms_to_a_number_typed_online_or_by_rpc(self):
        Sms = self.env["sms.sms"].with_user(self.portal)
        with self.assertRaises(AccessError):
            Sms.create({"number": "+84987654321", "body": "spam"})
        with self.assertRaises(AccessError):
            get_public_method(Sms, "_motcua_queue")
        # nor send, resend or redirect a queued SMS of a dossier
        sms = self.sms_of(self.received_dossier())
        for attempt in (
            lambda: sms.with_user(self.portal).send(),
            lambda: sms.with_user(self.portal).resend_failed(),
            lambda: sms.with_user(self.portal).write({"number": "+84987654321"}),
        ):
            with self.assertRaises(AccessError):
                attempt()
        self.assertEqual(sms.number, "+84912345678")
        self.assertFalse(Gateway.requests)
        # an online dossier with a phone and no e-mail: the number was typed by whoever submitted
        before = self.env["sms.sms"].search_count([])
        online = self.new_dossier(channel="online", applicant_phone="0987 654 321")
        online.paper_ids.write({"received": True})
        online.action_receive()
        self.assertFalse(self.sms_of(online))
        self.assertNotIn("SMS queued", str(online.message_ids.mapped("body")))
        self.assertEqual(self.env["sms.sms"].search_count([]), before)
