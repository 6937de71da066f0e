import base64
import re

from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import OFFICER


@tagged("post_install", "-at_install")
class TestPortal(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit = cls.env["motcua.unit"].create(
            {"name": "Portal commune", "unit_type": "commune", "identifier_code": "000.20.66.P66"}
        )
        cls.procedure = cls.env["motcua.procedure"].create(
            {
                "code": "POR.0001",
                "name": "Portal test procedure",
                "duration_days": 3,
                "online_level": "full",
                "unit_id": cls.unit.id,
                "paper_ids": [(0, 0, {"name": "Application form", "mandatory": True})],
            }
        )
        cls.citizen_a = new_test_user(
            cls.env,
            login="citizen_a",
            password="citizen_a_pw",
            groups="base.group_portal",
            name="Citizen A",
            email="a@example.com",
        )
        cls.citizen_b = new_test_user(
            cls.env,
            login="citizen_b",
            password="citizen_b_pw",
            groups="base.group_portal",
            name="Citizen B",
            email="b@example.com",
        )
        cls.officer = new_test_user(cls.env, login="portal_officer", groups=OFFICER)
        cls.officer.motcua_unit_ids = cls.unit
        cls.dossier_a = (
            cls.env["motcua.dossier"]
            .with_user(cls.officer)
            .create(
                {
                    "procedure_id": cls.procedure.id,
                    "unit_id": cls.unit.id,
                    "applicant_name": "Citizen A",
                    "applicant_phone": "0912 345 678",
                }
            )
        )
        cls.dossier_a.paper_ids.received = True
        cls.dossier_a.with_user(cls.officer).action_receive()
        # citizen A adds the desk dossier to their account with the printed key
        cls.dossier_a.with_user(cls.citizen_a)._motcua_claim(cls.dossier_a.name, cls.dossier_a.sudo().lookup_key)
        cls.result = cls.env["ir.attachment"].create(
            {
                "name": "result.pdf",
                "datas": base64.b64encode(b"%PDF-1.4 result"),
                "res_model": "motcua.dossier",
                "res_id": cls.dossier_a.id,
            }
        )
        cls.dossier_a.result_attachment_ids = cls.result

    def _csrf(self, url):
        page = self.url_open(url)
        return re.search(r'(?:name="csrf_token" value=|csrf_token: )"([^"]+)"', page.text).group(1)

    def test_citizen_sees_only_own_dossiers(self):
        self.authenticate("citizen_a", "citizen_a_pw")
        mine = self.url_open("/my/dossiers")
        self.assertIn(self.dossier_a.name, mine.text)
        detail = self.url_open(f"/my/dossiers/{self.dossier_a.id}")
        self.assertIn("Portal test procedure", detail.text)
        download = self.url_open(f"/my/dossiers/{self.dossier_a.id}/result/{self.result.id}")
        self.assertEqual(download.status_code, 200)
        self.assertEqual(download.content, b"%PDF-1.4 result")

        self.authenticate("citizen_b", "citizen_b_pw")
        self.assertNotIn(self.dossier_a.name, self.url_open("/my/dossiers").text)
        other = self.url_open(f"/my/dossiers/{self.dossier_a.id}")
        self.assertNotIn(self.dossier_a.name, other.text)
        self.assertEqual(self.url_open(f"/my/dossiers/{self.dossier_a.id}/result/{self.result.id}").status_code, 404)
        # nor through the ORM
        self.assertFalse(self.env["motcua.dossier"].with_user(self.citizen_b).search([]))
        # an attachment of the dossier that is not a result paper is not served
        self.authenticate("citizen_a", "citizen_a_pw")
        other_attachment = self.env["ir.attachment"].create(
            {
                "name": "internal.pdf",
                "datas": base64.b64encode(b"internal"),
                "res_model": "motcua.dossier",
                "res_id": self.dossier_a.id,
            }
        )
        self.assertEqual(
            self.url_open(f"/my/dossiers/{self.dossier_a.id}/result/{other_attachment.id}").status_code, 404
        )

    def test_supplement_online_resumes_clock(self):
        self.dossier_a.with_user(self.officer).action_request_supplement("Signed form")
        self.authenticate("citizen_a", "citizen_a_pw")
        url = f"/my/dossiers/{self.dossier_a.id}"
        self.assertIn("Signed form", self.url_open(url).text)
        csrf = self._csrf(url)
        bad = self.url_open(
            f"{url}/supplement",
            data={"csrf_token": csrf},
            files={"files": ("virus.exe", b"MZ", "application/octet-stream")},
        )
        self.assertIn("is not accepted", bad.text)
        self.assertEqual(self.dossier_a.state, "supplement")
        self.authenticate("citizen_b", "citizen_b_pw")
        csrf_b = self._csrf("/my")
        self.url_open(
            f"{url}/supplement",
            data={"csrf_token": csrf_b},
            files={"files": ("form.pdf", b"%PDF-1.4", "application/pdf")},
        )
        self.assertEqual(self.dossier_a.state, "supplement", "another citizen cannot answer")
        # nor a province monitor, who can read every dossier
        monitor = new_test_user(
            self.env, login="portal_monitor", password="portal_monitor_pw", groups="motcua_base.group_province_monitor"
        )
        self.authenticate("portal_monitor", "portal_monitor_pw")
        self.url_open(
            f"{url}/supplement",
            data={"csrf_token": self._csrf(url)},
            files={"files": ("form.pdf", b"%PDF-1.4", "application/pdf")},
        )
        self.assertEqual(self.dossier_a.state, "supplement", "the monitor cannot answer for the citizen")
        self.assertTrue(monitor)
        self.authenticate("citizen_a", "citizen_a_pw")
        csrf = self._csrf(url)
        self.url_open(
            f"{url}/supplement",
            data={"csrf_token": csrf},
            files={"files": ("form.pdf", b"%PDF-1.4 signed", "application/pdf")},
        )
        self.assertEqual(self.dossier_a.state, "received")
        self.assertTrue(
            self.env["ir.attachment"].search(
                [
                    ("res_model", "=", "motcua.dossier"),
                    ("res_id", "=", self.dossier_a.id),
                    ("name", "ilike", "form.pdf"),
                ]
            )
        )

    def test_online_submission(self):
        self.authenticate("citizen_a", "citizen_a_pw")
        url = f"/my/dossiers/new?procedure_id={self.procedure.id}"
        csrf = self._csrf(url)
        paper = self.procedure.paper_ids
        data = {
            "csrf_token": csrf,
            "procedure_id": self.procedure.id,
            "unit_id": self.unit.id,
            "applicant_name": "Citizen A",
            "applicant_phone": "0912 000 222",
            "applicant_email": "a@example.com",
            "request_summary": "Please",
        }
        count = self.env["motcua.dossier"].search_count([])
        missing = self.url_open("/my/dossiers/new", data=data)
        self.assertIn("Attach the paper", missing.text)
        too_big = self.url_open(
            "/my/dossiers/new",
            data=data,
            files={f"paper_{paper.id}": ("big.pdf", b"x" * (5 * 1024 * 1024 + 1), "application/pdf")},
        )
        self.assertIn("larger than 5 MB", too_big.text)
        self.assertEqual(self.env["motcua.dossier"].search_count([]), count, "nothing half-saved")
        done = self.url_open(
            "/my/dossiers/new",
            data=data,
            files={f"paper_{paper.id}": ("form.pdf", b"%PDF-1.4 form", "application/pdf")},
        )
        dossier = self.env["motcua.dossier"].search(
            [("partner_id", "=", self.citizen_a.partner_id.id), ("channel", "=", "online")]
        )
        self.assertEqual(len(dossier), 1)
        self.assertEqual(dossier.state, "received")
        self.assertTrue(dossier.name.startswith("000.20.66.P66-"))
        self.assertIn(dossier.name, done.text)
        self.assertTrue(dossier.paper_ids.received)
        self.env["motcua.dossier.receipt.mail"]._cron_send()  # the e-mail is produced after the commit
        mail = self.env["mail.mail"].search([("model", "=", "motcua.dossier"), ("res_id", "=", dossier.id)])
        self.assertTrue(mail)
        # the copy of the receipt (personal data) sent with the e-mail is not readable by staff of
        # other units or monitors (only by system administrators, until the e-mail leaves); the
        # e-mail also carries the lookup link with the printed key
        self.assertTrue(mail.attachment_ids)
        self.assertFalse(mail.attachment_ids.with_user(self.officer)._filtered_access("read"))
        self.assertIn(dossier.sudo().lookup_key, mail.body_html)
        # the receiving officer sees it arrive
        self.assertIn(dossier, self.env["motcua.dossier"].with_user(self.officer).search([("channel", "=", "online")]))

    def test_online_papers_matched_by_their_id(self):
        """Two papers of the procedure with the same name: the file sent for the mandatory one
        ticks that one, not the first paper of that name."""
        procedure = self.env["motcua.procedure"].create(
            {
                "code": "POR.0002",
                "name": "Twin papers procedure",
                "duration_days": 3,
                "online_level": "full",
                "unit_id": self.unit.id,
                "paper_ids": [
                    (0, 0, {"sequence": 1, "name": "Copy of the ID card", "mandatory": False}),
                    (0, 0, {"sequence": 2, "name": "Copy of the ID card", "mandatory": True}),
                ],
            }
        )
        optional, mandatory = procedure.paper_ids.sorted("sequence")
        self.authenticate("citizen_a", "citizen_a_pw")
        url = f"/my/dossiers/new?procedure_id={procedure.id}"
        response = self.url_open(
            "/my/dossiers/new",
            data={
                "csrf_token": self._csrf(url),
                "procedure_id": procedure.id,
                "unit_id": self.unit.id,
                "applicant_name": "Citizen A",
                "applicant_email": "a@example.com",
            },
            files={f"paper_{mandatory.id}": ("id.pdf", b"%PDF-1.4 id", "application/pdf")},
        )
        self.assertEqual(response.status_code, 200)
        dossier = self.env["motcua.dossier"].search([("procedure_id", "=", procedure.id)])
        self.assertEqual(dossier.state, "received")
        received = {line.procedure_paper_id: line.received for line in dossier.paper_ids}
        self.assertEqual(received, {optional: False, mandatory: True})

    def test_online_submission_rules_live_on_the_model(self):
        """What the form sends is checked by the model, in the citizen's language; a refusal saves
        nothing and the page answers 400 with the message and the values typed."""
        lang = self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"]._load_module_terms(["motcua_base", "motcua_dossier"], ["vi_VN"])
        Dossier = self.env["motcua.dossier"].with_user(self.citizen_a).with_context(lang=lang.code)
        count = Dossier.sudo().search_count([])
        paper = self.procedure.paper_ids
        values = {"applicant_name": "Citizen A", "applicant_email": "a@example.com"}
        with self.assertRaisesRegex(ValidationError, "Hãy đính kèm giấy tờ: Application form"):
            Dossier._motcua_submit_online(self.procedure, self.unit, values, {})
        with self.assertRaisesRegex(ValidationError, "không được chấp nhận"):
            Dossier._motcua_submit_online(self.procedure, self.unit, values, {paper.id: [("run.exe", b"MZ\x90")]})
        with self.assertRaisesRegex(ValidationError, "không phải là tệp PDF"):
            Dossier._motcua_submit_online(self.procedure, self.unit, values, {paper.id: [("scan.pdf", b"MZ\x90")]})
        other_unit = self.env["motcua.unit"].create({"name": "Elsewhere", "unit_type": "commune"})
        with self.assertRaises(ValidationError):
            Dossier._motcua_submit_online(self.procedure, other_unit, values, {paper.id: [("f.pdf", b"%PDF-1.4")]})
        # a rule of the receipt that fails after the dossier was created: nothing of it is kept
        with self.assertRaisesRegex(ValidationError, "số điện thoại hoặc thư điện tử"):
            Dossier._motcua_submit_online(
                self.procedure, self.unit, {"applicant_name": "No contact"}, {paper.id: [("f.pdf", b"%PDF-1.4")]}
            )
        self.assertEqual(Dossier.sudo().search_count([]), count, "nothing half-saved")
        self.authenticate("citizen_a", "citizen_a_pw")
        url = f"/my/dossiers/new?procedure_id={self.procedure.id}"
        refused = self.url_open(
            "/my/dossiers/new",
            data={
                "csrf_token": self._csrf(url),
                "procedure_id": self.procedure.id,
                "unit_id": self.unit.id,
                "applicant_name": "Citizen A",
                "request_summary": "Line one",
            },
        )
        self.assertEqual(refused.status_code, 400)
        self.assertIn("Attach the paper", refused.text)
        self.assertIn("Line one", refused.text, "what the citizen typed is given back")

    def test_online_submission_not_for_offline_procedure(self):
        self.procedure.online_level = "none"
        self.authenticate("citizen_a", "citizen_a_pw")
        self.assertEqual(self.url_open(f"/my/dossiers/new?procedure_id={self.procedure.id}").status_code, 404)

    def test_hostile_parameters(self):
        self.authenticate("citizen_a", "citizen_a_pw")
        for value in ("abc", "1e3", "9" * 30):
            with self.subTest(value=value):
                self.assertEqual(self.url_open(f"/my/dossiers/new?procedure_id={value}").status_code, 404)
        page = self.url_open(f"/my/dossiers/{self.dossier_a.id}?error=PHISHING-7731+call+1900&success=x")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("PHISHING-7731 call", page.text)

    def test_public_user_redirected(self):
        response = self.url_open("/my/dossiers", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))


