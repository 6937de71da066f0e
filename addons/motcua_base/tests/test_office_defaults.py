from odoo.tests import Form, TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestOfficeDefaults(TransactionCase):
    """A Vietnamese office from the first login."""

    def test_user_created_by_an_administrator_works_in_vietnamese(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        admin = self.env.ref("base.user_admin")
        # the administrator's own language and zone do not matter
        admin.write({"lang": "en_US", "tz": "Europe/Brussels"})
        users = (
            self.env["res.users"]
            .with_user(admin)
            .with_context(lang="en_US", tz="Europe/Brussels", is_action_res_users=True)
        )  # Settings > Users
        with Form(users) as form:
            form.name = "Nguyễn Văn Mới"
            form.login = "nguyenvanmoi"
        user = form.record
        self.assertEqual(user.lang, "vi_VN")
        self.assertEqual(user.tz, "Asia/Ho_Chi_Minh")
        self.assertEqual(user.partner_id.lang, "vi_VN")

    def test_demo_office_is_the_provincial_peoples_committee(self):
        company = self.env.ref("base.main_company")
        self.assertEqual(company.name, "Ủy ban nhân dân tỉnh Tây Ninh")
        self.assertEqual(company.country_id.code, "VN")
        self.assertEqual(company.currency_id.name, "VND")
        self.assertTrue(company.street)
        self.assertEqual(self.env.ref("website.default_website").name, "Cổng dịch vụ công tỉnh Tây Ninh")
        for xmlid in (
            "base.user_admin",
            "motcua_base.user_receiving_officer",
            "motcua_base.user_specialist",
            "motcua_base.user_unit_leader",
            "motcua_base.user_province_monitor",
        ):
            user = self.env.ref(xmlid)
            self.assertEqual((user.lang, user.tz), ("vi_VN", "Asia/Ho_Chi_Minh"), xmlid)
