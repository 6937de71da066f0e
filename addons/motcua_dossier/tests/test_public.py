import re

from freezegun import freeze_time

from odoo.tests import HttpCase, new_test_user, tagged

from .common import OFFICER, VIETNAMESE_BROWSER, enable_vietnamese


@tagged("post_install", "-at_install")
class TestPublicLookup(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        enable_vietnamese(cls.env)
        cls.unit = cls.env["motcua.unit"].create(
            {"name": "Public commune", "unit_type": "commune", "identifier_code": "000.20.55.P55"}
        )
        cls.procedure = cls.env["motcua.procedure"].create(
            {
                "code": "PUB.0001",
                "name": "Public test procedure",
                "duration_days": 3,
                "online_level": "full",
                "fee": 25000,
                "paper_ids": [(0, 0, {"name": "Form", "mandatory": True})],
            }
        )
        officer = new_test_user(cls.env, login="pub_officer", groups=OFFICER)
        officer.motcua_unit_ids = cls.unit
        cls.dossier = (
            cls.env["motcua.dossier"]
            .with_user(officer)
            .create(
                {
                    "procedure_id": cls.procedure.id,
                    "unit_id": cls.unit.id,
                    "applicant_name": "Nguyễn Văn An",
                    "applicant_id_number": "080090001234",
                    "applicant_phone": "0912 345 678",
                    "applicant_address": "12 Đường Bí Mật",
                }
            )
        )
        cls.dossier.paper_ids.received = True
        cls.dossier.with_user(officer).action_receive()
        cls.key = cls.dossier.sudo().lookup_key
        cls.env["motcua.rate.limit"].sudo().search([("bucket", "=", "dossier_lookup")]).unlink()

    def setUp(self):
        super().setUp()
        self.opener.headers.update(VIETNAMESE_BROWSER)  # a visitor whose browser asks for Vietnamese

    def assert_no_personal_data(self, text):
        for secret in ("080090001234", "0912 345 678", "0912345678", "Bí Mật", "Nguyễn Văn An"):
            self.assertNotIn(secret, text)

    def test_lookup_page(self):
        response = self.url_open(f"/tra-cuu-ho-so?code={self.dossier.name}&key={self.key.lower()}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("N*** V** A", response.text)
        self.assertIn("Public test procedure", response.text)
        self.assertIn("Đã tiếp nhận", response.text)
        self.assert_no_personal_data(response.text)
        self.assertNotIn("<script", response.text)
        self.assertLess(len(response.content), 150 * 1024)
        # the last four digits of the phone are no second factor: 10,000 values, enumerable
        response = self.url_open(f"/tra-cuu-ho-so?code={self.dossier.name}&key=5678")
        self.assertNotIn("N*** V** A", response.text)
        self.assertIn("Không tìm thấy hồ sơ khớp", response.text)
        # the empty form is light and has no script either
        empty = self.url_open("/tra-cuu-ho-so")
        self.assertEqual(empty.status_code, 200)
        self.assertLess(len(empty.content), 150 * 1024)
        self.assertIn("Tra cứu tình trạng hồ sơ", empty.text)

    def test_lookup_page_in_english(self):
        """The page's source text is English: an English visitor gets it under /en/."""
        response = self.url_open(f"/en/tra-cuu-ho-so?code={self.dossier.name}&key={self.key}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Look up the status of a dossier", response.text)
        self.assertIn("Dossier received", response.text)
        self.assertIn("N*** V** A", response.text)
        # the machine channels answer citizens in Vietnamese whatever the caller's language
        api = self.url_open(f"/api/v1/dossiers/{self.dossier.name}?key={self.key}")
        self.assertEqual(api.json()["status_label"], "Đã tiếp nhận")

    def test_wrong_code_or_key_same_message(self):
        wrong_key = self.url_open(f"/tra-cuu-ho-so?code={self.dossier.name}&key=ZZZZZZ")
        wrong_code = self.url_open(f"/tra-cuu-ho-so?code=000.20.55.P55-000000-9999&key={self.key}")
        self.assertEqual(wrong_key.status_code, 200)
        self.assertIn("Không tìm thấy hồ sơ", wrong_key.text)
        self.assertNotIn("N*** V** A", wrong_key.text)
        message = wrong_key.text.split('role="alert">')[1].split("<")[0]
        self.assertEqual(message, wrong_code.text.split('role="alert">')[1].split("<")[0])

    def test_enumeration_is_rate_limited(self):
        for number in range(10):
            response = self.url_open(f"/api/v1/dossiers/000.20.55.P55-261207-{number:04d}?key=AAAAAA")
            self.assertEqual(response.status_code, 404)
        response = self.url_open(f"/tra-cuu-ho-so?code={self.dossier.name}&key={self.key}")
        self.assertEqual(response.status_code, 429)
        self.assertNotIn("N*** V** A", response.text)
        self.assertEqual(self.url_open(f"/api/v1/dossiers/{self.dossier.name}?key={self.key}").status_code, 429)
        self.assertEqual(self.url_open(f"/api/v1/ivr/dossiers/{self.dossier.name}?key={self.key}").status_code, 429)

    def test_right_lookups_are_not_counted(self):
        """Only failures count: a citizen who looks up the same dossier many times is never limited,
        and a right lookup leaves no row behind."""
        for _lookup in range(15):
            self.assertEqual(self.url_open(f"/api/v1/dossiers/{self.dossier.name}?key={self.key}").status_code, 200)
        self.assertEqual(self.url_open(f"/tra-cuu-ho-so?code={self.dossier.name}&key={self.key}").status_code, 200)
        self.assertFalse(self.env["motcua.rate.limit"].sudo().search_count([("bucket", "=", "dossier_lookup")]))

    def test_lookup_reads_the_dossier_in_few_queries(self):
        """The API answer reads the dossier with its public fields, then its steps, units and
        procedure once each, whatever the number of steps."""
        self.url_open(f"/api/v1/dossiers/{self.dossier.name}?key={self.key}")  # warm: routing, translations
        before = self.cr.sql_log_count
        data = self.url_open(f"/api/v1/dossiers/{self.dossier.name}?key={self.key}").json()
        self.assertEqual(data["code"], self.dossier.name)
        self.assertLessEqual(self.cr.sql_log_count - before, 16)

    def test_rate_limit_is_configurable(self):
        """motcua_base's limiter, bucket dossier_lookup: its system parameters apply."""
        self.env["ir.config_parameter"].sudo().set_param("motcua.rate_limit.dossier_lookup.limit", 2)
        for _attempt in range(2):
            self.assertEqual(self.url_open(f"/api/v1/dossiers/{self.dossier.name}?key=WRONG1").status_code, 404)
        self.assertEqual(self.url_open(f"/api/v1/dossiers/{self.dossier.name}?key={self.key}").status_code, 429)
        failures = self.env["motcua.rate.limit"].sudo().search([("bucket", "=", "dossier_lookup")])
        self.assertEqual(len(failures), 2)
        self.assertEqual(set(failures.mapped("client")), {"127.0.0.1"})

    def test_json_api(self):
        response = self.url_open(f"/api/v1/dossiers/{self.dossier.name}?key={self.key}")
        self.assertEqual(response.status_code, 200)
        data = response.json()
        self.assertEqual(data["code"], self.dossier.name)
        self.assertEqual(data["status"], "received")
        self.assertEqual(data["procedure"], "Public test procedure")
        for key in ("unit", "received_at", "due_at", "finished_at", "timeliness", "steps"):
            self.assertIn(key, data)
        self.assert_no_personal_data(response.text)
        missing = self.url_open(f"/api/v1/dossiers/{self.dossier.name}?key=")
        self.assertEqual(missing.status_code, 404)

    def test_ivr(self):
        response = self.url_open(f"/api/v1/ivr/dossiers/{self.dossier.name}?key={self.key}")
        data = response.json()
        self.assertEqual(data["status_code"], 1)
        self.assertIn(self.dossier.name, data["text"])
        self.assertIn("Hẹn trả ngày", data["text"])
        self.assert_no_personal_data(response.text)
        self.assertEqual(self.url_open(f"/api/v1/ivr/dossiers/{self.dossier.name}?key=BAD").json()["status_code"], 0)

    def test_hostile_input_gets_a_4xx(self):
        """A NUL byte, control characters or a very long code: a neutral answer, never a 500."""
        for code in ("ABC%00DEF", "%00", "A" * 3000):
            with self.subTest(code=code[:10]):
                self.assertEqual(self.url_open(f"/tra-cuu-ho-so?code={code}&key=X%00Y").status_code, 200)
                self.assertEqual(self.url_open(f"/api/v1/dossiers/{code}?key=AB%00").status_code, 404)
        # the right key still works with a stray control character around the code
        found = self.url_open(f"/api/v1/dossiers/{self.dossier.name}%00?key={self.key}")
        self.assertEqual(found.status_code, 200)
        self.env.company.motcua_sms_inbound_secret = "s3cret-value"
        Inbound = self.env["motcua.sms.inbound"].sudo()
        before = Inbound.search_count([("result", "=", "forbidden")])
        for _i in range(15):
            response = self.url_open(
                "/api/v1/sms/inbound",
                data={"from": "0912000111", "text": "TRA x y"},
                headers={"X-MotCua-Secret": "mật-khẩu".encode()},
            )
            self.assertEqual(response.status_code, 403)
        # logged, but a flood adds a bounded number of rows
        self.assertEqual(Inbound.search_count([("result", "=", "forbidden")]) - before, 10)

    def test_sms_webhook(self):
        self.env.company.motcua_sms_inbound_secret = "s3cret-value"
        url = "/api/v1/sms/inbound"
        refused = self.url_open(
            url,
            data={"from": "0912000111", "text": f"TRA {self.dossier.name} {self.key}"},
            headers={"X-MotCua-Secret": "wrong"},
        )
        self.assertEqual(refused.status_code, 403)
        self.assertNotIn(self.dossier.name, refused.text)
        no_secret = self.url_open(url, data={"from": "0912000111", "text": "TRA x y"})
        self.assertEqual(no_secret.status_code, 403)
        ok = self.url_open(
            url,
            data={"from": "0912000111", "text": f"hs {self.dossier.name} {self.key}"},
            headers={"X-MotCua-Secret": "s3cret-value"},
        )
        self.assertEqual(ok.status_code, 200)
        self.assertIn(self.dossier.name, ok.text)
        self.assertIn("đã tiếp nhận", ok.text)
        self.assertLessEqual(len(ok.text), 160)
        self.assert_no_personal_data(ok.text)
        self.env.company.motcua_sms_reply_ascii = True
        ascii_reply = self.url_open(
            url,
            data={"from": "0912000111", "text": f"TRA {self.dossier.name} {self.key}"},
            headers={"X-MotCua-Secret": "s3cret-value"},
        ).text
        self.assertIn("da tiep nhan", ascii_reply)
        self.assertTrue(ascii_reply.isascii())
        help_reply = self.url_open(
            url, data={"from": "0912000111", "text": "hello"}, headers={"X-MotCua-Secret": "s3cret-value"}
        ).text
        self.assertIn("TRA", help_reply)
        logs = self.env["motcua.sms.inbound"].search([], order="id")
        self.assertEqual(logs.mapped("result")[-5:], ["forbidden", "forbidden", "found", "found", "invalid"])
        # a sender guessing codes is limited; other senders (same provider address) are not
        for number in range(10):
            self.url_open(
                url,
                data={"from": "0999000999", "text": f"TRA 000.20.55.P55-261207-{number:04d} AAAAAA"},
                headers={"X-MotCua-Secret": "s3cret-value"},
            )
        limited = self.url_open(
            url,
            data={"from": "0999000999", "text": f"TRA {self.dossier.name} {self.key}"},
            headers={"X-MotCua-Secret": "s3cret-value"},
        )
        self.assertNotIn(self.dossier.name, limited.text)
        other = self.url_open(
            url,
            data={"from": "0912000111", "text": f"TRA {self.dossier.name} {self.key}"},
            headers={"X-MotCua-Secret": "s3cret-value"},
        )
        self.assertIn(self.dossier.name, other.text)
        self.assertEqual(self.url_open(f"/api/v1/dossiers/{self.dossier.name}?key={self.key}").status_code, 200)

    def test_catalogue_and_transparency(self):
        catalogue = self.url_open("/thu-tuc?q=Public test")
        self.assertEqual(catalogue.status_code, 200)
        self.assertIn("Public test procedure", catalogue.text)
        detail = self.url_open(f"/thu-tuc/{self.procedure.id}")
        self.assertIn("Hai mươi lăm nghìn đồng", detail.text)
        self.assertIn("Nộp hồ sơ trực tuyến", detail.text)
        self.assertIn("Form", detail.text)
        self.assertEqual(self.url_open("/thu-tuc/999999999").status_code, 404)
        self.env["motcua.public.figures"]._motcua_refresh()  # what the cron keeps
        transparency = self.url_open("/cong-khai")
        self.assertEqual(transparency.status_code, 200)
        self.assertIn("Public commune", transparency.text)
        self.assert_no_personal_data(transparency.text)
        # a unit that settled nothing yet has no rate (not "0.0%")
        row = re.search(r"Public commune</td>(.*?)</tr>", transparency.text, re.S).group(1)
        self.assertIn("—", row)
        self.assertNotIn("%", row)

    def test_no_personal_data_of_demo_dossiers(self):
        demo = self.env["motcua.dossier"].search([("state", "!=", "draft"), ("unit_id", "!=", self.unit.id)], limit=6)
        for dossier in demo:
            self.env["motcua.rate.limit"].sudo().search([("bucket", "=", "dossier_lookup")]).unlink()
            key = dossier.sudo().lookup_key
            texts = [
                self.url_open(f"/tra-cuu-ho-so?code={dossier.name}&key={key}").text,
                self.url_open(f"/api/v1/dossiers/{dossier.name}?key={key}").text,
                self.url_open(f"/api/v1/ivr/dossiers/{dossier.name}?key={key}").text,
            ]
            self.assertIn(dossier.name, texts[1])
            for text in texts:
                for secret in filter(
                    None,
                    [
                        dossier.applicant_id_number,
                        dossier.applicant_phone,
                        dossier.applicant_address,
                        dossier.applicant_email,
                    ],
                ):
                    self.assertNotIn(secret, text)
                self.assertNotIn(dossier.applicant_name, text)


@tagged("post_install", "-at_install")
class TestLookupTour(HttpCase):
    def test_visitor_looks_up_a_dossier(self):
        enable_vietnamese(self.env)
        unit = self.env["motcua.unit"].create(
            {"name": "Lookup commune", "unit_type": "commune", "identifier_code": "000.20.44.L44"}
        )
        procedure = self.env["motcua.procedure"].create(
            {"code": "LOOK.0001", "name": "Lookup procedure", "duration_days": 2}
        )
        with freeze_time("2026-12-07 03:00:00"):
            dossier = self.env["motcua.dossier"].create(
                {
                    "procedure_id": procedure.id,
                    "unit_id": unit.id,
                    "applicant_name": "Nguyễn Văn An",
                    "applicant_phone": "0912 345 678",
                }
            )
            dossier.action_receive()
        dossier.lookup_key = "LOOK23"
        self.assertEqual(dossier.name, "000.20.44.L44-261207-0001")
        # the page itself has no script; ?debug=tests only loads the test runner for the tour
        self.assertNotIn("<script", self.url_open("/tra-cuu-ho-so").text)
        # /vi/ sets the visitor's language cookie (the headless browser asks for English)
        self.start_tour("/vi/tra-cuu-ho-so?debug=tests", "motcua_dossier_lookup_tour")
