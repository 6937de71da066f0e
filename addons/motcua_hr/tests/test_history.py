from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import MotcuaHrCommon


@tagged("post_install", "-at_install")
class TestHistory(MotcuaHrCommon):
    def test_an_event_of_today_counts_from_the_local_day(self):
        employee = self._employee("Early riser", self.commune_a)
        # 23:30 UTC on 10 March is 06:30 on 11 March in Viet Nam
        with freeze_time("2026-03-10 23:30:00"):
            self.env["motcua.hr.history"].with_user(self.hr_officer_a).create(
                {"employee_id": employee.id, "kind": "step", "date": date(2026, 3, 11), "step": 4}
            )
            self.assertEqual((employee.motcua_step, employee.motcua_coefficient), (4, 3.33))

    def test_events_are_never_overwritten(self):
        employee = self._employee("Appraised", self.commune_a)
        History = self.env["motcua.hr.history"].with_user(self.hr_officer_a)
        appraisal = History.create(
            {
                "employee_id": employee.id,
                "kind": "appraisal",
                "date": date(2024, 12, 20),
                "year": 2024,
                "appraisal_level": "good",
            }
        )
        with self.assertRaises(UserError) as cm:
            appraisal.appraisal_level = "excellent"
        self.assertIn("never overwritten", str(cm.exception))
        with self.assertRaises(AccessError):
            appraisal.unlink()
        with self.assertRaises(UserError) as cm:
            appraisal.with_user(self.hr_manager).unlink()
        self.assertIn("cannot be deleted", str(cm.exception))
        appraisal.note = "Completed with the minutes of the meeting."
        History.create(
            {
                "employee_id": employee.id,
                "kind": "appraisal",
                "date": date(2025, 12, 20),
                "year": 2025,
                "appraisal_level": "excellent",
            }
        )
        self.assertEqual(employee.motcua_history_ids.mapped("appraisal_level"), ["excellent", "good"])

    def test_rank_change_starts_the_new_scale(self):
        employee = self._employee("Promoted", self.commune_a, motcua_step=5, motcua_step_date=date(2021, 1, 1))
        principal = self.env.ref("motcua_hr.rank_01_002")
        self.env["motcua.hr.history"].create(
            {
                "employee_id": employee.id,
                "kind": "rank",
                "date": date(2024, 4, 1),
                "rank_id": principal.id,
                "step": 1,
            }
        )
        self.assertEqual(employee.motcua_rank_id, principal)
        self.assertEqual(employee.motcua_coefficient, 4.40)
        self.assertEqual(employee.motcua_rank_date, date(2024, 4, 1))
        self.assertEqual(employee._get_version(date(2024, 3, 31)).motcua_rank_id, self.rank_specialist)

    def test_incomplete_events_are_refused(self):
        employee = self._employee("Incomplete", self.commune_a)
        History = self.env["motcua.hr.history"]
        with self.assertRaises(ValidationError) as cm:
            History.create({"employee_id": employee.id, "kind": "appraisal", "year": 2024})
        self.assertIn("four levels", str(cm.exception))
        with self.assertRaises(ValidationError) as cm:
            History.create({"employee_id": employee.id, "kind": "step"})
        self.assertIn("new step", str(cm.exception))
        with self.assertRaises(ValidationError) as cm:
            History.create({"employee_id": employee.id, "kind": "commendation", "step_months": 18})
        self.assertIn("0 to 12 months", str(cm.exception))
        self.assertFalse(employee.motcua_history_ids)
