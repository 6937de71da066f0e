from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestUnitTour(HttpCase):
    def test_administrator_imports_units(self):
        """An administrator opens Configuration > Import official units and loads a province."""
        self.start_tour("/odoo", "motcua_base_import_units", login="admin")
        province = self.env["motcua.unit"].search([("unit_type", "=", "province"), ("code", "=", "01")])
        self.assertEqual(province.name, "Thành phố Hà Nội")
        self.assertTrue(self.env["motcua.unit"].search_count([("parent_id", "=", province.id)]))
