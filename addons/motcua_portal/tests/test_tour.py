from odoo.tests import HttpCase, tagged

from .common import PortalCommon


@tagged("post_install", "-at_install")
class TestTour(PortalCommon, HttpCase):
    def test_editor_writes_leader_approves_visitor_reads(self):
        self.start_tour("/odoo/unit-news", "motcua_portal_editor_writes", login=self.editor_a.login)
        post = self.env["blog.post"].search([("name", "=", "Phường A ra quân dọn vệ sinh môi trường")])
        self.assertEqual(post.motcua_unit_id, self.commune_a)
        self.assertEqual(post.state, "to_approve")
        self.assertFalse(post.is_published)
        self.start_tour("/odoo/unit-news-to-approve", "motcua_portal_leader_approves", login=self.leader_a.login)
        self.assertEqual(post.state, "published")
        self.assertEqual(post.motcua_approved_by_id, self.leader_a)
        self.start_tour("/don-vi/commune-a?debug=tests", "motcua_portal_visitor_reads")
