from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import RatingCase


@tagged("post_install", "-at_install")
class TestRatingSecurity(RatingCase):
    """What a hostile colleague can do over RPC with the ratings of dossiers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the attackers may export: what they export is what the record rules let them read
        export = cls.env.ref("base.group_allow_export")
        for user in (cls.officer_a, cls.specialist_a, cls.leader_b):
            user.group_ids |= export

    def setUp(self):
        super().setUp()
        self.dossier_a = self.returned_dossier()
        self.dossier_a._motcua_rate("kiosk", "1", [self.reason_wait.id], "Cán bộ X thái độ không tốt")
        self.rating_a = self.ratings_of(self.dossier_a)
        self.dossier_bb = self.dossier_b()
        self.dossier_bb._motcua_rate("link", "5", [], "Rất tốt")
        self.rating_b = self.ratings_of(self.dossier_bb)
        self.Rating = self.env["rating.rating"]
        self.dossier_model = self.env["ir.model"]._get_id("motcua.dossier")

    def test_nobody_forges_a_rating_over_rpc(self):
        fresh = self.returned_dossier()
        for user in (self.officer_a, self.specialist_a, self.leader_a, self.monitor, self.admin_user):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.Rating.with_user(user).create(
                        {"res_model_id": self.dossier_model, "res_id": fresh.id, "rating": 5, "consumed": True}
                    )
                with self.assertRaises(AccessError):
                    self.rating_a.with_user(user).write({"rating": 5, "feedback": "Tốt"})
                with self.assertRaises(AccessError):
                    self.rating_a.with_user(user).unlink()
                with self.assertRaises(AccessError):
                    self.rating_a.with_user(user).reset()
        self.assertFalse(fresh.rated)
        self.assertEqual(self.rating_a.rating, 1.0)
        self.assertEqual(self.rating_a.feedback, "Cán bộ X thái độ không tốt")

    def test_officer_cannot_rate_through_the_chatter_or_odoo_rating_api(self):
        fresh = self.returned_dossier().with_user(self.officer_a)
        with self.assertRaisesRegex(AccessError, "rating pages of the one-stop desk only"):
            fresh.message_post(body="5 sao", rating_value=5)
        with self.assertRaisesRegex(AccessError, "rating pages of the one-stop desk only"):
            fresh.rating_apply(5, token=self.rating_a.sudo().access_token)
        with self.assertRaisesRegex(AccessError, "rating pages of the one-stop desk only"):
            self.dossier_a.sudo().rating_apply(5, token=self.rating_a.sudo().access_token)
        self.assertFalse(fresh.rated)
        self.assertEqual(self.rating_a.rating, 1.0)

    def test_indicator_fields_are_not_written_over_rpc(self):
        fresh = self.returned_dossier()
        for field, value in [
            ("rated", True),
            ("satisfied", True),
            ("returned_by_id", self.officer_b.id),
            ("rating_last_value", 5),
        ]:
            for user in (self.officer_a, self.leader_a):
                with self.subTest(field=field, user=user.login), self.assertRaises(AccessError):
                    fresh.with_user(user).write({field: value})
        with self.assertRaises(AccessError):
            self.dossier_a.with_user(self.leader_a).write({"satisfied": True})
        with self.assertRaises(AccessError):
            fresh.with_user(self.officer_a).write(
                {"rating_ids": [(0, 0, {"res_model_id": self.dossier_model, "rating": 5, "consumed": True})]}
            )
        self.assertFalse(fresh.rated)
        self.assertFalse(self.dossier_a.satisfied)

    def test_officers_do_not_read_ratings_or_comments(self):
        for user in (self.officer_a, self.specialist_a):
            Rating = self.Rating.with_user(user)
            with self.subTest(user=user.login):
                self.assertEqual(Rating.search_read([("res_model", "=", "motcua.dossier")], ["feedback"]), [])
                self.assertEqual(Rating.search_count([("feedback", "ilike", "thái độ")]), 0)
                self.assertEqual(Rating.name_search(self.dossier_a.name), [])
                self.assertEqual(Rating._read_group([], ["motcua_unit_id"], ["__count"]), [])
                with self.assertRaises(AccessError):
                    self.rating_a.with_user(user).read(["feedback"])
                with self.assertRaises(AccessError):
                    self.rating_a.with_user(user).export_data(["feedback"])
                dossier = self.dossier_a.with_user(user)
                # what the officer sees: the indicator fields of their unit's dossier
                self.assertEqual(dossier.read(["rated", "satisfied"])[0]["satisfied"], False)
                with self.assertRaises(AccessError):
                    dossier.read(["rating_ids"])
                with self.assertRaises(AccessError):
                    dossier.read(["rating_last_feedback"])
                with self.assertRaises(AccessError):
                    dossier.search([("rating_ids.feedback", "ilike", "thái độ")])
                with self.assertRaises(AccessError):
                    dossier.search([("rating_last_feedback", "ilike", "thái độ")])
                # nor through the chatter
                self.assertFalse(
                    self.env["mail.message"]
                    .with_user(user)
                    .search([("model", "=", "motcua.dossier"), ("body", "ilike", "thái độ")])
                )

    def test_leaders_read_their_unit_tree_monitor_all(self):
        leader = self.Rating.with_user(self.leader_a)
        self.assertEqual(leader.search([("res_model", "=", "motcua.dossier")]), self.rating_a)
        self.assertEqual(
            self.rating_a.with_user(self.leader_a).read(["feedback"])[0]["feedback"], "Cán bộ X thái độ không tốt"
        )
        self.assertEqual(self.dossier_a.with_user(self.leader_a).rating_last_feedback, "Cán bộ X thái độ không tốt")
        # another unit's leader: nothing of commune A on any read path
        other = self.Rating.with_user(self.leader_b)
        self.assertEqual(other.search([("res_model", "=", "motcua.dossier")]), self.rating_b)
        self.assertEqual(other.search_count([("feedback", "ilike", "thái độ")]), 0)
        self.assertEqual(other.name_search(self.dossier_a.name), [])
        groups = other._read_group([("res_model", "=", "motcua.dossier")], ["motcua_unit_id"], ["__count"])
        self.assertEqual(groups, [(self.commune_b, 1)])
        with self.assertRaises(AccessError):
            self.rating_a.with_user(self.leader_b).read(["feedback"])
        with self.assertRaises(AccessError):
            self.rating_a.with_user(self.leader_b).export_data(["feedback", "motcua_reason_ids/name"])
        # the district's leader sees the communes below, the monitor every unit
        self.assertEqual(
            self.Rating.with_user(self.district_leader).search([("res_model", "=", "motcua.dossier")]),
            self.rating_a | self.rating_b,
        )
        mine = [("motcua_unit_id", "in", [self.commune_a.id, self.commune_b.id])]
        self.assertEqual(self.Rating.with_user(self.monitor).search(mine), self.rating_a | self.rating_b)

    def test_pending_ratings_are_not_read(self):
        """A rating not consumed yet carries a token: nobody reads it over RPC."""
        fresh = self.returned_dossier()
        pending = self.Rating.sudo().create({"res_model_id": self.dossier_model, "res_id": fresh.id})
        for user in (self.leader_a, self.monitor):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                pending.with_user(user).read(["access_token"])

    def test_portal_users_read_nothing(self):
        with self.assertRaises(AccessError):
            self.Rating.with_user(self.portal).search([])
        with self.assertRaises(AccessError):
            self.rating_a.with_user(self.portal).read(["feedback"])
