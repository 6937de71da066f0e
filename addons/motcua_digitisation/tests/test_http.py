from odoo.tests import HttpCase, tagged

from odoo.addons.motcua_documents.tests import pki

from .common import PkiDigitisationCase


@tagged("post_install", "-at_install")
class TestDigitisationHttp(PkiDigitisationCase, HttpCase):
    def setUp(self):
        super().setUp()
        self.dossier = self.issued(pdf=pki.make_pdf())
        self.dossier.sudo().partner_id = self.portal.partner_id
        self.entry = self.dossier.eresult_id.sudo()
        self.signed = self.entry.attachment_id.raw
        self.url = f"/xac-minh/ket-qua/{self.entry.token}"

    def verify(self, url=None, upload=None):
        if upload is None:
            return self.url_open(url or self.url)
        return self.url_open(
            url or self.url,
            data={"csrf_token": self.csrf_token()},
            files={"upload": ("ket-qua.pdf", upload, "application/pdf")},
        )

    def csrf_token(self):
        page = self.url_open(self.url).text
        return page.split('name="csrf_token" value="')[1].split('"')[0]

    def test_the_verification_page_shows_the_minimum(self):
        response = self.verify()
        self.assertEqual(response.status_code, 200)
        page = response.text
        self.assertIn("This electronic result was issued.", page)
        self.assertIn(self.dossier.name, page)
        self.assertIn("Test marital-status confirmation", page)
        self.assertIn("Check the file", page)
        self.assertIn("Commune A", page)
        for secret in ("Nguyễn Văn An", "080090001234", "0912345678", "1 Hùng Vương", self.entry.digest):
            self.assertNotIn(secret, page)

    def test_a_wrong_token_leaks_nothing(self):
        for token in ("x" * 32, self.entry.token[:-1] + ("A" if self.entry.token[-1] != "A" else "B"), "abc"):
            response = self.verify(f"/xac-minh/ket-qua/{token}")
            self.assertEqual(response.status_code, 404)
            self.assertIn("No electronic result was found for this address.", response.text)
            self.assertNotIn(self.dossier.name, response.text)
            self.assertNotIn("Commune A", response.text)

    def test_the_issued_pdf_matches_and_a_tampered_one_is_refused(self):
        response = self.verify(upload=self.signed)
        self.assertEqual(response.status_code, 200)
        self.assertIn(
            "The file you sent is this electronic result, unchanged, and its signature is valid.", response.text
        )
        # one byte of the signed content changed (a forger's edit), the file otherwise intact
        middle = len(self.signed) // 4
        tampered = self.signed[:middle] + bytes([self.signed[middle] ^ 0x01]) + self.signed[middle + 1 :]
        self.assertNotEqual(tampered, self.signed)
        response = self.verify(upload=tampered)
        self.assertIn("The file you sent is NOT this electronic result", response.text)
        self.assertNotIn("unchanged, and its signature is valid", response.text)
        response = self.verify(upload=pki.make_pdf("Another paper"))
        self.assertIn("The file you sent is NOT this electronic result", response.text)

    def test_guessing_tokens_is_rate_limited(self):
        self.env["ir.config_parameter"].sudo().set_param("motcua.rate_limit.eresult_verification.limit", 3)
        for _attempt in range(3):
            self.assertEqual(self.verify("/xac-minh/ket-qua/" + "y" * 32).status_code, 404)
        response = self.verify()
        self.assertEqual(response.status_code, 429)
        self.assertIn("Too many verification attempts from your address.", response.text)
        self.assertNotIn(self.dossier.name, response.text)

    def test_the_owner_downloads_the_signed_result_in_the_portal(self):
        self.authenticate(self.portal.login, self.portal.login)
        page = self.url_open(f"/my/dossiers/{self.dossier.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Download the signed result (PDF)", page.text)
        link = f"/my/dossiers/{self.dossier.id}/result/{self.entry.attachment_id.id}"
        self.assertIn(link, page.text)
        response = self.url_open(link)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, self.signed)

    def test_another_citizen_or_unit_gets_nothing(self):
        link = f"/my/dossiers/{self.dossier.id}/result/{self.entry.attachment_id.id}"
        other = self.env["res.users"].create(
            {
                "name": "Other citizen",
                "login": "other_citizen",
                "password": "other_citizen",
                "group_ids": [(6, 0, [self.env.ref("base.group_portal").id])],
            }
        )
        self.authenticate(other.login, other.login)
        self.assertEqual(self.url_open(link).status_code, 404)
        self.assertNotEqual(self.url_open(f"/web/content/{self.entry.attachment_id.id}").content, self.signed)
        for user in (self.officer_b, self.monitor):
            self.authenticate(user.login, user.login)
            response = self.url_open(f"/web/content/{self.entry.attachment_id.id}?download=true")
            self.assertIn(response.status_code, (403, 404), user.login)
            self.assertNotEqual(response.content, self.signed)

    def test_a_scan_downloaded_by_its_handler_is_logged(self):
        dossier = self.new_dossier()
        self.attach(self.line(dossier))
        scan = self.line(dossier).scan_id.sudo()
        self.authenticate(self.officer_b.login, self.officer_b.login)
        refused = self.url_open(f"/web/content/{scan.attachment_id.id}?download=true")
        self.assertIn(refused.status_code, (403, 404))
        self.authenticate(self.officer_a.login, self.officer_a.login)
        response = self.url_open(f"/web/content/{scan.attachment_id.id}?download=true")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, self.scan_pdf)
        log = self.env["motcua.access.log"].search(
            [("res_model", "=", scan._name), ("res_id", "=", scan.id), ("user_id", "=", self.officer_a.id)]
        )
        self.assertEqual(log.access_type, "download")
