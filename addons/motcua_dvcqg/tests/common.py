import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from odoo.addons.motcua_dossier.tests.common import DossierCase

NATIONAL_CODE = "1.011442.000.00.00.H38"


def closed_port():
    """A local port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Receiver(BaseHTTPRequestHandler):
    """A local national portal: records every request and the keys it has taken; answers each request
    as the next scenario says (ok by default): ok (duplicate, 409, for a key it already has), error
    (500), timeout (takes the message, answers after the client gave up)."""

    requests = []
    accepted = []
    scenarios = []

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        body = json.loads(self.rfile.read(length))
        key = self.headers.get("Idempotency-Key")
        Receiver.requests.append(
            {"path": self.path, "key": key, "auth": self.headers.get("Authorization"), "json": body}
        )
        scenario = Receiver.scenarios.pop(0) if Receiver.scenarios else "ok"
        if scenario == "error":
            status, answer = 500, {"status": "error", "message": "database unavailable"}
        elif key in Receiver.accepted:
            status, answer = 409, {"status": "duplicate"}
        else:
            Receiver.accepted.append(key)
            status, answer = 200, {"status": "ok"}
        if scenario == "timeout":
            time.sleep(11)  # longer than the sender waits (Odoo's tests raise any timeout to 10 s)
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(json.dumps(answer).encode())
        except OSError:  # the client gave up
            self.close_connection = True

    def log_message(self, *args):
        return


class DvcqgCase(DossierCase):
    """The dossier test ground, a real local national portal, and the test procedure mapped."""

    @classmethod
    def serve(cls, handler):
        """Start a local HTTP server answering with ``handler`` for the test class; returns it."""
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        cls.addClassCleanup(server.server_close)
        cls.addClassCleanup(server.shutdown)
        return server

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # an outbox of this test's dossiers only: what the demo data of the addons installed after
        # this one queued is not these tests' (rolled back with the test)
        cls.env["motcua.dvcqg.message"].search([]).unlink()
        cls.server = cls.serve(Receiver)
        param = cls.env["ir.config_parameter"].sudo().set_param
        param("motcua_dvcqg.url", f"http://127.0.0.1:{cls.server.server_port}/dvcqg/")
        param("motcua_dvcqg.username", "lgsp-user")
        param("motcua_dvcqg.password", "s3cret-pass")
        param("motcua_dvcqg.timeout", "1")
        param("motcua_dvcqg.max_attempts", "4")
        param("motcua_dvcqg.retry_minutes", "5")
        cls.mapping = cls.env["motcua.dvcqg.procedure.map"].create(
            {"procedure_id": cls.procedure.id, "national_code": NATIONAL_CODE}
        )
        cls.Message = cls.env["motcua.dvcqg.message"]

    def setUp(self):
        super().setUp()
        Receiver.requests = []
        Receiver.accepted = []
        Receiver.scenarios = []

    def messages(self, dossier):
        return self.Message.search([("dossier_id", "=", dossier.id)], order="sequence")

    def send(self):
        return self.Message._cron_send()

    def payload(self, message):
        return json.loads(message.payload)
