from datetime import date

from odoo.tests import tagged

from .common import CivilRegistryCommon


@tagged("post_install", "-at_install")
class TestCivilStatistics(CivilRegistryCommon):
    def test_events_per_type_unit_and_late_registrations(self):
        self._birth(person_name="Đúng Hạn").action_register()
        self._birth(person_name="Quá Hạn", person_birth_date=date(2025, 12, 1)).action_register()
        self._marriage().action_register()
        self._birth(self.civil_b, person_name="Xã B", unit_id=self.commune_b.id).with_user(
            self.civil_b
        ).action_register()
        self._birth(person_name="Chưa Đăng Ký")  # a declaration is not counted
        action = self.env.ref("motcua_civil_registry.action_motcua_civil_event_statistics")
        self.assertIn("pivot", action.view_mode)
        self.assertIn("graph", action.view_mode)
        Event = self.Event.with_user(self.district_leader)
        domain = [("state", "=", "registered"), ("unit_id", "in", (self.commune_a | self.commune_b).ids)]
        groups = {
            (unit, kind): count
            for unit, kind, count in Event._read_group(domain, ["unit_id", "event_type"], ["__count"])
        }
        self.assertEqual(
            groups, {(self.commune_a, "birth"): 2, (self.commune_a, "marriage"): 1, (self.commune_b, "birth"): 1}
        )
        late = Event._read_group(domain + [("is_late", "=", True)], ["event_type"], ["__count"])
        self.assertEqual(late, [("birth", 1)])
        per_year = Event._read_group(domain, ["registration_date:year"], ["__count"])
        self.assertEqual([count for _year, count in per_year], [4])
        # an officer's figures are those of their own unit
        mine = self.Event.with_user(self.civil_a)._read_group(domain, ["event_type"], ["__count"])
        self.assertEqual(dict(mine), {"birth": 2, "marriage": 1})
