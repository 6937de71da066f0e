from odoo.tests import tagged

from odoo.addons.motcua_base.tests.landing import LandingCase


@tagged("post_install", "-at_install")
class TestLanding(LandingCase):
    def test_hr_officer_lands_on_the_staff_list(self):
        """The demo HR officer lands on the staff list, in Vietnamese."""
        self.assertLandsOn("tochuc", "motcua_hr.action_motcua_hr_staff", "Cán bộ")
