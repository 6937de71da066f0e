from odoo.tests import HttpCase, tagged

from odoo.addons.motcua_base.tests.common import SPECIALIST

from .common import DocumentsCase


@tagged("post_install", "-at_install")
class TestDocumentsTour(DocumentsCase, HttpCase):
    def test_clerk_registers_and_leader_assigns(self):
        specialist = self._user("tour_specialist", SPECIALIST, self.commune_a, name="Tour Specialist")
        self.env["res.partner"].create({"name": "Sở Nội vụ Tour", "is_company": True})
        self.start_tour("/odoo", "motcua_documents_clerk_registers", login=self.officer_a.login)
        doc = self.env["motcua.incoming.document"].search([("reference", "=", "42/KH-SNV")])
        self.assertEqual(doc.state, "registered")
        self.assertEqual(doc.unit_id, self.commune_a)
        self.assertEqual(doc.incoming_number, 1)
        self.start_tour("/odoo", "motcua_documents_leader_assigns", login=self.leader_a.login)
        self.assertEqual(doc.state, "assigned")
        self.assertEqual(doc.lead_user_id, specialist)
        self.assertEqual(doc.assigned_by_id, self.leader_a)
        self.assertEqual(doc.handling_days, 3)
        self.assertTrue(doc.deadline)
