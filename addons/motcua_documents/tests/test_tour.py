from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestDocumentsTour(HttpCase):
    def test_clerk_registers_and_leader_assigns(self):
        unit = self.env["motcua.unit"].create({"name": "UBND xã Tour", "unit_type": "commune", "abbreviation": "UBNDT"})
        units = [(6, 0, unit.ids)]
        new_test_user(self.env, login="tour_clerk", groups="motcua_base.group_receiving_officer", motcua_unit_ids=units)
        leader = new_test_user(
            self.env, login="tour_leader", groups="motcua_base.group_unit_leader", motcua_unit_ids=units
        )
        specialist = new_test_user(
            self.env,
            login="tour_specialist",
            name="Tour Specialist",
            groups="motcua_base.group_specialist",
            motcua_unit_ids=units,
        )
        self.env["res.partner"].create({"name": "Sở Nội vụ Tour", "is_company": True})
        self.start_tour("/odoo", "motcua_documents_clerk_registers", login="tour_clerk")
        doc = self.env["motcua.incoming.document"].search([("reference", "=", "42/KH-SNV")])
        self.assertEqual(doc.state, "registered")
        self.assertEqual(doc.unit_id, unit)
        self.assertEqual(doc.incoming_number, 1)
        self.start_tour("/odoo", "motcua_documents_leader_assigns", login="tour_leader")
        self.assertEqual(doc.state, "assigned")
        self.assertEqual(doc.lead_user_id, specialist)
        self.assertEqual(doc.assigned_by_id, leader)
        self.assertEqual(doc.handling_days, 3)
        self.assertTrue(doc.deadline)
