"""Inter-agency dossiers are counted once by the national portal too."""

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.motcua_dossier.tests.common import utc

from .common import DvcqgCase, Receiver

INBOUND_CODE = "000.00.00.H29-261207-0042"


@tagged("post_install", "-at_install")
class TestInteragencySync(DvcqgCase):
    def test_a_dossier_handled_by_three_units_is_announced_once(self):
        with freeze_time(utc(2026, 12, 7, 10, 0)):
            dossier = self.received_dossier()
            dossier.with_user(self.specialist_a).action_start()
            dossier.with_user(self.specialist_a).action_transfer(self.district, "Ý kiến của huyện")
            dossier.with_user(self.district_leader).action_transfer(self.department, "Thẩm định của sở")
            dossier.with_user(self.specialist_d).action_handover()
            dossier.with_user(self.leader_a).action_handover()
        self.assertEqual(self.send(), 6)
        self.assertEqual(
            [request["path"] for request in Receiver.requests],
            ["/dvcqg/DongBoHoSoMC"] + ["/dvcqg/CapNhatTienDoHoSoMC"] * 5,
            "one new dossier, then its progress",
        )
        self.assertEqual({request["json"]["data"]["MaHoSo"] for request in Receiver.requests}, {dossier.name})
        self.assertEqual(
            [request["json"]["data"].get("MaDonViXuLy") for request in Receiver.requests[1:4]],
            ["000.20.01.T01", "", "000.00.03.T01"],
            "each step's unit (the district has no agency code)",
        )

    def test_an_inbound_dossier_is_not_announced_again(self):
        # the origin province announced the dossier under its code and key scheme
        Receiver.accepted = [f"{INBOUND_CODE}#001", f"{INBOUND_CODE}#002"]
        with freeze_time(utc(2026, 12, 7, 10, 0)):
            dossier = self.new_dossier()
            dossier.paper_ids.write({"received": True})
            dossier.action_receive_interagency(INBOUND_CODE, "000.00.00.H29")
        self.assertFalse(self.messages(dossier), "no DongBoHoSoMC: the origin agency announced it")
        with freeze_time(utc(2026, 12, 7, 11, 0)):
            dossier.with_user(self.specialist_a).action_start()
            dossier.with_user(self.specialist_a).action_handover()
            dossier.with_user(self.leader_a).action_handover()
        messages = self.messages(dossier)
        self.assertEqual(messages.mapped("event"), ["step", "step", "result_ready"])
        self.assertEqual(set(messages.mapped("service")), {"CapNhatTienDoHoSoMC"})
        self.assertEqual(
            messages.mapped("idempotency_key"),
            [f"{INBOUND_CODE}#000.20.01.T01#00{n}" for n in (1, 2, 3)],
            "our keys never collide with the origin's",
        )
        self.assertEqual(self.send(), 3)
        self.assertEqual([request["path"] for request in Receiver.requests], ["/dvcqg/CapNhatTienDoHoSoMC"] * 3)
        first = Receiver.requests[0]["json"]["data"]
        self.assertEqual(
            (first["MaHoSo"], first["MaDonVi"], first["MaDonViXuLy"], first["TrangThaiHoSo"]),
            (INBOUND_CODE, "000.00.00.H29", "000.20.01.T01", "4"),
        )
        self.assertEqual(
            [answer for answer in messages.mapped("last_answer") if answer.startswith("409")],
            [],
            "taken as new updates, not as duplicates of the origin's messages",
        )
        self.assertEqual(set(messages.mapped("status")), {"acknowledged"})
