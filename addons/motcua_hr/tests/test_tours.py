from datetime import date

from odoo.tests import HttpCase, tagged

from .common import MotcuaHrCommon


@tagged("post_install", "-at_install")
class TestTours(HttpCase, MotcuaHrCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employee = cls._employee(
            "Tour Employee", cls.commune_a, user_id=cls.internal.id, motcua_step_date=date(2023, 1, 1)
        )

    def test_hr_officer_records_a_step_increase(self):
        self.start_tour("/odoo", "motcua_hr_officer_step_increase", login=self.hr_officer_a.login)
        event = self.employee.motcua_history_ids
        self.assertEqual(event.decision_number, "99/QĐ-UBND")
        self.assertEqual(self.employee.motcua_step, 4)
        self.assertEqual(self.employee.motcua_coefficient, 3.33)

    def test_employee_reads_own_record(self):
        self.env["motcua.hr.history"].create(
            {
                "employee_id": self.employee.id,
                "kind": "training",
                "name": "Tour training course",
            }
        )
        self.start_tour("/odoo", "motcua_hr_my_record", login=self.internal.login)
