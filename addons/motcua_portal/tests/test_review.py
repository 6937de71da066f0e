from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import PortalCommon


@tagged("post_install", "-at_install")
class TestReview(PortalCommon):
    """Unit editors write their unit's news; a leader of the unit publishes it, never their own."""

    def test_editor_writes_own_unit_news_and_leader_publishes(self):
        post = self._post(self.editor_a, self.blog_a)
        self.assertEqual(post.motcua_unit_id, self.commune_a)
        self.assertEqual(post.state, "draft")
        self.assertFalse(post.website_published)
        post.with_user(self.editor_a).write({"name": "Lịch tiếp công dân tháng 12"})
        post.with_user(self.editor_a).action_motcua_submit()
        self.assertEqual((post.state, post.motcua_submitted_by_id), ("to_approve", self.editor_a))
        self.assertFalse(post.is_published)
        # what waits for approval is what gets published: the editor cannot change it meanwhile
        with self.assertRaisesRegex(UserError, "send it back to draft"):
            post.with_user(self.editor_a).write({"content": "<p>Nội dung khác</p>"})
        post.with_user(self.leader_a).action_motcua_approve()
        self.assertEqual(post.state, "published")
        self.assertTrue(post.is_published)
        self.assertTrue(post.published_date)
        self.assertEqual(post.motcua_approved_by_id, self.leader_a)
        bodies = post.message_ids.mapped("body")
        self.assertTrue(any("Approved and published" in body for body in bodies), bodies)
        self.assertTrue(any("Submitted for approval" in body for body in bodies), bodies)
        # logged in the chatter under the names of who did it
        approval = post.message_ids.filtered(lambda m: "Approved and published" in m.body)
        self.assertEqual(approval.author_id, self.leader_a.partner_id)
        submission = post.message_ids.filtered(lambda m: "Submitted for approval" in m.body)
        self.assertEqual(submission.author_id, self.editor_a.partner_id)
        self.assertEqual(post.motcua_public_url, f"/don-vi/commune-a/tin/lich-tiep-cong-dan-thang-12-{post.id}")

    def test_editor_cannot_touch_another_units_news(self):
        post_b = self._post(self.editor_b, self.blog_b)
        with self.assertRaises(AccessError):
            post_b.with_user(self.editor_a).write({"name": "Tin giả"})
        with self.assertRaises(AccessError):
            post_b.with_user(self.editor_a).unlink()
        with self.assertRaises(AccessError):
            post_b.with_user(self.editor_a).action_motcua_submit()
        with self.assertRaises(AccessError):
            self._post(self.editor_a, self.blog_b, name="Tin đăng hộ phường B")
        self.assertEqual(post_b.name, "Thông báo lịch tiếp công dân")

    def test_editor_cannot_move_a_post_into_another_units_site(self):
        post = self._post(self.editor_a, self.blog_a)
        with self.assertRaises(AccessError):
            post.with_user(self.editor_a).write({"blog_id": self.blog_b.id})
        self.assertEqual(post.motcua_unit_id, self.commune_a)

    def test_editor_cannot_publish_directly(self):
        post = self._post(self.editor_a, self.blog_a)
        for vals in ({"website_published": True}, {"is_published": True}, {"state": "published"}):
            with self.assertRaisesRegex(AccessError, "review step"):
                post.with_user(self.editor_a).write(vals)
        with self.assertRaisesRegex(AccessError, "review step"):
            post.with_user(self.editor_a).website_publish_button()
        with self.assertRaisesRegex(AccessError, "review step"):
            self._post(self.editor_a, self.blog_a, is_published=True)
        with self.assertRaisesRegex(AccessError, "review step"):
            self._post(self.editor_a, self.blog_a, state="published")
        self.assertFalse(post.is_published)
        # the province editor publishes through the review too
        with self.assertRaisesRegex(AccessError, "review step"):
            post.with_user(self.province_editor).write({"is_published": True})

    def test_nobody_approves_their_own_submission_nor_another_units(self):
        post = self._post(self.leader_editor_a, self.blog_a)
        post.with_user(self.leader_editor_a).action_motcua_submit()
        with self.assertRaisesRegex(AccessError, "another leader"):
            post.with_user(self.leader_editor_a).action_motcua_approve()
        with self.assertRaisesRegex(AccessError, "Only a leader"):
            post.with_user(self.editor_a).action_motcua_approve()
        with self.assertRaisesRegex(AccessError, "Only a leader"):
            post.with_user(self.leader_b).action_motcua_approve()
        with self.assertRaisesRegex(AccessError, "Only a leader"):
            post.with_user(self.province_editor).action_motcua_approve()
        self.assertEqual(post.state, "to_approve")
        # a leader of a unit above approves
        post.with_user(self.district_leader).action_motcua_approve()
        self.assertTrue(post.is_published)

    def test_leader_sends_back_and_editor_withdraws(self):
        post = self._post(self.editor_a, self.blog_a)
        post.with_user(self.editor_a).action_motcua_submit()
        post.with_user(self.leader_a).action_motcua_send_back()
        self.assertEqual(post.state, "draft")
        post.with_user(self.editor_a).write({"name": "Bản sửa"})
        post.with_user(self.editor_a).action_motcua_submit()
        post.with_user(self.leader_a).action_motcua_approve()
        with self.assertRaises(AccessError):
            post.with_user(self.editor_b).action_motcua_send_back()
        post.with_user(self.editor_a).action_motcua_send_back()
        self.assertEqual(post.state, "draft")
        self.assertFalse(post.is_published)
        with self.assertRaisesRegex(UserError, "Approving is not possible"):
            post.with_user(self.leader_a).action_motcua_approve()

    def test_province_editor_features_any_post_unit_editor_cannot(self):
        post_b = self._published_post(self.editor_b, self.blog_b, self.leader_b)
        post_a = self._published_post(self.editor_a, self.blog_a, self.leader_a)
        with self.assertRaisesRegex(AccessError, "province web editor"):
            post_a.with_user(self.editor_a).write({"motcua_featured": True})
        with self.assertRaisesRegex(AccessError, "province web editor"):
            self._post(self.editor_a, self.blog_a, motcua_featured=True)
        post_b.with_user(self.province_editor).write({"motcua_featured": True})
        self.assertTrue(post_b.motcua_featured)
        news = self.env["blog.post"]._motcua_portal_news(limit=50)
        self.assertLess(list(news).index(post_b), list(news).index(post_a))

    def test_editor_content_is_sanitized(self):
        post = self._post(self.editor_a, self.blog_a)
        post.with_user(self.editor_a).write(
            {"content": '<p>Tin</p><script>alert("x")</script><img src=x onerror="a()">'}
        )
        self.assertNotIn("<script", post.content)
        self.assertNotIn("onerror", post.content)

    def test_blog_unit_is_not_writable(self):
        # the unit of a blog decides who edits its posts: not even a website designer moves it
        designer = self._user("designer", "website.group_website_designer", None)
        with self.assertRaisesRegex(AccessError, "unit site is created"):
            self.blog_a.with_user(designer).write({"motcua_unit_id": self.commune_b.id})
        self.assertEqual(self.blog_a.motcua_unit_id, self.commune_a)
