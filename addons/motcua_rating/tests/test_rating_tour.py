from odoo.tests import HttpCase, tagged

from .common import RatingCase


@tagged("post_install", "-at_install")
class TestRatingTour(RatingCase, HttpCase):
    def test_citizen_rates_a_returned_dossier_in_the_portal(self):
        self.procedure.name = "Tour rating procedure"
        citizen = self.env["res.users"].create(
            {
                "name": "Tour citizen",
                "login": "tour_citizen",
                "password": "tour_citizen",
                "group_ids": [(6, 0, [self.env.ref("base.group_portal").id])],
            }
        )
        dossier = self.returned_dossier()
        dossier.sudo().partner_id = citizen.partner_id
        self.start_tour("/my/dossiers", "motcua_rating_portal_tour", login="tour_citizen")
        rating = self.ratings_of(dossier)
        self.assertEqual(rating.motcua_channel, "portal")
        self.assertEqual(rating.motcua_level, "3")
        self.assertEqual(rating.motcua_reason_ids, self.reason_wait)
        self.assertEqual(rating.feedback, "Chờ hơi lâu nhưng cán bộ nhiệt tình.")
        self.assertTrue(dossier.rated)
        self.assertTrue(dossier.satisfied)
