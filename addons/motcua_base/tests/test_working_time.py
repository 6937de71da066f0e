from datetime import date, datetime, timedelta

import pytz

from odoo.tests import tagged

from .common import MotcuaCommon


def vn(*args):
    """A Vietnam local time as naive UTC (Odoo's storage form): vn(2026, 2, 13, 10) = 03:00 UTC."""
    return datetime(*args) - timedelta(hours=7)


@tagged("post_install", "-at_install")
class TestWorkingTime(MotcuaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A calendar of its own so that data added by a test (or an administrator) stays local.
        base = cls.env.ref("motcua_base.calendar_administrative")
        cls.calendar = base.copy({"name": "Test working time", "motcua_load_holidays": True})
        cls.calendar._motcua_load_public_holidays([2025, 2026, 2027])
        cls.commune_a.calendar_id = cls.calendar

    def assertAdds(self, start, expected, days=0, hours=0):
        self.assertEqual(self.calendar.add_working_time(start, days=days, hours=hours), expected)

    def test_two_days_keep_the_time_of_day(self):
        # Monday 10:00 + 2 working days = Wednesday 10:00
        self.assertAdds(vn(2026, 3, 2, 10), vn(2026, 3, 4, 10), days=2)

    def test_weekend_is_skipped(self):
        # Thursday 14:00 + 3 working days = Tuesday 14:00
        self.assertAdds(vn(2026, 3, 5, 14), vn(2026, 3, 10, 14), days=3)

    def test_tet_2026(self):
        # Friday 13 February 2026 10:00 + 3 working days = Wednesday 25 February 10:00 (Tết 16–20 Feb)
        self.assertAdds(vn(2026, 2, 13, 10), vn(2026, 2, 25, 10), days=3)

    def test_hung_kings_day_2026(self):
        # Hùng Kings day falls on Sunday 26 April 2026, observed Monday 27; 30 April and 1 May follow.
        # Friday 24 April 09:00 + 2 working days = Wednesday 29 April 09:00
        self.assertAdds(vn(2026, 4, 24, 9), vn(2026, 4, 29, 9), days=2)
        # Wednesday 29 April 09:00 + 1 working day = Monday 4 May 09:00
        self.assertAdds(vn(2026, 4, 29, 9), vn(2026, 5, 4, 9), days=1)

    def test_national_day_with_swapped_saturday(self):
        # 2026: 31 August is a day off swapped with Saturday 22 August (worked); 1–2 September off.
        self.assertTrue(self.calendar.motcua_working_day_ids.filtered(lambda d: d.date == date(2026, 8, 22)))
        # Friday 21 August 10:00 + 1 working day = Saturday 22 August 10:00
        self.assertAdds(vn(2026, 8, 21, 10), vn(2026, 8, 22, 10), days=1)
        # Friday 28 August 10:00 + 1 working day = Thursday 3 September 10:00
        self.assertAdds(vn(2026, 8, 28, 10), vn(2026, 9, 3, 10), days=1)

    def test_swapped_day_added_by_an_administrator(self):
        # Saturday 7 March 2026 declared worked: Friday 6 March 15:00 + 1 day = Saturday 15:00
        self.assertAdds(vn(2026, 3, 6, 15), vn(2026, 3, 9, 15), days=1)
        self.env["motcua.working.day"].create(
            {"name": "Swap", "date": date(2026, 3, 7), "calendar_id": self.calendar.id}
        )
        self.assertAdds(vn(2026, 3, 6, 15), vn(2026, 3, 7, 15), days=1)

    def test_extra_day_off(self):
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Provincial day off",
                "calendar_id": self.calendar.id,
                "resource_id": False,
                "date_from": vn(2026, 3, 3, 0),
                "date_to": vn(2026, 3, 3, 23, 59),
            }
        )
        # Monday 2 March 10:00 + 2 working days = Thursday 5 March (Tuesday is off)
        self.assertAdds(vn(2026, 3, 2, 10), vn(2026, 3, 5, 10), days=2)

    def test_start_outside_working_hours(self):
        # Saturday 9:00 starts on Monday 7:30
        self.assertAdds(vn(2026, 3, 7, 9), vn(2026, 3, 11, 7, 30), days=2)
        # Monday 18:00 starts on Tuesday 7:30
        self.assertAdds(vn(2026, 3, 2, 18), vn(2026, 3, 3, 7, 30))

    def test_hours(self):
        # Monday 10:00 + 4 working hours = 16:00 (1.5 h before the 11:30–13:30 break, 2.5 h after)
        self.assertAdds(vn(2026, 3, 2, 10), vn(2026, 3, 2, 16), hours=4)
        # Friday 16:00 + 2 working hours = Monday 8:30
        self.assertAdds(vn(2026, 3, 6, 16), vn(2026, 3, 9, 8, 30), hours=2)

    def test_unit_uses_its_calendar_and_server_timezone_does_not_matter(self):
        self.assertEqual(self.commune_a.add_working_time(vn(2026, 2, 13, 10), days=3), vn(2026, 2, 25, 10))
        # a sub-unit without a calendar inherits its parent's
        desk = self.env["motcua.unit"].create(
            {"name": "Desk", "unit_type": "desk", "parent_id": self.commune_a.id, "calendar_id": False}
        )
        self.assertEqual(desk._get_calendar(), self.calendar)
        self.assertEqual(
            self.commune_a.with_context(tz="America/New_York").add_working_time(vn(2026, 2, 13, 10), days=3),
            vn(2026, 2, 25, 10),
        )

    def test_working_time_between(self):
        self.assertAlmostEqual(self.calendar.working_time_between(vn(2026, 3, 2, 10), vn(2026, 3, 2, 15)), 3.0)
        # across Tết: Friday 13 Feb 10:00 to Monday 23 Feb 10:00 = 5 h on Friday + 2.5 h on Monday
        self.assertAlmostEqual(self.calendar.working_time_between(vn(2026, 2, 13, 10), vn(2026, 2, 23, 10)), 7.5)
        self.assertAlmostEqual(self.calendar.working_time_between(vn(2026, 3, 2, 15), vn(2026, 3, 2, 10)), -3.0)

    def test_holiday_loading_is_idempotent(self):
        leaves = self.env["resource.calendar.leaves"].search_count([("calendar_id", "=", self.calendar.id)])
        self.calendar._motcua_load_public_holidays([2026])
        self.assertEqual(
            self.env["resource.calendar.leaves"].search_count([("calendar_id", "=", self.calendar.id)]), leaves
        )
        tet = self.env["resource.calendar.leaves"].search(
            [("calendar_id", "=", self.calendar.id), ("motcua_holiday_key", "=", "VN-2026-02-17")]
        )
        self.assertEqual(len(tet), 1)

    def test_changed_holiday_changes_the_due_date(self):
        """The working time is cached per calendar: every change of a day off is seen at once."""
        self.assertAdds(vn(2026, 3, 2, 10), vn(2026, 3, 4, 10), days=2)  # cached now
        leave = self.env["resource.calendar.leaves"].create(
            {
                "name": "Provincial day off",
                "calendar_id": self.calendar.id,
                "resource_id": False,
                "date_from": vn(2026, 3, 3, 0),
                "date_to": vn(2026, 3, 3, 23, 59),
            }
        )
        # Monday 2 March 10:00 + 2 working days = Thursday 5 March (Tuesday is off)
        self.assertAdds(vn(2026, 3, 2, 10), vn(2026, 3, 5, 10), days=2)
        # the day off moved to Thursday: + 2 days is Wednesday again, + 3 days Friday
        leave.write({"date_from": vn(2026, 3, 5, 0), "date_to": vn(2026, 3, 5, 23, 59)})
        self.assertAdds(vn(2026, 3, 2, 10), vn(2026, 3, 4, 10), days=2)
        self.assertAdds(vn(2026, 3, 2, 10), vn(2026, 3, 6, 10), days=3)
        self.assertEqual(self.commune_a.add_working_time(vn(2026, 3, 2, 10), days=3), vn(2026, 3, 6, 10))
        # removed: + 3 days is Thursday
        leave.unlink()
        self.assertAdds(vn(2026, 3, 2, 10), vn(2026, 3, 5, 10), days=3)
        # an official holiday removed by an administrator: 30 April 2026 worked
        self.assertAdds(vn(2026, 4, 29, 9), vn(2026, 5, 4, 9), days=1)
        self.env["resource.calendar.leaves"].search(
            [("calendar_id", "=", self.calendar.id), ("motcua_holiday_key", "=", "VN-2026-04-30")]
        ).unlink()
        self.assertAdds(vn(2026, 4, 29, 9), vn(2026, 4, 30, 9), days=1)

    def test_changed_hours_change_the_due_date(self):
        # Friday 16:00 + 2 working hours = Monday 8:30 (Friday ends at 17:00)
        self.assertAdds(vn(2026, 3, 6, 16), vn(2026, 3, 9, 8, 30), hours=2)
        friday = self.calendar.attendance_ids.filtered(lambda a: a.dayofweek == "4" and a.hour_to == 17)
        self.assertEqual(len(friday), 1)
        friday.hour_to = 16.5
        # half an hour on Friday, then 1.5 h from Monday 7:30
        self.assertAdds(vn(2026, 3, 6, 16), vn(2026, 3, 9, 9), hours=2)
        self.assertAlmostEqual(self.calendar.working_time_between(vn(2026, 3, 6, 16), vn(2026, 3, 6, 18)), 0.5)

    def test_deadlines_across_cached_windows(self):
        """Answers read from the cached 14-day windows are those of Odoo's planning over the same
        calendar, for starts on every day of a quarter holding Tết (windows and holidays crossed)."""
        zone = pytz.timezone(self.calendar.tz)
        for offset in range(0, 90 * 24, 17):
            start = vn(2026, 1, 1, 0) + timedelta(hours=offset)
            for hours in (4.0, 37.5, 150.0):
                ours = self.calendar.add_working_time(start, hours=hours)
                odoo = self.calendar.plan_hours(hours, pytz.utc.localize(start).astimezone(zone), compute_leaves=True)
                odoo = odoo.astimezone(pytz.utc).replace(tzinfo=None)
                # plan_hours ends a day at 17:00 where add_working_time may say the next 07:30: same work
                self.assertAlmostEqual(self.calendar.working_time_between(min(ours, odoo), max(ours, odoo)), 0.0)
