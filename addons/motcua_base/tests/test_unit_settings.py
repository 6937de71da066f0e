from datetime import datetime, timedelta

from odoo.tests import tagged

from .common import MotcuaCommon


def vn(*args):
    """A Viet Nam local time as naive UTC."""
    return datetime(*args) - timedelta(hours=7)


@tagged("post_install", "-at_install")
class TestUnitSettings(MotcuaCommon):
    """A setting left empty on a unit is the nearest ancestor's: set once on the province, it
    reaches every commune under it, and a unit's own value wins below it."""

    def test_calendar_is_inherited_down_the_tree(self):
        administrative = self.env.ref("motcua_base.calendar_administrative")
        self.assertEqual(self.commune_a._get_calendar(), administrative)
        district_time = administrative.copy({"name": "District working time"})
        self.district.calendar_id = district_time
        self.assertEqual(self.commune_a._get_calendar(), district_time)
        self.assertEqual(self.other_district._get_calendar(), administrative)
        own = administrative.copy({"name": "Commune A working time"})
        self.commune_a.calendar_id = own
        self.assertEqual(self.commune_a._get_calendar(), own)
        self.assertEqual(self.commune_b._get_calendar(), district_time)

    def test_new_unit_has_no_calendar_of_its_own(self):
        unit = self.env["motcua.unit"].create(
            {"name": "New ward", "unit_type": "commune", "parent_id": self.district.id}
        )
        self.assertFalse(unit.calendar_id)

    def test_late_cutoff_set_on_the_province_reaches_a_commune(self):
        monday_1600 = vn(2026, 3, 2, 16)
        self.assertEqual(self.commune_a._motcua_effective_start(monday_1600), monday_1600)
        self.province.motcua_late_cutoff = True
        # after 15:00: Tuesday 07:30, the start of the next working day
        self.assertEqual(self.commune_a._motcua_effective_start(monday_1600), vn(2026, 3, 3, 7, 30))
        self.assertEqual(self.commune_a._motcua_effective_start(vn(2026, 3, 2, 14, 59)), vn(2026, 3, 2, 14, 59))

    def test_cutoff_hour_of_a_district_applies_below_it(self):
        self.province.motcua_late_cutoff = True
        self.district.motcua_cutoff_hour = 16.5
        self.assertEqual(self.commune_a._motcua_effective_start(vn(2026, 3, 2, 16)), vn(2026, 3, 2, 16))
        self.assertEqual(self.commune_a._motcua_effective_start(vn(2026, 3, 2, 16, 30)), vn(2026, 3, 3, 7, 30))
        # the other district keeps 15:00
        self.assertEqual(self.other_district._motcua_effective_start(vn(2026, 3, 2, 16)), vn(2026, 3, 3, 7, 30))

    def test_friday_after_cutoff_starts_on_monday(self):
        self.province.motcua_late_cutoff = True
        self.assertEqual(self.commune_a._motcua_effective_start(vn(2026, 3, 6, 15, 10)), vn(2026, 3, 9, 7, 30))

    def test_local_date_of_a_late_evening_in_utc(self):
        # 18:30 UTC on 1 March is 01:30 on 2 March in Viet Nam
        self.assertEqual(str(self.commune_a._motcua_local_date(datetime(2026, 3, 1, 18, 30))), "2026-03-02")
