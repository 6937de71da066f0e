from datetime import date

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import MotcuaHrCommon


@tagged("post_install", "-at_install")
class TestUpcoming(MotcuaHrCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.due_step = cls._employee(
            "Step soon", cls.commune_a, motcua_step_date=date(2023, 12, 15), hr_responsible_id=cls.hr_officer_a.id
        )  # due 2026-12-15
        cls.retiring = cls._employee(
            "Retiring soon",
            cls.commune_a,
            birthday=date(1966, 1, 20),
            sex="male",
            motcua_step_date=date(2025, 1, 1),
            hr_responsible_id=cls.hr_officer_a.id,
        )  # retires 2027-10-31
        cls.far = cls._employee(
            "Far away", cls.commune_a, motcua_step_date=date(2025, 6, 1), birthday=date(1990, 1, 1), sex="female"
        )
        cls.other_unit = cls._employee("Other unit", cls.commune_b, motcua_step_date=date(2023, 12, 15))

    @freeze_time("2026-11-25")
    def test_wizard_lists_the_next_months_of_the_unit(self):
        wizard = (
            self.env["motcua.hr.upcoming"]
            .with_user(self.hr_officer_a)
            .create({"unit_id": self.commune_a.id, "months": 2})
        )
        action = wizard.action_open()
        found = self.env["hr.employee"].with_user(self.hr_officer_a).search(action["domain"])
        self.assertEqual(found, self.due_step)
        wizard.months = 12
        found = self.env["hr.employee"].with_user(self.hr_officer_a).search(wizard.action_open()["domain"])
        self.assertEqual(found, self.due_step | self.retiring)
        # without a unit: every unit the officer sees, still not the other commune
        wizard.unit_id = False
        found = self.env["hr.employee"].with_user(self.hr_officer_a).search(wizard.action_open()["domain"])
        self.assertNotIn(self.other_unit, found)
        with self.assertRaises(ValidationError) as cm:
            wizard.months = 0
        self.assertIn("between 1 and 60 months", str(cm.exception))

    @freeze_time("2026-11-25")
    def test_activities_are_raised_ahead_once(self):
        self.env["hr.employee"]._cron_motcua_upcoming_activities()
        step_type = self.env.ref("motcua_hr.mail_activity_type_step_increase")
        retirement_type = self.env.ref("motcua_hr.mail_activity_type_retirement")
        activity = self.due_step.activity_ids
        self.assertEqual(activity.activity_type_id, step_type)
        self.assertEqual(activity.date_deadline, date(2026, 12, 15))
        self.assertEqual(activity.user_id, self.hr_officer_a)
        self.assertIn("Step increase due", activity.summary)
        # retirement is 11 months ahead: beyond the 180-day notice
        self.assertFalse(self.retiring.activity_ids)
        self.assertFalse(self.far.activity_ids)
        # the officer sees the activity on their own list
        self.assertIn(
            activity,
            self.env["mail.activity"].with_user(self.hr_officer_a).search([("user_id", "=", self.hr_officer_a.id)]),
        )
        self.env["hr.employee"]._cron_motcua_upcoming_activities()
        self.assertEqual(len(self.due_step.activity_ids), 1)
        with freeze_time("2027-06-01"):
            self.env["hr.employee"]._cron_motcua_upcoming_activities()
        self.assertEqual(self.retiring.activity_ids.activity_type_id, retirement_type)
        self.assertEqual(self.retiring.activity_ids.date_deadline, date(2027, 10, 31))
