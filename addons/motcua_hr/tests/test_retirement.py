from datetime import date

from odoo.tests import tagged

from odoo.addons.motcua_hr.models.hr_version import retirement_date

from .common import MotcuaHrCommon


@tagged("post_install", "-at_install")
class TestRetirement(MotcuaHrCommon):
    def test_roadmap_of_the_labour_code_2019(self):
        cases = [
            # (birthday, sex, retirement date): Decree 135/2020, annex I
            (date(1955, 3, 1), "male", date(2015, 3, 31)),  # before 2021: 60 years
            (date(1961, 1, 15), "male", date(2021, 4, 30)),  # 60 years 3 months in 2021
            (date(1961, 10, 10), "male", date(2022, 4, 30)),  # 60 years 6 months in 2022
            (date(1964, 6, 1), "male", date(2025, 9, 30)),  # 61 years 3 months in 2025
            (date(1966, 3, 20), "male", date(2027, 12, 31)),  # 61 years 9 months in 2027
            (date(1966, 4, 1), "male", date(2028, 4, 30)),  # 62 years from 2028
            (date(1975, 8, 31), "male", date(2037, 8, 31)),
            (date(1965, 12, 1), "female", date(2020, 12, 31)),  # before 2021: 55 years
            (date(1966, 1, 20), "female", date(2021, 5, 31)),  # 55 years 4 months in 2021
            (date(1966, 9, 5), "female", date(2022, 5, 31)),  # 55 years 8 months in 2022
            (date(1970, 5, 1), "female", date(2027, 9, 30)),  # 57 years 4 months in 2027
            (date(1980, 1, 1), "female", date(2040, 1, 31)),  # 60 years from 2035
        ]
        for birthday, sex, expected in cases:
            with self.subTest(birthday=birthday, sex=sex):
                self.assertEqual(retirement_date(birthday, sex), expected)
        self.assertFalse(retirement_date(False, "male"))
        self.assertFalse(retirement_date(date(1970, 1, 1), "other"))

    def test_employee_retirement_date_follows_birthday_and_sex(self):
        employee = self._employee("Retiring", self.commune_a, birthday=date(1966, 1, 20), sex="female")
        self.assertEqual(employee.motcua_retirement_date, date(2021, 5, 31))
        employee.sex = "male"
        self.assertEqual(employee.motcua_retirement_date, date(2027, 10, 31))  # 61 years 9 months in 2027
        employee.birthday = date(1961, 1, 15)
        self.assertEqual(employee.motcua_retirement_date, date(2021, 4, 30))
