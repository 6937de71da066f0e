import base64
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import NATIONAL_CODE, DvcqgCase, Receiver, closed_port

MONDAY_10 = "2026-12-07 03:00:00"  # Monday 7 December 2026, 10:00 in Viet Nam


@tagged("post_install", "-at_install")
class TestOutbox(DvcqgCase):
    """Every tracked event queues one message; the sender posts them to a real local receiver in order
    per dossier, exactly once per key, through errors, timeouts and a crash."""

    def _received_and_returned(self):
        dossier = self.received_dossier()
        dossier.with_user(self.specialist_a).action_start()
        dossier.with_user(self.specialist_a).action_handover()
        dossier.with_user(self.leader_a).action_handover()
        dossier.with_user(self.officer_a).action_return()
        return dossier

    @freeze_time(MONDAY_10)
    def test_received_dossier_payload_in_national_shape(self):
        dossier = self.received_dossier()
        message = self.messages(dossier)
        self.assertEqual(len(message), 1)
        self.assertEqual(
            (message.event, message.service, message.status, message.sequence),
            ("received", "DongBoHoSoMC", "pending", 1),
        )
        self.assertEqual(message.idempotency_key, f"{dossier.name}#001")
        data = self.payload(message)
        self.assertEqual(data["MaTTHC"], "1.011442.000.00.00.H38")
        self.assertEqual(data["MaDonVi"], "000.20.01.T01")
        self.assertEqual(data["LoaiDoiTuong"], "1")
        self.assertEqual(data["TrangThaiHoSo"], "2")
        self.assertEqual(data["NgayTiepNhan"], "20261207100000")  # Viet Nam time, not UTC
        self.assertEqual(data["NgayHenTra"], "20261209100000")  # two working days
        self.assertEqual(data["KenhThucHien"], "1")
        self.assertEqual(
            data["TaiLieuNop"],
            [
                {"TenGiayTo": "Application form", "LoaiBan": "1", "SoLuong": 1},
                {"TenGiayTo": "Divorce decision", "LoaiBan": "2", "SoLuong": 1},
            ],
        )
        self.assertNotIn("080090001234", message.payload, "no ID number goes to the national portal")
        cron = self.env.ref("motcua_dvcqg.ir_cron_dvcqg_send")
        self.assertTrue(
            self.env["ir.cron.trigger"].sudo().search([("cron_id", "=", cron.id)]),
            "the sender is woken up after the commit of the event",
        )

    @freeze_time(MONDAY_10)
    def test_received_and_returned_sends_each_message_once_in_order(self):
        dossier = self._received_and_returned()
        messages = self.messages(dossier)
        self.assertEqual(messages.mapped("event"), ["received", "step", "step", "result_ready", "returned"])
        self.assertEqual(self.send(), 5)
        self.assertEqual([r["key"] for r in Receiver.requests], [f"{dossier.name}#00{n}" for n in range(1, 6)])
        self.assertEqual(
            [r["path"] for r in Receiver.requests], ["/dvcqg/DongBoHoSoMC"] + ["/dvcqg/CapNhatTienDoHoSoMC"] * 4
        )
        self.assertEqual(Receiver.requests[0]["auth"], "Basic " + base64.b64encode(b"lgsp-user:s3cret-pass").decode())
        self.assertEqual([r["json"]["data"]["TrangThaiHoSo"] for r in Receiver.requests], ["2", "4", "4", "9", "10"])
        self.assertEqual(Receiver.requests[2]["json"]["data"]["BuocXuLy"], "Sign")
        returned = Receiver.requests[4]["json"]["data"]
        self.assertEqual(returned["NgayTra"], "20261207100000")
        self.assertEqual(returned["NgayKetThucXuLy"], "20261207100000")
        self.assertEqual(set(messages.mapped("status")), {"acknowledged"})
        self.assertEqual(messages.mapped("attempts"), [1] * 5)
        self.assertEqual(self.send(), 0)
        self.assertEqual(len(Receiver.requests), 5, "nothing is sent twice")

    def test_error_is_retried_with_backoff_and_later_messages_wait(self):
        Receiver.scenarios = ["error", "error"]
        with freeze_time(MONDAY_10) as frozen:
            dossier = self.received_dossier()
            self.send()
            first = self.messages(dossier)
            self.assertEqual((first.status, first.attempts), ("sent", 1))
            self.assertEqual(first.next_attempt_at, datetime(2026, 12, 7, 3, 5))
            self.assertIn("500", first.last_answer)
            dossier.with_user(self.specialist_a).action_start()
            second = self.messages(dossier)[1]
            self.assertEqual(self.send(), 0, "the error is not retried before its time")
            self.assertEqual(second.status, "pending")
            self.assertEqual(second.stuck_reason, "Waits for message 1 (Sent, not acknowledged)")
            frozen.tick(timedelta(minutes=6))
            self.send()
            self.assertEqual((first.status, first.attempts), ("sent", 2))
            self.assertEqual(
                first.next_attempt_at, datetime(2026, 12, 7, 3, 16), "the delay doubles: 10 minutes after the 2nd"
            )
            self.assertEqual(second.status, "pending", "a dossier's later message waits for the earlier one")
            frozen.tick(timedelta(minutes=11))
            self.assertEqual(self.send(), 2)
        self.assertEqual([r["key"] for r in Receiver.requests], [first.idempotency_key] * 3 + [second.idempotency_key])
        self.assertEqual((first.status, first.attempts, second.status), ("acknowledged", 3, "acknowledged"))

    @freeze_time(MONDAY_10)
    def test_an_unreachable_portal_is_said_in_a_few_words(self):
        self.env["ir.config_parameter"].sudo().set_param("motcua_dvcqg.url", f"http://127.0.0.1:{closed_port()}/dvcqg")
        dossier = self.received_dossier()
        self.send()
        self.assertEqual(
            self.messages(dossier).stuck_reason,
            "To be sent again: The national portal cannot be reached: Connection refused",
        )

    def test_gives_up_after_the_last_attempt(self):
        Receiver.scenarios = ["error"] * 4
        with freeze_time(MONDAY_10) as frozen:
            dossier = self.received_dossier()
            for _attempt in range(4):
                self.send()
                frozen.tick(timedelta(days=1))
        message = self.messages(dossier)
        self.assertEqual((message.status, message.attempts), ("failed", 4))
        self.assertEqual(len(Receiver.requests), 4)
        self.assertIn("database unavailable", message.stuck_reason)

    def test_timeout_then_retry_counts_once(self):
        Receiver.scenarios = ["timeout"]
        with freeze_time(MONDAY_10) as frozen:
            dossier = self.received_dossier()
            self.send()
            message = self.messages(dossier)
            self.assertEqual(message.status, "sent")
            self.assertIn("No answer within", message.last_answer)
            frozen.tick(timedelta(minutes=6))
            self.send()
        self.assertEqual([r["key"] for r in Receiver.requests], [message.idempotency_key] * 2)
        self.assertEqual(Receiver.accepted, [message.idempotency_key], "the receiver counts the dossier once")
        self.assertEqual((message.status, message.attempts), ("acknowledged", 2))
        self.assertIn("duplicate", message.last_answer)

    @freeze_time(MONDAY_10)
    def test_crash_between_send_and_acknowledge(self):
        dossier = self.received_dossier()
        message = self.messages(dossier)
        with self.assertRaises(RuntimeError), self.env.cr.savepoint():
            self.send()
            self.assertEqual(message.status, "acknowledged")
            raise RuntimeError("the worker died before its commit")
        self.env.invalidate_all()
        self.assertEqual((message.status, message.attempts), ("pending", 0), "the acknowledgement was lost")
        self.assertEqual(self.send(), 1)
        self.assertEqual([r["key"] for r in Receiver.requests], [message.idempotency_key] * 2)
        self.assertEqual(Receiver.accepted, [message.idempotency_key])
        self.assertEqual((message.status, message.attempts), ("acknowledged", 1))
        self.assertEqual(self.send(), 0)

    @freeze_time(MONDAY_10)
    def test_replay_resends_in_order_with_the_same_keys(self):
        dossier = self.received_dossier()
        dossier.with_user(self.specialist_a).action_start()
        self.send()
        keys = [r["key"] for r in Receiver.requests]
        with self.assertRaisesRegex(AccessError, "replay the national portal messages"):
            dossier.with_user(self.officer_a).action_dvcqg_replay()
        dossier.with_user(self.admin_user).action_dvcqg_replay()
        messages = self.messages(dossier)
        self.assertEqual(messages.mapped("status"), ["pending", "pending"])
        self.assertEqual(self.send(), 2)
        self.assertEqual([r["key"] for r in Receiver.requests], keys * 2)
        self.assertEqual(Receiver.accepted, keys, "the receiver answered duplicate for the replayed keys")
        self.assertEqual(messages.mapped("status"), ["acknowledged", "acknowledged"])
        self.assertEqual(messages.mapped("replay_count"), [1, 1])

    @freeze_time(MONDAY_10)
    def test_missing_national_code_fails_with_a_clear_reason(self):
        self.mapping.unlink()
        dossier = self.received_dossier()
        dossier.with_user(self.specialist_a).action_start()
        first, second = self.messages(dossier)
        self.assertEqual(first.status, "failed")
        self.assertEqual(
            first.last_answer,
            "The procedure [T.0001] Test marital-status confirmation has no national code (MaTTHC): map it in "
            "National portal > Procedure codes.",
        )
        self.assertEqual(self.send(), 0)
        self.assertEqual(Receiver.requests, [])
        self.assertEqual((second.status, second.last_answer), ("failed", first.last_answer))
        # the administrator maps the procedure and replays: the message is built again and sent
        self.env["motcua.dvcqg.procedure.map"].with_user(self.admin_user).create(
            {"procedure_id": self.procedure.id, "national_code": NATIONAL_CODE}
        )
        dossier.with_user(self.admin_user).action_dvcqg_replay()
        self.assertEqual(self.send(), 2)
        self.assertEqual(Receiver.requests[0]["json"]["data"]["MaTTHC"], NATIONAL_CODE)
        self.assertEqual((first.status, second.status), ("acknowledged", "acknowledged"))

    @freeze_time(MONDAY_10)
    def test_supplement_and_apology_carry_old_and_new_appointment(self):
        dossier = self.received_dossier()
        with freeze_time("2026-12-07 07:00:00"):  # Monday 14:00
            dossier.with_user(self.officer_a).action_request_supplement("The divorce decision is missing")
        supplement = self.messages(dossier)[-1]
        self.assertEqual(supplement.event, "supplement")
        self.assertEqual(
            self.payload(supplement)["DanhSachHoSoBoSung"],
            [
                {
                    "NoiDungYeuCau": "The divorce decision is missing",
                    "NgayYeuCau": "20261207140000",
                    "NgayHenTraCu": "20261209100000",
                    "NgayHenTraMoi": "",
                }
            ],
        )
        self.assertEqual(self.payload(supplement)["TrangThaiHoSo"], "5")
        with freeze_time("2026-12-08 03:00:00"):  # Tuesday 10:00
            dossier.with_user(self.officer_a).action_resubmit()
            resubmitted = self.messages(dossier)[-1]
            facts = self.payload(resubmitted)["DanhSachHoSoBoSung"][0]
            self.assertEqual((facts["NgayBoSung"], facts["NgayHenTraCu"]), ("20261208100000", "20261209100000"))
            self.assertGreater(facts["NgayHenTraMoi"], "20261209100000", "the pause moved the appointment")
            dossier.with_user(self.officer_a).action_apologize("Site visit needed", datetime(2026, 12, 11, 3, 0))
        apology = self.messages(dossier)[-1]
        self.assertEqual(
            self.payload(apology)["DanhSachXinLoi"],
            [{"LyDo": "Site visit needed", "NgayHenTraCu": facts["NgayHenTraMoi"], "NgayHenTraMoi": "20261211100000"}],
        )
        self.assertEqual(self.payload(apology)["NgayHenTra"], "20261211100000")
        self.assertEqual(self.messages(dossier).mapped("sequence"), [1, 2, 3, 4])

    @freeze_time(MONDAY_10)
    def test_refusal_of_a_draft_is_the_first_message(self):
        dossier = self.new_dossier()
        dossier.with_user(self.officer_a).action_refuse("Not the competent commune")
        message = self.messages(dossier)
        self.assertEqual((message.event, message.service), ("refused", "DongBoHoSoMC"))
        data = self.payload(message)
        self.assertEqual((data["TrangThaiHoSo"], data["LyDoTuChoi"]), ("3", "Not the competent commune"))


