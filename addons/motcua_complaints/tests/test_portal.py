import base64
import re

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import SECRET_ID, SECRET_NAME, ComplaintsCommon

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
# a real PNG (1 x 1 pixel): uploads are checked by their content
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=")


@tagged("post_install", "-at_install")
class TestPortal(ComplaintsCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.citizen = new_test_user(cls.env, login="kn_citizen", groups="base.group_portal", name="Phan Văn Công Dân")
        cls.stranger = new_test_user(cls.env, login="kn_stranger", groups="base.group_portal")
        cls.env["ir.config_parameter"].sudo().set_param("motcua.rate_limit.complaint_lookup.limit", 5)

    def _csrf(self, url):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return CSRF.search(response.text).group(1)

    def _submit(self, data, files=None):
        values = {
            "csrf_token": self._csrf("/khieu-nai/gui"),
            "petition_type": "complaint",
            "unit_id": str(self.commune_a.id),
            "subject": "Khiếu nại trực tuyến",
            "content": "Nội dung khiếu nại",
            "name": "Trần Văn Khiếu",
        }
        values.update(data)
        return self.url_open("/khieu-nai/gui", data=values, files=files)

    def _last_petition(self):
        return self.env["motcua.complaint.petition"].search(
            [("unit_id", "=", self.commune_a.id)], order="id desc", limit=1
        )

    def test_public_submission_and_minimal_lookup(self):
        response = self._submit({"id_number": SECRET_ID, "phone": "0912345678"})
        self.assertEqual(response.status_code, 200)
        petition = self._last_petition()
        self.assertEqual(petition.source, "portal")
        self.assertEqual(petition.petitioner_name, "Trần Văn Khiếu")
        self.assertEqual(petition.petitioner_phone, "0912 345 678")
        self.assertIn(petition.code, response.text)
        self.assertIn(petition.access_key, response.text)
        # nothing in the chatter comes from the public user
        self.assertNotIn(self.env.ref("base.public_partner"), petition.message_ids.author_id)

        lookup = self.url_open(
            "/khieu-nai/tra-cuu",
            data={
                "csrf_token": self._csrf("/khieu-nai/tra-cuu"),
                "code": petition.code,
                "key": petition.access_key.lower(),
            },
        )
        self.assertEqual(lookup.status_code, 200)
        self.assertIn("Received", lookup.text)
        self.assertIn(self.commune_a.name, lookup.text)
        for private in ("Trần Văn Khiếu", SECRET_ID, "0912 345 678", "Nội dung khiếu nại"):
            self.assertNotIn(private, lookup.text)
        with mute_logger("odoo.http"):
            wrong = self.url_open(
                "/khieu-nai/tra-cuu",
                data={
                    "csrf_token": self._csrf("/khieu-nai/tra-cuu"),
                    "code": petition.code,
                    "key": "WRONGKEY",
                },
            )
        self.assertEqual(wrong.status_code, 404)
        self.assertNotIn(self.commune_a.name, wrong.text)

    def test_lookup_is_rate_limited(self):
        petition = self._last_petition() or self.env["motcua.complaint.petition"].create(
            {
                "subject": "Thử",
                "petition_type": "proposal",
                "unit_id": self.commune_a.id,
                "petitioner_name": "A",
            }
        )
        token = self._csrf("/khieu-nai/tra-cuu")
        statuses = []
        with mute_logger("odoo.http"):
            for _i in range(6):
                statuses.append(
                    self.url_open(
                        "/khieu-nai/tra-cuu", data={"csrf_token": token, "code": petition.code, "key": "NOPE"}
                    ).status_code
                )
            # even the right key is refused once the limit is reached
            right = self.url_open(
                "/khieu-nai/tra-cuu", data={"csrf_token": token, "code": petition.code, "key": petition.access_key}
            )
        self.assertEqual(statuses, [404] * 5 + [429])
        self.assertEqual(right.status_code, 429)
        self.assertIn("Too many lookups", right.text)

    def test_bad_submissions_keep_the_input(self):
        count = self.env["motcua.complaint.petition"].search_count([])
        with mute_logger("odoo.http"):
            response = self._submit({"name": "", "id_number": "12345"})
            self.assertEqual(response.status_code, 400)
            self.assertIn("Give your full name.", response.text)
            self.assertIn("Khiếu nại trực tuyến", response.text)
            late = self._submit({"date_known": "2020-01-01"})
            self.assertEqual(late.status_code, 400)
            self.assertIn("within 90 days", late.text)
            self.assertIn("Khiếu nại trực tuyến", late.text)
        self.assertEqual(self.env["motcua.complaint.petition"].search_count([]), count)

    def test_a_file_that_is_not_what_its_name_says_is_refused(self):
        count = self.env["motcua.complaint.petition"].search_count([])
        with mute_logger("odoo.http"):
            response = self._submit(
                {"subject": "Đơn có tệp giả"},
                files={"attachments": ("cccd.png", b"MZ\x90\x00 not an image", "image/png")},
            )
        self.assertEqual(response.status_code, 400)
        self.assertIn("The file cccd.png is not a PNG file", response.text)
        self.assertIn("Đơn có tệp giả", response.text)
        self.assertEqual(self.env["motcua.complaint.petition"].search_count([]), count)
        self.assertFalse(self.env["ir.attachment"].search([("name", "=", "cccd.png")]))

    def test_portal_denunciation_with_attachment(self):
        self.authenticate("kn_citizen", "kn_citizen")
        response = self._submit(
            {"petition_type": "denunciation", "name": SECRET_NAME},
            files={"attachments": ("cccd.png", PNG, "image/png")},
        )
        self.assertEqual(response.status_code, 200)
        petition = self._last_petition()
        identity = petition.sudo().identity_id
        self.assertEqual(identity.partner_id, self.citizen.partner_id)
        self.assertEqual(identity.attachment_ids.name, "cccd.png")
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("res_model", "=", "motcua.complaint.petition"), ("res_id", "=", petition.id)]
            )
        )
        self.assertNotIn(self.citizen.partner_id, petition.message_ids.author_id)
        self.assertNotIn(self.citizen.partner_id, petition.message_partner_ids)
        self.assertEqual(petition.with_user(self.specialist_a).petitioner_name, "(protected)")
        # the denouncer sees it, with their identity, in their account
        page = self.url_open(f"/my/khieu-nai/{petition.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn(SECRET_NAME, page.text)
        self.assertIn(petition.code, self.url_open("/my/khieu-nai").text)
        # another citizen does not
        self.authenticate("kn_stranger", "kn_stranger")
        with mute_logger("odoo.http"):
            self.assertEqual(self.url_open(f"/my/khieu-nai/{petition.id}").status_code, 404)
        self.assertNotIn(petition.code, self.url_open("/my/khieu-nai").text)

    def test_published_reception_schedule(self):
        Schedule = self.env["motcua.complaint.schedule"]
        Schedule.create(
            {
                "unit_id": self.commune_a.id,
                "leader_id": self.specialist_a.id,
                "location": "Phòng tiếp dân số 1",
                "date_start": "2099-01-05 01:00:00",
                "date_end": "2099-01-05 04:00:00",
                "is_published": True,
            }
        )
        Schedule.create(
            {
                "unit_id": self.commune_a.id,
                "leader_id": self.specialist_a.id,
                "location": "Phòng họp kín",
                "date_start": "2099-01-06 01:00:00",
                "date_end": "2099-01-06 04:00:00",
            }
        )
        home = self.url_open("/khieu-nai")
        self.assertEqual(home.status_code, 200)
        # the website menu links the schedule (prefixed with the language when it is not the default)
        self.assertRegex(home.text, r'href="(/[a-z]{2}(_[A-Z]{2})?)?/khieu-nai/lich-tiep-cong-dan"')
        page = self.url_open("/khieu-nai/lich-tiep-cong-dan")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Phòng tiếp dân số 1", page.text)
        self.assertNotIn("Phòng họp kín", page.text)

    def test_tour_citizen_submits_and_officer_accepts(self):
        self.start_tour(
            f"/khieu-nai/gui?unit_id={self.commune_a.id}", "motcua_complaints_portal_submit", login="kn_citizen"
        )
        petition = self._last_petition()
        self.assertEqual(petition.subject, "Khiếu nại quyết định xử phạt")
        self.assertEqual(petition.petitioner_name, "Phan Văn Công Dân")
        self.assertEqual(petition.sudo().identity_id.partner_id, self.citizen.partner_id)
        self.start_tour("/odoo/petitions", "motcua_complaints_officer_accept", login="t_officer_a")
        self.assertEqual(petition.state, "accepted")
        self.assertEqual(petition.decision_reason, "Đủ điều kiện thụ lý")
        self.assertTrue(petition.resolution_deadline)
