from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import DossierCase, utc


@tagged("post_install", "-at_install")
class TestDossierIntake(DossierCase):
    @freeze_time("2026-12-07 03:00:00")  # Monday 10:00 in Vietnam
    def test_receive_sets_code_key_and_due_date(self):
        dossier = self.received_dossier()
        self.assertEqual(dossier.state, "received")
        self.assertEqual(dossier.name, "000.20.01.T01-261207-0001")
        self.assertEqual(len(dossier.sudo().lookup_key), 6)
        self.assertEqual(dossier.received_at, utc(2026, 12, 7, 10, 0))
        self.assertEqual(dossier.due_at, utc(2026, 12, 9, 10, 0))  # Wednesday 10:00
        self.assertEqual(dossier.timeliness, "within")
        self.assertEqual(dossier.received_by_id, self.officer_a)
        self.assertEqual(dossier.amount_total, 20000)
        self.assertTrue(dossier.partner_id)
        second = self.received_dossier(applicant_name="Trần Thị Bình")
        self.assertEqual(second.name, "000.20.01.T01-261207-0002")
        # a desk without its own identifier numbers with its commune's identifier and counter
        third = self.received_dossier(unit_id=self.desk_a.id)
        self.assertEqual(third.name, "000.20.01.T01-261207-0003")
        other = self.received_dossier(user=self.env.ref("base.user_admin"), unit_id=self.commune_b.id)
        self.assertEqual(other.name, "000.20.02.T01-261207-0001")
        self.assertIn(
            f"/tra-cuu-ho-so?code={dossier.name}&key={dossier.sudo().lookup_key}", dossier._motcua_lookup_url()
        )

    def test_code_pattern_per_unit(self):
        self.commune_a.motcua_dossier_code_pattern = "{identifier}/{yyyy}/{seq:05d}"
        with freeze_time("2026-12-07 03:00:00"):
            dossier = self.received_dossier()
        self.assertEqual(dossier.name, "000.20.01.T01/2026/00001")

    def test_code_pattern_of_the_province_reaches_its_units(self):
        """A unit without a pattern of its own takes its parent's: set once for the province."""
        self.province.motcua_dossier_code_pattern = "{identifier}/{yyyy}/{seq:05d}"
        with freeze_time("2026-12-07 03:00:00"):
            dossier = self.received_dossier(unit_id=self.desk_a.id)
            other = self.received_dossier(user=self.env.ref("base.user_admin"), unit_id=self.commune_b.id)
        self.assertEqual(dossier.name, "000.20.01.T01/2026/00001")
        self.assertEqual(other.name, "000.20.02.T01/2026/00001")

    @freeze_time("2026-12-07 08:30:00")  # Monday 15:30
    def test_15h_rule_of_the_province_reaches_a_desk(self):
        self.province.motcua_late_cutoff = True
        dossier = self.received_dossier(unit_id=self.desk_a.id)
        self.assertEqual(dossier.start_at, utc(2026, 12, 8, 7, 30))

    @freeze_time("2026-12-11 03:00:00")  # Friday 10:00
    def test_due_date_skips_weekend(self):
        dossier = self.received_dossier()
        self.assertEqual(dossier.due_at, utc(2026, 12, 15, 10, 0))  # Tuesday 10:00

    @freeze_time("2027-02-03 03:00:00")  # Wednesday before Tết 2027
    def test_due_date_skips_tet(self):
        dossier = self.received_dossier()
        # 4-10 February 2027 are days off (Tết), 6-7 a weekend: Thursday 11 and Friday 12 count
        self.assertEqual(dossier.due_at, utc(2027, 2, 12, 10, 0))

    @freeze_time("2026-12-07 08:30:00")  # Monday 15:30
    def test_15h_rule_per_unit(self):
        without_rule = self.received_dossier()
        self.assertEqual(without_rule.due_at, utc(2026, 12, 9, 15, 30))
        self.commune_a.motcua_late_cutoff = True
        with_rule = self.received_dossier()
        self.assertEqual(with_rule.start_at, utc(2026, 12, 8, 7, 30))
        self.assertEqual(with_rule.due_at, utc(2026, 12, 10, 7, 30))
        # the rule of the commune applies to its desk
        desk = self.received_dossier(unit_id=self.desk_a.id)
        self.assertEqual(desk.due_at, utc(2026, 12, 10, 7, 30))

    def test_missing_mandatory_paper(self):
        dossier = self.new_dossier()
        dossier.paper_ids.filtered(lambda p: not p.mandatory).received = True
        with self.assertRaisesRegex(ValidationError, "Application form"):
            dossier.action_receive()
        self.assertEqual(dossier.state, "draft")
        self.assertEqual(dossier.name, "New")
        self.assertFalse(self.env["motcua.sequence.counter"].search([("unit_id", "=", self.commune_a.id)]))
        dossier.missing_papers_reason = "Applicant will bring the form tomorrow (leader agreed)."
        dossier.action_receive()
        self.assertEqual(dossier.state, "received")
        self.assertTrue(any("Application form" in body for body in dossier.message_ids.mapped("body")))

    def test_bad_applicant_data(self):
        with self.assertRaisesRegex(ValidationError, "12 digits"):
            self.new_dossier(applicant_id_number="12345")
        with self.assertRaisesRegex(ValidationError, "province"):
            self.new_dossier(applicant_id_number="999090001234")
        with self.assertRaisesRegex(ValidationError, "phone"):
            self.new_dossier(applicant_phone="12")
        dossier = self.new_dossier()
        with self.assertRaises(ValidationError):
            dossier.applicant_phone = "abc"
        self.assertEqual(dossier.applicant_phone, "0912 345 678")
        # an organisation gives its tax code, not a citizen ID
        org = self.new_dossier(applicant_type="organisation", applicant_id_number="1101234567")
        self.assertEqual(org.applicant_id_number, "1101234567")

    @freeze_time("2026-12-07 03:00:00")
    def test_change_appointment_needs_reason_and_is_logged(self):
        dossier = self.received_dossier()
        with self.assertRaisesRegex(ValidationError, "reason"):
            dossier.action_change_due(utc(2026, 12, 11, 10, 0), "")
        with self.assertRaisesRegex(ValidationError, "before its receipt"):
            dossier.action_change_due(utc(2026, 11, 20, 10, 0), "Typo")
        self.assertEqual(dossier.due_at, utc(2026, 12, 9, 10, 0))
        dossier.action_change_due(utc(2026, 12, 11, 10, 0), "Applicant asked for Friday")
        self.assertEqual(dossier.due_at, utc(2026, 12, 11, 10, 0))
        self.assertEqual(dossier.original_due_at, utc(2026, 12, 9, 10, 0))
        self.assertTrue(any("Applicant asked for Friday" in body for body in dossier.message_ids.mapped("body")))

    def test_receive_twice_refused(self):
        dossier = self.received_dossier()
        with self.assertRaisesRegex(UserError, "not possible"):
            dossier.action_receive()

    def test_inactive_unit_cannot_receive(self):
        dossier = self.new_dossier()
        dossier.paper_ids.write({"received": True})
        self.commune_a.sudo().date_end = "2020-01-01"
        with self.assertRaisesRegex(ValidationError, "no longer active"):
            dossier.action_receive()
        self.assertEqual(dossier.state, "draft")

    def test_masked_name(self):
        """Citizens see the applicant's name masked (motcua_base's mask_name)."""
        dossier = self.received_dossier()
        self.assertEqual(dossier._motcua_public_data()["applicant"], "N*** V** A")
        dossier.sudo().applicant_name = "Lê An"
        self.assertEqual(dossier._motcua_public_data()["applicant"], "L* A")
