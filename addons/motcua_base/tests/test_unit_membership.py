from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import MotcuaCommon


@tagged("post_install", "-at_install")
class TestUnitMembership(MotcuaCommon):
    """Units grant access: a change of membership takes effect at once, and only one-stop
    administrators make it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Counter = cls.env["motcua.sequence.counter"]
        Counter.next_number("membership", cls.commune_a, "2026")
        Counter.next_number("membership", cls.commune_b, "2026")

    def visible_units(self, user):
        return self.env["motcua.sequence.counter"].with_user(user).search([("scope", "=", "membership")]).unit_id

    def test_removing_a_unit_revokes_access_at_once(self):
        self.assertEqual(self.visible_units(self.officer_a), self.commune_a)  # the rule domain is now cached
        self.officer_a.motcua_unit_ids = self.commune_b
        self.assertEqual(self.visible_units(self.officer_a), self.commune_b)
        self.officer_a.motcua_unit_ids = False
        self.assertFalse(self.visible_units(self.officer_a))

    def test_membership_changed_from_the_unit_takes_effect_at_once(self):
        self.assertEqual(self.visible_units(self.officer_a), self.commune_a)
        self.commune_a.member_ids = [(3, self.officer_a.id)]
        self.assertFalse(self.visible_units(self.officer_a))
        self.commune_b.member_ids = [(4, self.officer_a.id)]
        self.assertEqual(self.visible_units(self.officer_a), self.commune_b)

    def test_only_one_stop_administrators_place_users_in_units(self):
        access_manager = new_test_user(
            self.env, login="motcua_access_manager", groups="base.group_erp_manager,motcua_base.group_unit_leader"
        )
        for user in (access_manager, self.district_leader, self.monitor):
            with self.subTest(user=user.login):
                with self.assertRaisesRegex(AccessError, "Only one-stop administrators"):
                    self.officer_a.with_user(user).write({"motcua_unit_ids": [(4, self.province.id)]})
                with self.assertRaises(AccessError):
                    user.with_user(user).write({"motcua_unit_ids": [(4, self.province.id)]})
        self.assertEqual(self.officer_a.motcua_unit_ids, self.commune_a)
        admin = new_test_user(
            self.env, login="motcua_unit_admin", groups="base.group_erp_manager,motcua_base.group_administrator"
        )
        self.officer_a.with_user(admin).write({"motcua_unit_ids": [(4, self.commune_b.id)]})
        self.assertEqual(self.officer_a.motcua_unit_ids, self.commune_a | self.commune_b)
