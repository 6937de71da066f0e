from odoo.tests import tagged

from odoo.addons.motcua_base.tests.landing import LandingCase


@tagged("post_install", "-at_install")
class TestLanding(LandingCase):
    def test_complaint_handler_lands_on_the_petitions(self):
        """The demo complaint handler lands on the petitions, in Vietnamese."""
        self.assertLandsOn("tiepdan", "motcua_complaints.motcua_complaint_petition_action", "Đơn thư")

    def test_help_menu_opens_the_guide(self):
        self.assertGuideServed(
            "motcua_complaints.action_guide_complaints",
            "Xử lý đơn thư (cán bộ tiếp công dân, xử lý khiếu nại – tố cáo)",
        )
