from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import MotcuaHrCommon


@tagged("post_install", "-at_install")
class TestSalary(MotcuaHrCommon):
    def test_salary_on_two_dates_around_a_base_salary_change(self):
        employee = self._employee(
            "Salaried",
            self.commune_a,
            motcua_step=2,
            motcua_step_date=date(2022, 1, 1),
            motcua_position_id=self.position_leader.id,
        )
        # coefficient 2.67 + position allowance 0.25 = 2.92
        self.assertAlmostEqual(employee.motcua_total_coefficient, 2.92)
        # June 2024: base salary 1,800,000 (Decree 24/2023); July 2024: 2,340,000 (Decree 73/2024)
        self.assertEqual(employee.motcua_salary_on(date(2024, 6, 15)), 5_256_000)
        self.assertEqual(employee.motcua_salary_on(date(2024, 7, 1)), 6_832_800)

    def test_past_months_keep_their_step_and_base_salary(self):
        employee = self._employee("History", self.commune_a, motcua_step=2, motcua_step_date=date(2022, 1, 1))
        self.env["motcua.hr.history"].create(
            {
                "employee_id": employee.id,
                "kind": "step",
                "date": date(2025, 1, 1),
                "step": 3,
            }
        )
        self.assertEqual(employee.motcua_salary_on(date(2024, 12, 31)), round(2.67 * 2_340_000))
        self.assertEqual(employee.motcua_salary_on(date(2025, 1, 1)), round(3.00 * 2_340_000))
        # a new base salary changes the months from its date only
        self.env["motcua.hr.base.salary"].create({"date_from": date(2030, 7, 1), "amount": 3_000_000})
        self.assertEqual(employee.motcua_salary_on(date(2030, 7, 1)), 9_000_000)
        self.assertEqual(employee.motcua_salary_on(date(2030, 6, 30)), 7_020_000)

    def test_no_base_salary_before_the_first_row(self):
        employee = self._employee("Early bird", self.commune_a)
        with self.assertRaises(UserError) as cm:
            employee.motcua_salary_on(date(1990, 1, 1))
        self.assertIn("No base salary is recorded", str(cm.exception))

    def test_citizen_id_is_validated_against_sex_and_birth_date(self):
        employee = self._employee(
            "Citizen", self.commune_a, birthday=date(1985, 9, 20), sex="male", identification_id="080 085 004567"
        )
        self.assertEqual(employee.identification_id, "080085004567")
        with self.assertRaises(ValidationError) as cm:
            employee.identification_id = "080185004567"
        self.assertIn("other sex", str(cm.exception))
        with self.assertRaises(ValidationError) as cm:
            employee.identification_id = "080086004567"
        self.assertIn("birth year", str(cm.exception))
        with self.assertRaises(ValidationError) as cm:
            employee.birthday = date(1986, 1, 1)
        self.assertIn("birth year", str(cm.exception))
