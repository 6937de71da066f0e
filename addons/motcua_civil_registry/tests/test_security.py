from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CIVIL_OFFICER, CivilRegistryCommon


@tagged("post_install", "-at_install")
class TestCivilSecurity(CivilRegistryCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.event_a = cls.Event.with_user(cls.civil_a).create(
            {
                "event_type": "birth",
                "unit_id": cls.commune_a.id,
                "person_name": "Con Xã A",
                "person_sex": "male",
                "person_birth_date": "2026-03-01",
                "mother_name": "Mẹ Xã A",
                "registration_date": "2026-03-10",
            }
        )
        cls.event_a.action_register()

    def test_officer_of_the_unit_sees_and_registers(self):
        self.assertEqual(self.event_a.with_user(self.civil_a).person_name, "Con Xã A")
        self.assertTrue(self.event_a.with_user(self.civil_a).book_id.name)

    def test_officer_of_another_unit_sees_nothing(self):
        with self.assertRaises(AccessError):
            self.event_a.with_user(self.civil_b).read(["person_name"])
        with self.assertRaises(AccessError):
            self.event_a.book_id.with_user(self.civil_b).read(["name"])
        with self.assertRaises(AccessError):
            self.Event.with_user(self.civil_b).create(
                {"event_type": "birth", "unit_id": self.commune_a.id, "person_name": "X"}
            )
        self.assertFalse(self.Event.with_user(self.civil_b).search([("id", "=", self.event_a.id)]))

    def test_officer_does_not_see_units_below(self):
        district_officer = self._user("civil_district", CIVIL_OFFICER, self.district)
        with self.assertRaises(AccessError):
            self.event_a.with_user(district_officer).read(["person_name"])

    def test_staff_without_civil_role_sees_nothing(self):
        with self.assertRaises(AccessError):
            self.event_a.with_user(self.specialist_a).read(["person_name"])
        with self.assertRaises(AccessError):
            self.Event.with_user(self.officer_a).search([])
        child = self.event_a.person_id
        with self.assertRaises(AccessError):
            child.with_user(self.specialist_a).read(["civil_id_number"])

    def test_leader_reads_the_tree_but_does_not_register(self):
        as_leader = self.event_a.with_user(self.district_leader)
        self.assertEqual(as_leader.person_name, "Con Xã A")
        with self.assertRaises(AccessError):
            self.Event.with_user(self.district_leader).create(
                {"event_type": "birth", "unit_id": self.commune_a.id, "person_name": "X"}
            )
        draft = self._birth(person_name="Bản Khai")
        with self.assertRaises(AccessError):
            draft.with_user(self.district_leader).action_register()
        self.assertEqual(draft.state, "draft")

    def test_leader_of_another_tree_sees_nothing(self):
        with self.assertRaises(AccessError):
            self.event_a.with_user(self.leader_b).read(["person_name"])

    def test_monitor_reads_every_unit(self):
        self.assertEqual(self.event_a.with_user(self.monitor).person_name, "Con Xã A")
        draft = self._birth(person_name="Bản Khai")
        self.assertEqual(draft.with_user(self.monitor).person_name, "Bản Khai")
        with self.assertRaises(AccessError):
            draft.with_user(self.monitor).write({"note": "x"})

    def test_public_and_portal_have_no_access(self):
        public = self.env.ref("base.public_user")
        with self.assertRaises(AccessError):
            self.event_a.with_user(public).read(["person_name"])
        # even a citizen wrongly made a member of the unit
        self.portal.motcua_unit_ids = self.commune_a
        with self.assertRaises(AccessError):
            self.event_a.with_user(self.portal).read(["person_name"])
