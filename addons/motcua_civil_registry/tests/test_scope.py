from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import CivilRegistryCommon

FATHER_ID = "079096001122"


@tagged("post_install", "-at_install")
class TestCivilDataScope(CivilRegistryCommon):
    """The civil-status data of a person are seen by the officers and leaders who see an event
    of that person, by every read path; they are written by civil-status officers only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        birth = cls.Event.with_user(cls.civil_a).create(
            {
                "event_type": "birth",
                "unit_id": cls.commune_a.id,
                "person_name": "Con Xã A",
                "person_sex": "male",
                "person_birth_date": "2026-03-01",
                "mother_name": "Mẹ Xã A",
                "father_name": "Cha Xã A",
                "father_id_number": FATHER_ID,
                "registration_date": "2026-03-10",
            }
        )
        birth.action_register()
        cls.father = birth.father_id
        cls.Partner = cls.env["res.partner"]

    def test_the_unit_tree_and_the_monitor_see_the_data(self):
        for user in (self.civil_a, self.district_leader, self.monitor):
            with self.subTest(user=user.login):
                [values] = self.father.with_user(user).read(["civil_id_number"])
                self.assertEqual(values["civil_id_number"], FATHER_ID)
                self.assertEqual(
                    self.Partner.with_user(user).search([("civil_id_number", "=", FATHER_ID)]), self.father
                )

    def test_other_units_obtain_nothing(self):
        for user in (self.civil_b, self.leader_b):
            with self.subTest(user=user.login):
                as_user = self.father.with_user(user)
                [values] = as_user.read(["name", "civil_id_number", "civil_sex"])
                self.assertEqual(values["name"], "Cha Xã A")
                self.assertFalse(values["civil_id_number"])
                self.assertFalse(values["civil_sex"])
                Partner = self.Partner.with_user(user)
                self.assertFalse(Partner.search([("civil_id_number", "=", FATHER_ID)]))
                self.assertFalse(Partner.search_count([("civil_id_number", "like", FATHER_ID[:8])]))
                self.assertFalse(Partner.search([("child_ids.civil_id_number", "=", FATHER_ID)]))
                groups = Partner.formatted_read_group([], ["civil_id_number"], ["__count"])
                self.assertNotIn(FATHER_ID, str(groups))
                [values] = Partner.search_read([("id", "=", self.father.id)], ["civil_id_number"])
                self.assertFalse(values["civil_id_number"])
                with self.assertRaisesRegex(AccessError, "another unit"):
                    as_user.with_context().export_data(["name", "civil_id_number"])

    def test_the_uniqueness_error_does_not_tell_who_holds_the_number(self):
        for user in (self.civil_b, self.civil_a):
            with self.subTest(user=user.login):
                with self.assertRaises(ValidationError) as error:
                    self.Partner.with_user(user).create({"name": "Người Khác", "civil_id_number": FATHER_ID})
                message = str(error.exception.args[0])
                self.assertIn("cannot be recorded for this person", message)
                self.assertNotIn(FATHER_ID, message)
                self.assertNotIn("Cha Xã A", message)

    def test_only_civil_officers_of_the_person_write_the_data(self):
        for user in (self.district_leader, self.monitor):
            with self.subTest(user=user.login):
                with self.assertRaisesRegex(AccessError, "Only civil-status officers"):
                    self.father.with_user(user).write({"civil_ethnic_group": "Kinh"})
        with self.assertRaisesRegex(AccessError, "another unit"):
            self.father.with_user(self.civil_b).write({"civil_ethnic_group": "Kinh"})
        self.father.with_user(self.civil_a).write({"civil_ethnic_group": "Kinh"})
        self.assertEqual(self.father.civil_ethnic_group, "Kinh")

    def test_a_person_of_another_unit_is_reused_by_a_registration(self):
        # registering an event of a person known elsewhere completes their data (the event checks access)
        marriage = self._marriage(
            user=self.civil_b,
            unit_id=self.commune_b.id,
            person_id=self.father.id,
            person_name="Cha Xã A",
            person_birth_date="1996-02-02",
            person_id_number=FATHER_ID,
        )
        marriage.action_register()
        self.assertEqual(marriage.person_id, self.father)
        [values] = self.father.with_user(self.civil_b).read(["civil_id_number"])
        self.assertEqual(values["civil_id_number"], FATHER_ID)

    def test_monitor_registers_nothing(self):
        with self.assertRaisesRegex(AccessError, "province monitor|not allowed"):
            self.Event.with_user(self.monitor).create(
                {"event_type": "death", "unit_id": self.commune_a.id, "person_name": "X"}
            )