@tagged("post_install", "-at_install")
class TestOutboxSecurity(DvcqgCase):
    """The outbox is the system's: monitors read it, nobody writes it; only system administrators read
    the credentials."""

    def test_nobody_but_the_system_writes_messages(self):
        dossier = self.received_dossier()
        message = self.messages(dossier)
        self.assertEqual(message.with_user(self.monitor).read(["status"])[0]["status"], "pending")
        for user in (self.monitor, self.admin_user):
            with self.assertRaises(AccessError):
                message.with_user(user).write({"status": "acknowledged"})
            with self.assertRaises(AccessError):
                message.with_user(user).unlink()
            with self.assertRaises(AccessError):
                self.Message.with_user(user).create(
                    {
                        "dossier_id": dossier.id,
                        "event": "returned",
                        "service": "x",
                        "sequence": 9,
                        "idempotency_key": "k",
                    }
                )
        with self.assertRaises(AccessError):
            message.with_user(self.officer_a).read(["payload"])
        system = self._user("dvcqg_system", "base.group_system", self.province)
        with self.assertRaisesRegex(AccessError, "Only the system writes"):
            message.with_user(system).write({"status": "acknowledged"})
        self.assertEqual(message.status, "pending")

    def test_only_system_administrators_read_the_credentials(self):
        for user in (self.admin_user, self.monitor, self.officer_a):
            with self.assertRaises(AccessError):
                self.env["ir.config_parameter"].with_user(user).get_param("motcua_dvcqg.password")
            with self.assertRaises(AccessError):
                self.env["ir.config_parameter"].with_user(user).search_read(
                    [("key", "=", "motcua_dvcqg.password")], ["value"]
                )
            with self.assertRaises(AccessError):
                self.env["res.config.settings"].with_user(user).create({}).read(["motcua_dvcqg_password"])
        self.assertNotIn("s3cret-pass", self.messages(self.received_dossier()).payload)
