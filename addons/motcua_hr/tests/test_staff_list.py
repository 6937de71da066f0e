import io

import PyPDF2

from odoo.tests import tagged

from .common import MotcuaHrCommon


@tagged("post_install", "-at_install")
class TestStaffList(MotcuaHrCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.desk_a = cls.env["motcua.unit"].create(
            {"name": "HR desk A", "unit_type": "desk", "parent_id": cls.commune_a.id})
        cls.alice = cls._employee("Alice Staffmember", cls.commune_a)
        cls.bob = cls._employee("Bob Deskworker", cls.desk_a, motcua_rank_id=cls.env.ref("motcua_hr.rank_01_005").id,
                                motcua_step=1)
        cls.carol = cls._employee("Carol Elsewhere", cls.commune_b)

    def _pdf_text(self, user, units):
        pdf, _fmt = self.env["ir.actions.report"].with_user(user).with_context(
            force_report_rendering=True)._render_qweb_pdf("motcua_hr.action_report_staff_list", units.ids)
        reader = PyPDF2.PdfReader(io.BytesIO(pdf))
        return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)

    def test_pdf_lists_the_staff_of_the_unit_tree(self):
        text = self._pdf_text(self.hr_officer_a, self.commune_a)
        self.assertIn("Alice Staffmember", text)
        self.assertIn("Bob Deskworker", text)
        self.assertIn("01.005", text)
        self.assertNotIn("Carol Elsewhere", text)
        self.assertIn("2", text.split("Total:")[1][:10])

    def test_officer_prints_nobody_of_another_unit(self):
        text = self._pdf_text(self.hr_officer_a, self.commune_b)
        self.assertNotIn("Carol Elsewhere", text)
        self.assertIn("No staff recorded for this unit.", text)
        self.assertIn("Carol Elsewhere", self._pdf_text(self.hr_officer_b, self.commune_b))

    def test_headcount_by_category_and_rank(self):
        Version = self.env["hr.version"].with_user(self.hr_manager)
        groups = Version._read_group(
            [("motcua_is_current", "=", True), ("motcua_unit_id", "child_of", self.province.id)],
            ["motcua_rank_id"], ["__count"])
        counts = {rank.code: count for rank, count in groups}
        self.assertEqual(counts, {"01.003": 2, "01.005": 1})
        groups = Version.with_user(self.hr_officer_b)._read_group(
            [("motcua_is_current", "=", True)], ["motcua_unit_id"], ["__count"])
        self.assertEqual([(unit, count) for unit, count in groups], [(self.commune_b, 1)])
