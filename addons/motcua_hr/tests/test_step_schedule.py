from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import MotcuaHrCommon


@tagged("post_install", "-at_install")
class TestStepSchedule(MotcuaHrCommon):
    def _event(self, employee, **vals):
        return self.env["motcua.hr.history"].create({"employee_id": employee.id, **vals})

    def test_normal_step_every_36_months(self):
        employee = self._employee("Normal", self.commune_a)
        self.assertEqual(employee.motcua_coefficient, 3.00)  # A1 step 3
        self.assertEqual(employee.motcua_next_step_date, date(2025, 3, 1))
        self.assertEqual(employee.motcua_next_step_type, "step")

    def test_lower_group_every_24_months(self):
        employee = self._employee(
            "Clerk", self.commune_a, motcua_rank_id=self.rank_clerk.id, motcua_step=2, motcua_step_date=date(2023, 1, 1)
        )
        self.assertEqual(employee.motcua_coefficient, 2.06)  # B step 2
        self.assertEqual(employee.motcua_next_step_date, date(2025, 1, 1))

    def test_early_for_outstanding_achievement(self):
        employee = self._employee("Early", self.commune_a)
        self._event(employee, kind="commendation", date=date(2023, 5, 1), name="Certificate of merit", step_months=12)
        self.assertEqual(employee.motcua_next_step_date, date(2024, 3, 1))
        # a commendation from before the current step does not count
        other = self._employee("Old merit", self.commune_a)
        self._event(other, kind="commendation", date=date(2021, 5, 1), step_months=12)
        self.assertEqual(other.motcua_next_step_date, date(2025, 3, 1))

    def test_delayed_by_discipline(self):
        employee = self._employee("Late", self.commune_a)
        event = self._event(employee, kind="discipline", date=date(2023, 2, 1), discipline_level="reprimand")
        self.assertEqual(event.step_months, 6)
        self.assertEqual(employee.motcua_next_step_date, date(2025, 9, 1))
        self._event(employee, kind="discipline", date=date(2024, 2, 1), discipline_level="demotion")
        self.assertEqual(employee.motcua_next_step_date, date(2026, 9, 1))

    def test_top_step_gives_seniority_allowance(self):
        employee = self._employee("Top", self.commune_a, motcua_step=9, motcua_step_date=date(2020, 1, 1))
        self.assertEqual(employee.motcua_coefficient, 4.98)
        self.assertEqual(employee.motcua_next_step_type, "seniority")
        self.assertEqual(employee.motcua_next_step_date, date(2023, 1, 1))
        self._event(employee, kind="seniority", date=date(2023, 1, 1), seniority_percent=5)
        self.assertEqual(employee.motcua_seniority_percent, 5)
        self.assertAlmostEqual(employee.motcua_seniority_coefficient, 0.249)
        self.assertAlmostEqual(employee.motcua_total_coefficient, 5.229)
        self.assertEqual(employee.motcua_next_step_date, date(2024, 1, 1))
        # achievement does not bring the seniority allowance forward
        self._event(employee, kind="commendation", date=date(2023, 6, 1), step_months=12)
        self.assertEqual(employee.motcua_next_step_date, date(2024, 1, 1))

    def test_step_increase_creates_a_dated_version(self):
        employee = self._employee("Stepper", self.commune_a)
        first_version = employee.current_version_id
        self._event(employee, kind="step", date=date(2025, 3, 1), step=4, decision_number="12/QĐ-UBND")
        self.assertEqual(employee.motcua_step, 4)
        self.assertEqual(employee.motcua_coefficient, 3.33)
        self.assertEqual(employee.motcua_step_date, date(2025, 3, 1))
        self.assertEqual(employee.motcua_next_step_date, date(2028, 3, 1))
        # the version before the increase keeps the old step
        self.assertEqual(first_version.motcua_step, 3)
        self.assertEqual(employee._get_version(date(2025, 2, 28)).motcua_step, 3)
        self.assertEqual(employee._get_version(date(2025, 3, 1)).motcua_step, 4)

    def test_step_beyond_the_scale_is_refused(self):
        with self.assertRaises(ValidationError) as cm:
            self._employee("Too high", self.commune_a, motcua_step=10)
        self.assertIn("does not exist in the salary scale", str(cm.exception))
