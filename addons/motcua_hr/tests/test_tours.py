from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestTours(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit = cls.env["motcua.unit"].create({"name": "Tour commune", "unit_type": "commune"})
        cls.officer = new_test_user(
            cls.env,
            login="motcua_hr_tour_officer",
            password="motcua_hr_tour_officer",
            groups="motcua_hr.group_hr_officer",
        )
        cls.officer.motcua_unit_ids = cls.unit
        cls.staff = new_test_user(
            cls.env, login="motcua_hr_tour_staff", password="motcua_hr_tour_staff", groups="base.group_user"
        )
        cls.employee = cls.env["hr.employee"].create(
            {
                "name": "Tour Employee",
                "user_id": cls.staff.id,
                "motcua_unit_id": cls.unit.id,
                "motcua_category": "civil_servant",
                "motcua_rank_id": cls.env.ref("motcua_hr.rank_01_003").id,
                "motcua_step": 3,
                "motcua_step_date": date(2023, 1, 1),
                "date_version": date(2020, 1, 1),
            }
        )

    def test_hr_officer_records_a_step_increase(self):
        self.start_tour("/odoo", "motcua_hr_officer_step_increase", login=self.officer.login)
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
        self.start_tour("/odoo", "motcua_hr_my_record", login=self.staff.login)
