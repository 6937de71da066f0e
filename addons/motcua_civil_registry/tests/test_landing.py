from odoo.tests import tagged

from odoo.addons.motcua_base.tests.landing import LandingCase


@tagged("post_install", "-at_install")
class TestLanding(LandingCase):
    def test_civil_officer_lands_on_the_events(self):
        """The demo civil-status officer lands on the civil-status events, in Vietnamese."""
        self.assertLandsOn("hotich", "motcua_civil_registry.action_motcua_civil_event", "Sự kiện hộ tịch")

    def test_help_menu_opens_the_guide(self):
        self.assertGuideServed(
            "motcua_civil_registry.action_guide_civil", "Đăng ký hộ tịch (công chức tư pháp – hộ tịch)"
        )
