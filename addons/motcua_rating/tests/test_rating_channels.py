import re

from odoo.tests import HttpCase, tagged

from odoo.addons.motcua_dossier.tests.common import enable_vietnamese

from .common import RatingCase


@tagged("post_install", "-at_install")
class TestRatingChannels(RatingCase, HttpCase):
    """The citizen's channels as a browser and the SMS gateway use them."""

    def _csrf(self, url):
        page = self.url_open(url)
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

    # ------------------------------------------------------------------ tokenised link
    def test_link_rates_once(self):
        dossier = self.returned_dossier()
        url = f"/danh-gia/{dossier.sudo().rating_token}"
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        self.assertIn(dossier.name, page.text)
        self.assertIn("Waited too long at the desk", page.text)
        self.assertNotIn("Nguyễn Văn An", page.text)  # the applicant is not named
        data = {
            "csrf_token": self._csrf(url),
            "level": "5",
            "reason_ids": [str(self.reason_wait.id)],
            "feedback": "Tốt",
        }
        done = self.url_open(url, data=data)
        self.assertEqual(done.status_code, 200)
        self.assertIn(f"Your rating of dossier {dossier.name} was recorded.", done.text)
        rating = self.ratings_of(dossier)
        self.assertEqual((rating.motcua_channel, rating.rating, rating.feedback), ("link", 5.0, "Tốt"))
        self.assertEqual(rating.motcua_reason_ids, self.reason_wait)
        # the same link again, another level: refused, nothing changed
        again = self.url_open(url, data=dict(data, level="1", csrf_token=self._csrf(url)))
        self.assertEqual(again.status_code, 400)
        self.assertIn("was already rated on", again.text)
        self.assertEqual(len(self.ratings_of(dossier)), 1)
        self.assertEqual(self.ratings_of(dossier).rating, 5.0)
        self.assertTrue(dossier.satisfied)

    def test_link_bad_input(self):
        dossier = self.returned_dossier()
        url = f"/danh-gia/{dossier.sudo().rating_token}"
        bad_level = self.url_open(url, data={"csrf_token": self._csrf(url), "level": "4"})
        self.assertEqual(bad_level.status_code, 400)
        self.assertIn("Choose very satisfied, satisfied or not satisfied.", bad_level.text)
        bad_reason = self.url_open(
            url, data={"csrf_token": self._csrf(url), "level": "3", "reason_ids": ["x", "999999"]}
        )
        self.assertEqual(bad_reason.status_code, 200)
        self.assertFalse(self.ratings_of(dossier).motcua_reason_ids)
        # a dossier not returned yet: the link says so
        open_dossier = self.received_dossier()
        url = f"/danh-gia/{open_dossier.sudo().rating_token}"
        early = self.url_open(url, data={"csrf_token": self._csrf(url), "level": "5"})
        self.assertEqual(early.status_code, 400)
        self.assertIn("can be rated once its result is handed over", early.text)
        self.assertFalse(open_dossier.rated)

    def test_wrong_tokens_are_counted(self):
        for _i in range(10):
            self.assertEqual(self.url_open("/danh-gia/NOT-A-TOKEN").status_code, 404)
        limited = self.url_open("/danh-gia/NOT-A-TOKEN")
        self.assertEqual(limited.status_code, 429)
        self.assertIn("too many times", limited.text)

    # ------------------------------------------------------------------ kiosk
    def test_kiosk_rates_dossiers_of_its_unit(self):
        dossier = self.returned_dossier()
        url = f"/danh-gia/quay/{self.commune_a.id}"
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Rate the service of Commune A", page.text)
        key = dossier.sudo().lookup_key
        data = {"csrf_token": self._csrf(url), "code": dossier.name, "key": key.lower(), "level": "3"}
        done = self.url_open(url, data=data)
        self.assertEqual(done.status_code, 200)
        self.assertIn(f"Your rating of dossier {dossier.name} was recorded.", done.text)
        self.assertEqual(self.ratings_of(dossier).motcua_channel, "kiosk")
        self.assertTrue(dossier.satisfied)
        # another unit's dossier at this kiosk: the neutral answer
        other = self.dossier_b()
        wrong_unit = self.url_open(
            url, data=dict(data, csrf_token=self._csrf(url), code=other.name, key=other.sudo().lookup_key)
        )
        self.assertEqual(wrong_unit.status_code, 404)
        self.assertIn("No dossier matches the dossier code and lookup key you entered.", wrong_unit.text)
        self.assertFalse(other.rated)
        wrong_key = self.url_open(url, data=dict(data, csrf_token=self._csrf(url), key="ZZZZZZ"))
        self.assertEqual(wrong_key.status_code, 404)
        # the same dossier twice: refused with the reason
        twice = self.url_open(url, data=dict(data, csrf_token=self._csrf(url), level="1"))
        self.assertEqual(twice.status_code, 400)
        self.assertIn("was already rated on", twice.text)
        self.assertEqual(self.ratings_of(dossier).rating, 3.0)
        self.assertEqual(self.url_open("/danh-gia/quay/999999").status_code, 404)

    def test_kiosk_is_rate_limited(self):
        url = f"/danh-gia/quay/{self.commune_a.id}"
        csrf = self._csrf(url)
        for _i in range(10):
            response = self.url_open(url, data={"csrf_token": csrf, "code": "X-1", "key": "AAAAAA", "level": "5"})
            self.assertEqual(response.status_code, 404)
        dossier = self.returned_dossier()
        limited = self.url_open(
            url, data={"csrf_token": csrf, "code": dossier.name, "key": dossier.sudo().lookup_key, "level": "5"}
        )
        self.assertEqual(limited.status_code, 429)
        self.assertFalse(dossier.rated)

    # ------------------------------------------------------------------ SMS
    def _sms(self, text, sender="0912000111"):
        return self.url_open(
            "/api/v1/sms/inbound", data={"from": sender, "text": text}, headers={"X-MotCua-Secret": "s3cret-value"}
        )

    def test_sms_keyword(self):
        enable_vietnamese(self.env)
        self.env["ir.module.module"]._load_module_terms(["motcua_rating"], ["vi_VN"])
        self.env.company.motcua_sms_inbound_secret = "s3cret-value"
        dossier = self.returned_dossier()
        key = dossier.sudo().lookup_key
        ok = self._sms(f"dg {dossier.name} {key} 1")
        self.assertEqual(ok.status_code, 200)
        self.assertEqual(ok.text, f"Cam on ong/ba: danh gia ho so {dossier.name} da duoc ghi nhan.")
        rating = self.ratings_of(dossier)
        self.assertEqual((rating.motcua_channel, rating.rating), ("sms", 1.0))
        self.assertFalse(dossier.satisfied)
        log = self.env["motcua.sms.inbound"].sudo().search([], limit=1)
        self.assertEqual((log.result, log.dossier_id), ("rated", dossier))
        again = self._sms(f"DG {dossier.name} {key} 5")
        self.assertIn(f"Ho so {dossier.name} da duoc danh gia ngay", again.text)
        self.assertEqual(self.env["motcua.sms.inbound"].sudo().search([], limit=1).result, "rating_refused")
        self.assertEqual(self.ratings_of(dossier).rating, 1.0)
        wrong = self._sms(f"DG {dossier.name} WRONG1 5")
        self.assertEqual(wrong.text, "Khong tim thay ho so khop voi ma ho so va ma tra cuu da nhap.")
        bad_level = self._sms(f"DG {self.returned_dossier().name} {key} 9")
        self.assertEqual(bad_level.status_code, 200)
        # the lookup keyword still works
        self.assertIn(dossier.name, self._sms(f"TRA {dossier.name} {key}").text)

    # ------------------------------------------------------------------ portal
    def test_portal_owner_rates_others_cannot(self):
        citizen = self.env["res.users"].create(
            {
                "name": "Citizen R",
                "login": "citizen_r",
                "password": "citizen_r_pw",
                "group_ids": [(6, 0, [self.env.ref("base.group_portal").id])],
            }
        )
        mine = self.returned_dossier()
        mine.sudo().partner_id = citizen.partner_id
        theirs = self.returned_dossier()
        self.authenticate("citizen_r", "citizen_r_pw")
        page = self.url_open(f"/my/dossiers/{mine.id}")
        self.assertIn("Rate the service", page.text)
        csrf = self._csrf(f"/my/dossiers/{mine.id}")
        forged = self.url_open(f"/my/dossiers/{theirs.id}/rating", data={"csrf_token": csrf, "level": "1"})
        self.assertTrue(forged.url.endswith("/my"))
        self.assertFalse(theirs.rated)
        done = self.url_open(f"/my/dossiers/{mine.id}/rating", data={"csrf_token": csrf, "level": "5"})
        self.assertIn("Thank you: your rating was recorded.", done.text)
        self.assertEqual(self.ratings_of(mine).motcua_channel, "portal")
        twice = self.url_open(f"/my/dossiers/{mine.id}/rating", data={"csrf_token": csrf, "level": "1"})
        self.assertEqual(twice.status_code, 400)
        self.assertIn("was already rated on", twice.text)
        self.assertEqual(self.ratings_of(mine).rating, 5.0)
        # an officer who reads the dossier is not its applicant
        self.authenticate("t_officer_a", "t_officer_a")
        csrf = self._csrf(f"/danh-gia/quay/{self.commune_a.id}")
        self.url_open(f"/my/dossiers/{theirs.id}/rating", data={"csrf_token": csrf, "level": "5"})
        self.assertFalse(theirs.rated)

    # ------------------------------------------------------------------ transparency
    def test_transparency_page_shows_satisfaction_rate(self):
        self.returned_dossier()._motcua_rate("kiosk", "5")
        self.returned_dossier()._motcua_rate("kiosk", "1")
        self.returned_dossier()._motcua_rate("kiosk", "3")
        self.dossier_b()  # settled, nobody rated
        self.env["motcua.public.figures"]._motcua_refresh()  # the page shows the kept figures
        page = self.url_open("/cong-khai")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Satisfaction rate", page.text)
        # the first period (this month): one row per unit, the rate in its last cell
        month = page.text.split("<table>")[1].split("</table>")[0]
        rows = dict(re.findall(r"<td>[^<]*(Commune [AB])</td>(.*?)</tr>", month, re.S))
        cell = r'o_motcua_satisfaction"[^>]*>\s*([^<]*?)\s*</td>'
        self.assertEqual(re.findall(cell, rows["Commune A"]), ["66.7%"])
        self.assertEqual(re.findall(cell, rows["Commune B"]), ["—"])
