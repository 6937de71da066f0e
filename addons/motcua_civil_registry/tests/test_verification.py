from datetime import date

from odoo.tests import HttpCase, tagged

from .common import CivilRegistryCommon


@tagged("post_install", "-at_install")
class TestCivilVerificationPage(HttpCase, CivilRegistryCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.event = cls.env["motcua.civil.event"].create(
            {
                "event_type": "birth",
                "unit_id": cls.commune_a.id,
                "person_name": "Nguyễn Văn An",
                "person_sex": "male",
                "person_birth_date": date(2026, 3, 1),
                "mother_name": "Trần Thị Bích",
                "mother_id_number": "079198005555",
                "mother_birth_date": date(1998, 5, 5),
                "registration_date": date(2026, 3, 10),
            }
        )
        cls.event.action_register()

    def test_found_shows_minimal_data(self):
        response = self.url_open(f"/xac-thuc-ho-tich/{self.event.verification_code}")
        self.assertEqual(response.status_code, 200)
        page = response.text
        self.assertIn("o_civil_found", page)
        self.assertIn("Khai sinh", page)
        self.assertIn("1/2026", page)
        self.assertIn("10/03/2026", page)
        self.assertIn("Commune A", page)
        self.assertIn("N*** V** A", page)
        for secret in ("Nguyễn Văn An", "Trần Thị Bích", "079198005555", "01/03/2026"):
            self.assertNotIn(secret, page)

    def test_code_typed_in_the_form_lower_case(self):
        response = self.url_open(f"/xac-thuc-ho-tich?code={self.event.verification_code.lower()}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("N*** V** A", response.text)

    def test_not_found(self):
        for code in ("AAAA-BBBB-CCCC", "' OR 1=1 --", self.event.verification_code[:-1]):
            response = self.url_open(f"/xac-thuc-ho-tich/{code}")
            self.assertEqual(response.status_code, 404)
            self.assertIn("o_civil_not_found", response.text)
            self.assertNotIn("N*** V** A", response.text)

    def test_draft_is_not_verifiable(self):
        draft = self.env["motcua.civil.event"].create(
            {"event_type": "birth", "unit_id": self.commune_a.id, "person_name": "Chưa Đăng Ký"}
        )
        draft.sudo().verification_code = False
        response = self.url_open("/xac-thuc-ho-tich/AAAA-AAAA-AAAA")
        self.assertEqual(response.status_code, 404)

    def test_rate_limited(self):
        self.env["ir.config_parameter"].sudo().set_param("motcua.rate_limit.civil_verification.limit", "3")
        for _i in range(3):
            # successful verifications are not counted, failures are
            self.assertEqual(self.url_open(f"/xac-thuc-ho-tich/{self.event.verification_code}").status_code, 200)
            self.assertEqual(self.url_open("/xac-thuc-ho-tich/AAAA-BBBB-CCCC").status_code, 404)
        response = self.url_open(f"/xac-thuc-ho-tich/{self.event.verification_code}")
        self.assertEqual(response.status_code, 429)
        self.assertIn("o_civil_limited", response.text)
        self.assertNotIn("N*** V** A", response.text)
