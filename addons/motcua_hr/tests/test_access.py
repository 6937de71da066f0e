from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import MotcuaHrCommon


@tagged("post_install", "-at_install")
class TestAccess(MotcuaHrCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employee_a = cls._employee("Staff A", cls.commune_a, user_id=cls.specialist_a.id)
        cls.employee_b = cls._employee("Staff B", cls.commune_b, user_id=cls.specialist_b.id)

    def test_hr_officer_sees_only_the_staff_of_their_unit(self):
        Employee = self.env["hr.employee"].with_user(self.hr_officer_a)
        found = Employee.search([("motcua_unit_id", "!=", False)])
        self.assertIn(self.employee_a, found)
        self.assertNotIn(self.employee_b, found)
        self.assertGreater(self.employee_a.with_user(self.hr_officer_a).motcua_salary, 0)
        with self.assertRaises(AccessError):
            self.employee_b.with_user(self.hr_officer_a).read(["motcua_salary"])
        with self.assertRaises(AccessError):
            self.employee_b.with_user(self.hr_officer_a).write({"motcua_step": 4})
        with self.assertRaises(AccessError):
            self.employee_b.current_version_id.with_user(self.hr_officer_a).read(["motcua_coefficient"])
        # nor can they put someone in another unit
        with self.assertRaises(AccessError):
            Employee.create({"name": "Smuggled", "motcua_unit_id": self.commune_b.id})
        # and career events of the other unit stay out of reach
        History = self.env["motcua.hr.history"].with_user(self.hr_officer_a)
        with self.assertRaises(AccessError):
            History.create({"employee_id": self.employee_b.id, "kind": "training", "name": "Course"})
        # a transfer to another unit is for the province HR manager (the unit decides what the
        # employee's user sees); it hands the record over to that unit's officers
        with self.assertRaisesRegex(AccessError, "only in the units of their own unit tree"):
            self.employee_a.with_user(self.hr_officer_a).motcua_unit_id = self.commune_b
        self.assertEqual(self.employee_a.motcua_unit_id, self.commune_a)
        self.employee_a.with_user(self.hr_manager).motcua_unit_id = self.commune_b
        with self.assertRaises(AccessError):
            self.employee_a.with_user(self.hr_officer_a).read(["motcua_step"])
        self.assertEqual(self.employee_a.with_user(self.hr_officer_b).motcua_step, 3)

    def test_hr_officer_keeps_the_records_of_their_unit(self):
        Employee = self.env["hr.employee"].with_user(self.hr_officer_a)
        employee = Employee.create(
            {
                "name": "Hired by A",
                "motcua_unit_id": self.commune_a.id,
                "motcua_rank_id": self.rank_clerk.id,
                "motcua_step": 1,
            }
        )
        self.assertEqual(employee.motcua_coefficient, 1.86)
        employee.motcua_step = 2
        self.assertEqual(employee.motcua_coefficient, 2.06)
        self.env["motcua.hr.history"].with_user(self.hr_officer_a).create(
            {
                "employee_id": employee.id,
                "kind": "training",
                "name": "Digital government course",
            }
        )
        self.assertEqual(len(employee.motcua_history_ids), 1)

    def test_province_hr_manager_sees_every_unit(self):
        found = self.env["hr.employee"].with_user(self.hr_manager).search([("motcua_unit_id", "!=", False)])
        self.assertIn(self.employee_a, found)
        self.assertIn(self.employee_b, found)

    def test_employee_sees_own_record_and_nobody_elses_salary(self):
        # their own record, through their user
        own = self.specialist_a.with_user(self.specialist_a).read(["motcua_hr_salary", "motcua_hr_step"])[0]
        self.assertEqual(own["motcua_hr_step"], 3)
        self.assertEqual(own["motcua_hr_salary"], self.employee_a.motcua_salary)
        # nobody else's salary: not through the other user ...
        with self.assertRaises(AccessError):
            self.specialist_b.with_user(self.specialist_a).read(["motcua_hr_salary"])
        # (an HR officer of another unit does not find it there either)
        self.assertEqual(
            self.specialist_b.with_user(self.hr_officer_a).read(["motcua_hr_salary"])[0]["motcua_hr_salary"], 0
        )
        self.assertEqual(
            self.specialist_a.with_user(self.hr_officer_a).read(["motcua_hr_salary"])[0]["motcua_hr_salary"],
            own["motcua_hr_salary"],
        )
        # ... nor through the employee records (public profiles only)
        with self.assertRaises(AccessError):
            self.employee_b.with_user(self.specialist_a).read(["motcua_salary"])
        with self.assertRaises(AccessError):
            self.employee_b.with_user(self.specialist_a).read(["motcua_coefficient"])
        with self.assertRaises(AccessError):
            self.employee_b.current_version_id.with_user(self.specialist_a).read(["motcua_salary"])

    def test_employee_sees_own_career_events_only(self):
        History = self.env["motcua.hr.history"]
        own = History.create({"employee_id": self.employee_a.id, "kind": "training", "name": "Own course"})
        other = History.create({"employee_id": self.employee_b.id, "kind": "training", "name": "Other course"})
        visible = History.with_user(self.specialist_a).search([])
        self.assertIn(own, visible)
        self.assertNotIn(other, visible)
        with self.assertRaises(AccessError):
            other.with_user(self.specialist_a).read(["name"])
        with self.assertRaises(AccessError):
            History.with_user(self.specialist_a).create(
                {"employee_id": self.employee_a.id, "kind": "commendation", "step_months": 12}
            )
        self.assertEqual(
            self.specialist_a.with_user(self.specialist_a).read(["motcua_hr_history_ids"])[0]["motcua_hr_history_ids"],
            own.ids,
        )

    def test_only_the_province_hr_manager_edits_the_catalogues(self):
        with self.assertRaises(AccessError):
            self.rank_specialist.with_user(self.hr_officer_a).name = "Changed"
        with self.assertRaises(AccessError):
            self.env["motcua.hr.base.salary"].with_user(self.hr_officer_a).create(
                {"date_from": "2031-01-01", "amount": 3_500_000}
            )
        self.env["motcua.hr.base.salary"].with_user(self.hr_manager).create(
            {"date_from": "2031-01-01", "amount": 3_500_000}
        )


@tagged("post_install", "-at_install")
class TestUnitPlacement(MotcuaHrCommon):
    """V4: the unit of an employee becomes the units of their user, so a unit HR officer
    places staff only within their own unit tree."""

    def test_hr_officer_cannot_place_a_colleague_above_their_units(self):
        colleague = self.specialist_a
        employee = self.env["hr.employee"].create(
            {"name": "Đồng nghiệp", "user_id": colleague.id, "motcua_unit_id": self.commune_a.id}
        )
        as_officer = employee.with_user(self.hr_officer_a)
        for unit in (self.province, self.commune_b):
            with (
                self.subTest(unit=unit.name),
                self.assertRaisesRegex(AccessError, "only in the units of their own unit tree"),
            ):
                as_officer.write({"motcua_unit_id": unit.id})
        self.assertEqual(employee.motcua_unit_id, self.commune_a)
        self.assertEqual(colleague.motcua_unit_ids, self.commune_a)
        with self.assertRaisesRegex(AccessError, "only in the units of their own unit tree"):
            self.env["hr.employee"].with_user(self.hr_officer_a).create(
                {"name": "Mới", "motcua_unit_id": self.province.id}
            )
        # the province HR manager places staff anywhere, and the user's units follow
        employee.with_user(self.hr_manager).write({"motcua_unit_id": self.province.id})
        self.assertEqual(colleague.motcua_unit_ids, self.province)

    def test_the_unit_of_a_version_follows_its_employee(self):
        employee = self.env["hr.employee"].create({"name": "Phiên bản", "motcua_unit_id": self.commune_a.id})
        version = employee.current_version_id
        with self.assertRaisesRegex(UserError, "change it on the employee"):
            version.with_user(self.hr_officer_a).write({"motcua_unit_id": self.province.id})
        self.assertEqual(version.motcua_unit_id, self.commune_a)
        employee.with_user(self.hr_manager).motcua_unit_id = self.commune_b
        self.assertEqual(version.motcua_unit_id, self.commune_b)
