from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import DossierCase


@tagged("post_install", "-at_install")
class TestDossierSecurity(DossierCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dossier_a = (
            cls.env["motcua.dossier"]
            .with_user(cls.officer_a)
            .create(
                {
                    "procedure_id": cls.procedure.id,
                    "unit_id": cls.commune_a.id,
                    "applicant_name": "Nguyễn Văn An",
                    "applicant_id_number": "080090001234",
                    "applicant_phone": "0912345678",
                    "applicant_address": "1 Hùng Vương",
                }
            )
        )
        cls.dossier_a.paper_ids.write({"received": True})
        cls.dossier_a.with_user(cls.officer_a).action_receive()

    def test_other_unit_cannot_see(self):
        Dossier = self.env["motcua.dossier"]
        self.dossier_a.with_user(self.specialist_a).action_start()
        self.assertTrue(self.dossier_a.step_ids)
        self.assertFalse(Dossier.with_user(self.specialist_b).search([("id", "=", self.dossier_a.id)]))
        with self.assertRaises(AccessError):
            self.dossier_a.with_user(self.specialist_b).read(["name"])
        with self.assertRaises(AccessError):
            self.dossier_a.with_user(self.specialist_b).write({"request_summary": "x"})
        with self.assertRaises(AccessError):
            self.dossier_a.step_ids.with_user(self.specialist_b).read(["name"])
        with self.assertRaises(AccessError):
            self.dossier_a.paper_ids.with_user(self.specialist_b).read(["name"])

    def test_officer_cannot_create_in_other_unit(self):
        with self.assertRaises(AccessError):
            self.new_dossier(unit_id=self.commune_b.id)

    def test_non_staff_cannot_read(self):
        for user in (self.internal, self.portal):
            with self.assertRaises(AccessError):
                self.dossier_a.with_user(user).read(["name"])
        with self.assertRaises(AccessError):
            self.env["motcua.dossier"].with_user(self.internal).search([])
        # a citizen only finds the dossiers of their own contact
        self.assertFalse(self.env["motcua.dossier"].with_user(self.portal).search([]))
        with self.assertRaises(AccessError):
            self.dossier_a.with_user(self.portal).write({"request_summary": "x"})
        self.dossier_a.sudo().partner_id = self.portal.partner_id  # as the claim with the printed key does
        self.assertEqual(self.env["motcua.dossier"].with_user(self.portal).search([]), self.dossier_a)
        with self.assertRaises(AccessError):
            self.dossier_a.with_user(self.portal).write({"request_summary": "x"})

    def test_public_cannot_read(self):
        public = self.env.ref("base.public_user")
        with self.assertRaises(AccessError):
            self.dossier_a.with_user(public).read(["name"])

    def test_role_boundaries(self):
        # a receiving officer receives and returns, but does not process
        with self.assertRaises(AccessError):
            self.dossier_a.with_user(self.officer_a).action_start()
        with self.assertRaises(AccessError):
            self.dossier_a.with_user(self.officer_a).action_transfer(self.commune_b, "x")
        self.assertEqual(self.dossier_a.state, "received")
        # nobody but an administrator deletes a dossier
        with self.assertRaises(AccessError):
            self.dossier_a.with_user(self.leader_a).unlink()
        # only administrators edit the catalogue
        with self.assertRaises(AccessError):
            self.procedure.with_user(self.leader_a).write({"fee": 0})
        with self.assertRaises(AccessError):
            self.env["motcua.procedure"].with_user(self.officer_a).create(
                {"code": "X", "name": "X", "duration_days": 1}
            )
        self.assertTrue(self.procedure.with_user(self.officer_a).read(["name"]))
        # the SMS gateway's credentials are for system administrators (tests in test_sms)
        with self.assertRaises(AccessError):
            self.env.company.with_user(self.leader_a).read(["motcua_sms_token"])

    def test_leader_sees_unit_tree(self):
        desk_dossier = self.received_dossier(unit_id=self.desk_a.id)
        found = self.env["motcua.dossier"].with_user(self.leader_a).search([("unit_id", "child_of", self.province.id)])
        self.assertIn(desk_dossier, found)
        self.assertIn(self.dossier_a, found)

    def test_monitor_sees_all_but_not_personal_data(self):
        values = self.dossier_a.with_user(self.monitor).read(
            ["name", "applicant_name", "applicant_id_number", "applicant_phone", "applicant_address"]
        )[0]
        self.assertEqual(values["name"], self.dossier_a.name)
        self.assertEqual(values["applicant_id_number"], "***")
        self.assertEqual(values["applicant_phone"], "***")
        self.assertEqual(values["applicant_address"], "***")
        handler = self.dossier_a.with_user(self.specialist_a).read(["applicant_id_number", "applicant_phone"])[0]
        self.assertEqual(handler["applicant_id_number"], "080090001234")
        self.assertEqual(handler["applicant_phone"], "0912 345 678")
        # the web client reads the same way
        web = self.dossier_a.with_user(self.monitor).web_read({"applicant_phone": {}})[0]
        self.assertEqual(web["applicant_phone"], "***")

    def test_lookup_key_hidden_from_non_staff(self):
        with self.assertRaises(AccessError):
            self.dossier_a.with_user(self.internal).read(["lookup_key"])
