from odoo.tests import tagged

from .common import DocumentsCase


@tagged("post_install", "-at_install")
class TestDocumentTypes(DocumentsCase):
    def test_decree_30_types(self):
        types = self.env["motcua.document.type"].search([])
        data_types = types.filtered(lambda t: t.get_external_id()[t.id].startswith("motcua_documents."))
        self.assertEqual(len(data_types), 29)
        abbreviations = set(data_types.mapped("abbreviation"))
        for abbreviation in ("NQ", "QĐ", "CT", "TB", "HD", "KH", "BC", "TTr", "CĐ", "GM"):
            self.assertIn(abbreviation, abbreviations)
        self.assertFalse(self.type_letter.abbreviation, "an official letter has no abbreviation")
        self.assertEqual(self.type_decision.display_name, "Decision (QĐ)")

    def test_types_are_editable_by_administrators_only(self):
        self.type_plan.with_user(self.admin_user).abbreviation = "KHo"
        self.assertEqual(self.type_plan.abbreviation, "KHo")
        from odoo.exceptions import AccessError  # noqa: PLC0415

        with self.assertRaises(AccessError):
            self.type_plan.with_user(self.leader).abbreviation = "X"