@tagged("post_install", "-at_install")
class TestOnlineTour(HttpCase):
    def test_citizen_submits_and_officer_sees_it(self):
        unit = self.env["motcua.unit"].create(
            {"name": "Tour online commune", "unit_type": "commune", "identifier_code": "000.20.88.T88"}
        )
        procedure = self.env["motcua.procedure"].create(
            {
                "code": "TOUR.0002",
                "name": "Tour extract copy",
                "duration_hours": 4,
                "online_level": "full",
                "unit_id": unit.id,
                "paper_ids": [(0, 0, {"name": "Optional copy", "mandatory": False})],
            }
        )
        citizen = new_test_user(
            self.env,
            login="tour_citizen",
            password="tour_citizen_pw",
            groups="base.group_portal",
            name="Tour Citizen",
            email="tour@example.com",
        )
        self.start_tour(
            f"/my/dossiers/new?procedure_id={procedure.id}", "motcua_dossier_online_tour", login="tour_citizen"
        )
        dossier = self.env["motcua.dossier"].search([("partner_id", "=", citizen.partner_id.id)])
        self.assertEqual(dossier.channel, "online")
        self.assertEqual(dossier.state, "received")
        officer = new_test_user(
            self.env,
            login="tour_officer_online",
            password="tour_officer_online_pw",
            groups=OFFICER,
            name="Online officer",
        )
        officer.motcua_unit_ids = unit
        self.start_tour(
            "/odoo/action-motcua_dossier.motcua_dossier_action",
            "motcua_dossier_officer_online_tour",
            login="tour_officer_online",
        )
