from odoo.tests import HttpCase, tagged

from .common import CivilRegistryCommon


@tagged("post_install", "-at_install")
class TestCivilTour(HttpCase, CivilRegistryCommon):
    def test_officer_registers_a_birth_and_prints_the_extract(self):
        self.start_tour("/odoo", "motcua_civil_registry_birth", login=self.civil_a.login)
        event = self.env["motcua.civil.event"].search([("person_name", "=", "Lê Thị Tour")])
        self.assertEqual(event.state, "registered")
        self.assertEqual(event.unit_id, self.commune_a)
        self.assertEqual(event.entry_number, 1)
        self.assertEqual(event.print_count, 1)
        self.assertEqual(event.mother_id.name, "Võ Thị Mẹ Tour")
