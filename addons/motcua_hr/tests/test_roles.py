from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import MotcuaHrCommon


@tagged("post_install", "-at_install")
class TestRolesFromPosition(MotcuaHrCommon):
    def test_user_gets_role_and_unit_of_the_position(self):
        user = self.internal
        self.assertFalse(user.has_group("motcua_base.group_receiving_officer"))
        employee = self._employee(
            "New staff", self.commune_a, user_id=user.id, motcua_position_id=self.position_receiving.id
        )
        self.assertTrue(user.has_group("motcua_base.group_receiving_officer"))
        self.assertFalse(user.has_group("motcua_base.group_specialist"))
        self.assertEqual(user.motcua_unit_ids, self.commune_a)

        # appointed leader: the role follows the position, the old one goes
        self.env["motcua.hr.history"].create(
            {
                "employee_id": employee.id,
                "kind": "appointment",
                "date": date(2024, 1, 1),
                "position_id": self.position_leader.id,
                "decision_number": "5/QĐ-UBND",
            }
        )
        self.assertEqual(employee.motcua_position_id, self.position_leader)
        self.assertAlmostEqual(employee.motcua_position_allowance, 0.25)
        self.assertTrue(user.has_group("motcua_base.group_unit_leader"))
        self.assertNotIn(self.env.ref("motcua_base.group_receiving_officer"), user.group_ids)

        # moved to another commune: the user works for the new unit only
        employee.motcua_unit_id = self.commune_b
        self.assertEqual(user.motcua_unit_ids, self.commune_b)

    def test_linking_a_user_later_and_changing_position(self):
        employee = self._employee("Later", self.commune_b, motcua_position_id=self.position_specialist.id)
        user = self.internal
        employee.user_id = user
        self.assertTrue(user.has_group("motcua_base.group_specialist"))
        self.assertEqual(user.motcua_unit_ids, self.commune_b)
        employee.motcua_position_id = self.position_receiving
        self.assertFalse(user.has_group("motcua_base.group_specialist"))
        self.assertTrue(user.has_group("motcua_base.group_receiving_officer"))

    def test_monitor_is_not_demoted(self):
        user = self.monitor
        self._employee("Monitor", self.commune_a, user_id=user.id, motcua_position_id=self.position_receiving.id)
        self.assertTrue(user.has_group("motcua_base.group_province_monitor"))

    def test_unit_hr_officer_cannot_hand_out_roles_beyond_their_unit(self):
        employee = self._employee("Officer's staff", self.commune_a, motcua_position_id=self.position_leader.id)
        as_officer = employee.with_user(self.hr_officer_a)
        # not to themselves...
        with self.assertRaisesRegex(AccessError, "never their own"):
            as_officer.user_id = self.hr_officer_a
        self.assertFalse(self.hr_officer_a.has_group("motcua_base.group_unit_leader"))
        # ...nor to somebody of another unit...
        stranger = self.specialist_b
        with self.assertRaisesRegex(AccessError, "own units only"):
            as_officer.user_id = stranger
        self.assertFalse(stranger.has_group("motcua_base.group_unit_leader"))
        self.assertEqual(stranger.motcua_unit_ids, self.commune_b)
        # ...but to a newcomer of their unit, yes
        newcomer = self.internal
        as_officer.user_id = newcomer
        self.assertTrue(newcomer.has_group("motcua_base.group_unit_leader"))
        self.assertEqual(newcomer.motcua_unit_ids, self.commune_a)
