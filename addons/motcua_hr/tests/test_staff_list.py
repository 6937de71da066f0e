from odoo.tests import tagged

from odoo.addons.motcua_base.tests.report_common import MotcuaReportCase, pdf_text

from .common import MotcuaHrCommon


@tagged("post_install", "-at_install")
class TestStaffList(MotcuaHrCommon, MotcuaReportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.alice = cls._employee("Nguyễn Thị Ánh Dương", cls.commune_a)
        cls.bob = cls._employee(
            "Bob Deskworker", cls.desk_a, motcua_rank_id=cls.env.ref("motcua_hr.rank_01_005").id, motcua_step=1
        )
        cls.carol = cls._employee("Carol Elsewhere", cls.commune_b)

    def _pdf_text(self, user, units):
        return pdf_text(self.render_pdf("motcua_hr.action_report_staff_list", units, user=user))

    def test_pdf_lists_the_staff_of_the_unit_tree(self):
        pdf = self.render_pdf("motcua_hr.action_report_staff_list", self.commune_a, user=self.hr_officer_a)
        self.assertA4(pdf, landscape=True)
        self.assertPrinted(
            pdf,
            *self.NATIONAL_MOTTO,
            "DANH SÁCH CÁN BỘ, CÔNG CHỨC",
            "Nguyễn Thị Ánh Dương",
            "Bob Deskworker",
            "01.005",
            "Tổng số: 2",
        )
        self.assertNotIn("Carol Elsewhere", pdf_text(pdf))

    def test_officer_prints_nobody_of_another_unit(self):
        text = self._pdf_text(self.hr_officer_a, self.commune_b)
        self.assertNotIn("Carol Elsewhere", text)
        self.assertIn("Đơn vị chưa có cán bộ nào.", text)
        self.assertIn("Carol Elsewhere", self._pdf_text(self.hr_officer_b, self.commune_b))

    def test_headcount_by_category_and_rank(self):
        Version = self.env["hr.version"].with_user(self.hr_manager)
        groups = Version._read_group(
            [("motcua_is_current", "=", True), ("motcua_unit_id", "child_of", self.province.id)],
            ["motcua_rank_id"],
            ["__count"],
        )
        counts = {rank.code: count for rank, count in groups}
        self.assertEqual(counts, {"01.003": 2, "01.005": 1})
        groups = Version.with_user(self.hr_officer_b)._read_group(
            [("motcua_is_current", "=", True)], ["motcua_unit_id"], ["__count"]
        )
        self.assertEqual([(unit, count) for unit, count in groups], [(self.commune_b, 1)])
