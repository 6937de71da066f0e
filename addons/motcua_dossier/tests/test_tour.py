from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestDeskTour(HttpCase):
    def test_receive_and_print_receipt(self):
        unit = self.env["motcua.unit"].create(
            {"name": "Tour commune", "unit_type": "commune", "identifier_code": "000.20.09.T99"}
        )
        self.env["motcua.procedure"].create(
            {
                "code": "TOUR.0001",
                "name": "Tour birth registration",
                "duration_days": 1,
                "paper_ids": [(0, 0, {"name": "Birth certificate form", "mandatory": True})],
            }
        )
        officer = new_test_user(
            self.env,
            login="tour_officer",
            password="tour_officer_pw",
            groups="motcua_base.group_receiving_officer",
            name="Tour officer",
            tz="Asia/Ho_Chi_Minh",
        )
        officer.motcua_unit_ids = unit
        self.start_tour(
            "/odoo/action-motcua_dossier.motcua_dossier_action", "motcua_dossier_desk_tour", login="tour_officer"
        )
        dossier = self.env["motcua.dossier"].search(
            [("applicant_name", "=", "Nguyễn Thị Mai"), ("unit_id", "=", unit.id)]
        )
        self.assertEqual(dossier.state, "received")
        self.assertTrue(dossier.name.startswith("000.20.09.T99-"))
        self.assertEqual(dossier.unit_id, unit)
        self.assertEqual(dossier.applicant_phone, "0912 000 111")
        self.assertTrue(dossier.paper_ids.received)
        self.assertEqual(dossier.receipt_print_count, 1)
