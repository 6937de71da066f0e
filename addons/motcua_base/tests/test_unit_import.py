from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestUnitImport(TransactionCase):
    def test_import_a_province_and_its_wards_twice(self):
        Unit = self.env["motcua.unit"]
        # Cà Mau (code 96) is not in the demo data
        self.env["motcua.unit.import"].create({"province_code": "96"}).action_import()
        province = Unit.search([("unit_type", "=", "province"), ("code", "=", "96")])
        self.assertEqual(province.name, "Tỉnh Cà Mau")
        wards = Unit.search([("parent_id", "=", province.id)])
        self.assertGreater(len(wards), 50)
        self.assertEqual(set(wards.mapped("unit_type")), {"commune"})
        self.assertTrue(all(w.code and len(w.code) == 5 for w in wards))
        # a second import updates, never duplicates
        wards[0].name = "Renamed by hand"
        self.env["motcua.unit.import"].create({"province_code": "96"}).action_import()
        self.assertEqual(Unit.search_count([("parent_id", "=", province.id)]), len(wards))
        self.assertNotEqual(wards[0].name, "Renamed by hand")

    def test_the_official_list_has_34_provinces(self):
        selection = self.env["motcua.unit.import"]._fields["province_code"]._description_selection(self.env)
        self.assertEqual(len(selection), 34)
