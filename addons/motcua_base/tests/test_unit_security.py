from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import MotcuaCommon


@tagged("post_install", "-at_install")
class TestUnitScoping(MotcuaCommon):
    """The unit-scoping record rules, checked on the counters (the scoped model of motcua_base)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Counter = cls.env["motcua.sequence.counter"]
        Counter.next_number("scoped", cls.commune_a, "2026")
        Counter.next_number("scoped", cls.commune_b, "2026")
        Counter.next_number("scoped", cls.other_district, "2026")
        cls.counters = Counter.search([("scope", "=", "scoped")])
        cls.counter_a = cls.counters.filtered(lambda c: c.unit_id == cls.commune_a)
        cls.counter_b = cls.counters.filtered(lambda c: c.unit_id == cls.commune_b)

    def visible_units(self, user):
        return self.env["motcua.sequence.counter"].with_user(user).search([("scope", "=", "scoped")]).unit_id

    def test_officer_sees_only_own_commune(self):
        self.assertEqual(self.visible_units(self.officer_a), self.commune_a)
        with self.assertRaises(AccessError):
            self.counter_b.with_user(self.officer_a).read(["last_number"])

    def test_district_leader_sees_both_communes(self):
        self.assertEqual(self.visible_units(self.district_leader), self.commune_a | self.commune_b)
        with self.assertRaises(AccessError):
            self.counters.filtered(lambda c: c.unit_id == self.other_district).with_user(self.district_leader).read(
                ["last_number"]
            )

    def test_monitor_sees_every_unit(self):
        self.assertEqual(self.visible_units(self.monitor), self.commune_a | self.commune_b | self.other_district)

    def test_staff_cannot_write_counters_or_units(self):
        with self.assertRaises(AccessError):
            self.counter_a.with_user(self.officer_a).unlink()
        with self.assertRaises(AccessError):
            self.commune_a.with_user(self.district_leader).write({"name": "Renamed"})

    def test_user_without_role_sees_nothing(self):
        from odoo.tests import new_test_user  # noqa: PLC0415

        clerk = new_test_user(self.env, login="motcua_plain_user", groups="base.group_user")
        with self.assertRaises(AccessError):
            self.env["motcua.sequence.counter"].with_user(clerk).search([])

    def test_tree_constraints(self):
        with self.assertRaisesRegex(UserError, "Recursion"):
            self.province.parent_id = self.commune_a
        with self.assertRaisesRegex(ValidationError, "cannot end before it starts"):
            self.env["motcua.unit"].create({"name": "Backwards", "date_start": "2025-07-01", "date_end": "2025-06-30"})
        self.commune_b.date_end = "2025-06-30"
        self.assertTrue(self.commune_b.is_historical)
        self.assertIn(self.commune_b, self.env["motcua.unit"].search([("is_historical", "=", True)]))
        with self.assertRaisesRegex(ValidationError, "no longer active"):
            self.commune_b._ensure_usable()
        self.commune_a._ensure_usable()
        self.assertEqual(self.commune_a.display_name, "Test province / Test district / Commune A")
