from datetime import timedelta

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.motcua_dossier.tests.common import enable_vietnamese

from .common import RatingCase


@tagged("post_install", "-at_install")
class TestRating(RatingCase):
    def test_rating_fills_the_indicator_fields(self):
        happy = self.returned_dossier()
        unhappy = self.returned_dossier(applicant_name="Trần Thị Bình")
        self.assertFalse(happy.rated)
        self.assertFalse(happy.satisfied)
        self.assertEqual(happy.returned_by_id, self.officer_a)
        happy._motcua_rate("kiosk", "3", [self.reason_wait.id], "  Chờ hơi lâu.  ")
        unhappy._motcua_rate("link", "1", [self.reason_papers.id, self.reason_wait.id])
        self.assertTrue(happy.rated)
        self.assertTrue(happy.satisfied)
        self.assertTrue(unhappy.rated)
        self.assertFalse(unhappy.satisfied)
        rating = self.ratings_of(happy)
        self.assertEqual(len(rating), 1)
        self.assertEqual(rating.rating, 3.0)
        self.assertEqual(rating.motcua_level, "3")
        self.assertEqual(rating.motcua_channel, "kiosk")
        self.assertEqual(rating.feedback, "Chờ hơi lâu.")
        self.assertEqual(rating.motcua_reason_ids, self.reason_wait)
        self.assertEqual(rating.motcua_officer_id, self.officer_a)
        self.assertEqual(rating.motcua_unit_id, self.commune_a)
        self.assertEqual(rating.motcua_procedure_id, self.procedure)
        # no personal data: named after the code, no customer
        self.assertEqual(rating.res_name, happy.name)
        self.assertFalse(rating.partner_id)
        self.assertEqual(self.ratings_of(unhappy).motcua_reason_ids, self.reason_papers | self.reason_wait)
        # the chatter says a rating came, not what it says
        note = happy.message_ids[0]
        self.assertIn("The citizen rated the service (Kiosk at the desk).", note.body)
        self.assertNotIn("Chờ hơi lâu", note.body)

    def test_one_rating_per_dossier_first_channel_wins(self):
        dossier = self.returned_dossier()
        dossier._motcua_rate("portal", "5")
        for channel in ("portal", "sms", "kiosk", "link"):
            with self.subTest(channel=channel), self.assertRaisesRegex(UserError, "already rated on .* \\(Portal\\)"):
                dossier._motcua_rate(channel, "1")
        self.assertEqual(len(self.ratings_of(dossier)), 1)
        self.assertEqual(self.ratings_of(dossier).rating, 5.0)
        self.assertTrue(dossier.satisfied)

    def test_only_returned_dossiers_are_rated(self):
        dossier = self.received_dossier()
        with self.assertRaisesRegex(UserError, "can be rated once its result is handed over"):
            dossier._motcua_rate("kiosk", "5")
        self.assertFalse(dossier.rated)
        self.assertFalse(self.ratings_of(dossier))

    def test_levels_and_channels_are_checked(self):
        dossier = self.returned_dossier()
        for level in ("4", "0", "", "x", "55"):
            with self.subTest(level=level), self.assertRaisesRegex(ValidationError, "very satisfied, satisfied"):
                dossier._motcua_rate("kiosk", level)
        with self.assertRaisesRegex(ValidationError, "Unknown rating channel"):
            dossier._motcua_rate("fax", "5")
        self.assertFalse(dossier.rated)

    def test_officer_is_who_received_when_nobody_returned(self):
        dossier = self.returned_dossier()
        dossier.sudo().returned_by_id = False
        dossier._motcua_rate("kiosk", "5")
        self.assertEqual(self.ratings_of(dossier).motcua_officer_id, self.officer_a)

    def test_satisfaction_rate_per_unit(self):
        for level in ("5", "3", "1", "1"):
            self.returned_dossier()._motcua_rate("kiosk", level)
        self.returned_dossier()  # returned, not rated: not counted
        self.dossier_b()._motcua_rate("sms", "5")
        today = self.env["motcua.dossier"]._now().date()
        rates = self.env["motcua.dossier"]._motcua_satisfaction_by_unit(
            today - timedelta(days=1), today + timedelta(days=2)
        )
        self.assertEqual(rates[self.commune_a.id], 50.0)
        self.assertEqual(rates[self.commune_b.id], 100.0)
        self.assertNotIn(self.department.id, rates)

    def test_request_by_email_and_by_sms(self):
        # the citizens are written to in Vietnamese
        enable_vietnamese(self.env)
        self.env["ir.module.module"]._load_module_terms(["motcua_rating"], ["vi_VN"])
        by_mail = self.returned_dossier(applicant_email="an@example.com")
        by_mail.with_user(self.officer_a).action_motcua_request_rating()
        mails = self.env["mail.mail"].sudo().search([("model", "=", "motcua.dossier"), ("res_id", "=", by_mail.id)])
        mail = mails.filtered(lambda m: "/danh-gia/" in (m.body_html or ""))
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.subject, f"Ông/bà đánh giá thế nào về việc giải quyết hồ sơ {by_mail.name}?")
        self.assertIn("Đánh giá mức độ hài lòng", mail.body_html)
        self.assertIn(f"/danh-gia/{by_mail.sudo().rating_token}", mail.body_html)
        self.assertIn("Rating request e-mailed to the applicant.", by_mail.message_ids[0].body)
        self.assertNotIn(by_mail.sudo().rating_token, by_mail.message_ids[0].body)
        by_sms = self.returned_dossier()
        by_sms.with_user(self.officer_a).action_motcua_request_rating()
        sms = self.sms_of(by_sms)[-1]
        key = by_sms.sudo().lookup_key
        self.assertEqual(
            sms.body,
            f"Danh gia ho so {by_sms.name}: nhan DG {by_sms.name} {key} 5, 3 hoac 1 (rat hai long, hai long, "
            "khong hai long).",
        )
        # the staff's view of the SMS hides the key
        self.assertNotIn(key, by_sms.message_ids[0].body)
        by_sms._motcua_rate("sms", "5")
        with self.assertRaisesRegex(UserError, "cannot be rated now"):
            by_sms.with_user(self.officer_a).action_motcua_request_rating()
