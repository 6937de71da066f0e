from freezegun import freeze_time

from odoo.tests import tagged

from .common import DvcqgCase, Receiver
from .test_outbox import MONDAY_10


@tagged("post_install", "-at_install")
class TestEvents(DvcqgCase):
    """Each event the national portal tracks queues exactly one message, in the order of the events."""

    @freeze_time(MONDAY_10)
    def test_every_event_of_a_dossier_queues_one_message(self):
        dossier = self.received_dossier()
        dossier.with_user(self.specialist_a).action_start()
        dossier.with_user(self.officer_a).action_request_supplement("Bản sao quyết định ly hôn")
        dossier.with_user(self.officer_a).action_resubmit()
        dossier.with_user(self.officer_a).action_apologize("Chờ xác minh", "2026-12-10 03:00:00")
        dossier.with_user(self.officer_a).action_change_due("2026-12-11 03:00:00", "Lịch trực của lãnh đạo")
        dossier.with_user(self.specialist_a).action_handover()
        dossier.with_user(self.leader_a).action_handover()
        dossier.with_user(self.officer_a).action_return()
        messages = self.messages(dossier)
        self.assertEqual(
            messages.mapped("event"),
            [
                "received",
                "step",
                "supplement",
                "resubmitted",
                "apology",
                "due_changed",
                "step",
                "result_ready",
                "returned",
            ],
        )
        self.assertEqual(messages.mapped("sequence"), list(range(1, 10)))
        self.assertEqual(
            [self.payload(m)["TrangThaiHoSo"] for m in messages], ["2", "4", "5", "4", "4", "4", "4", "9", "10"]
        )
        apology, moved = self.payload(messages[4]), self.payload(messages[5])
        self.assertEqual(
            apology["DanhSachXinLoi"],
            [{"LyDo": "Chờ xác minh", "NgayHenTraCu": "20261209100000", "NgayHenTraMoi": "20261210100000"}],
        )
        self.assertEqual(
            moved["DanhSachHenLai"],
            [{"LyDo": "Lịch trực của lãnh đạo", "NgayHenTraCu": "20261210100000", "NgayHenTraMoi": "20261211100000"}],
        )
        self.assertEqual(moved["NgayHenTra"], "20261211100000")
        self.assertNotIn("DanhSachXinLoi", moved, "moving the appointment is not an apology")

        self.assertEqual(self.send(), 9)
        self.assertEqual([r["key"] for r in Receiver.requests], [f"{dossier.name}#{n:03d}" for n in range(1, 10)])
        self.assertEqual(set(messages.mapped("status")), {"acknowledged"})

    @freeze_time(MONDAY_10)
    def test_refused_and_withdrawn_dossiers_queue_their_end(self):
        refused, withdrawn = self.received_dossier(), self.received_dossier()
        refused.with_user(self.officer_a).action_refuse("Không thuộc thẩm quyền")
        withdrawn.with_user(self.officer_a).action_withdraw("Công dân xin rút")
        self.assertEqual(self.messages(refused).mapped("event"), ["received", "refused"])
        self.assertEqual(self.messages(withdrawn).mapped("event"), ["received", "withdrawn"])
        self.assertEqual(self.payload(self.messages(refused)[1])["LyDoTuChoi"], "Không thuộc thẩm quyền")
        self.assertEqual(self.payload(self.messages(withdrawn)[1])["LyDoRut"], "Công dân xin rút")

    @freeze_time(MONDAY_10)
    def test_a_transfer_is_a_step(self):
        dossier = self.received_dossier()
        dossier.with_user(self.specialist_a).action_start()
        dossier.with_user(self.specialist_a).action_transfer(self.commune_b, "Nơi cư trú của công dân")
        self.assertEqual(self.messages(dossier).mapped("event"), ["received", "step", "step"])
