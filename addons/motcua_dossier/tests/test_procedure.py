from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import DossierCase


@tagged("post_install", "-at_install")
class TestProcedure(DossierCase):
    def test_edit_unused_procedure_keeps_version(self):
        self.procedure.fee = 20000
        self.assertEqual(self.procedure.version, 1)
        self.assertFalse(self.procedure.former_version_ids)

    def test_edit_used_procedure_creates_version(self):
        dossier = self.received_dossier()
        self.procedure.write({"duration_days": 5, "fee": 30000})
        self.assertEqual(self.procedure.version, 2)
        former = self.procedure.former_version_ids
        self.assertEqual(len(former), 1)
        self.assertFalse(former.active)
        self.assertEqual(former.duration_days, 2)
        self.assertEqual(former.fee, 15000)
        self.assertEqual(len(former.paper_ids), 2)
        # the dossier keeps the rules it was received under
        self.assertEqual(dossier.procedure_id, former)
        self.assertEqual(dossier.procedure_version, 1)
        self.assertIn("version 1", former.display_name)
        # new dossiers use the new rules
        new = self.received_dossier()
        self.assertEqual(new.procedure_id, self.procedure)
        self.assertEqual(new.duration_days, 5)
        self.assertEqual(new.fee, 30000)

    def test_bad_procedure(self):
        with self.assertRaises(ValidationError):
            self.env["motcua.procedure"].create({"code": "T.0002", "name": "No time"})
        with self.assertRaises(ValidationError):
            self.env["motcua.procedure"].create(
                {
                    "code": "T.0003",
                    "name": "Bad shares",
                    "duration_days": 1,
                    "step_ids": [(0, 0, {"name": "A", "share": 40}), (0, 0, {"name": "B", "share": 40})],
                }
            )

    def test_code_pattern_validated(self):
        with self.assertRaises(ValidationError):
            self.commune_a.motcua_dossier_code_pattern = "{identifier}-{unknown}"
        with self.assertRaises(ValidationError):
            self.commune_a.motcua_dossier_code_pattern = "{identifier}-{yymmdd}"
        self.commune_a.motcua_dossier_code_pattern = "{identifier}/{yyyy}/{seq:05d}"

    def test_import_export_catalogue(self):
        fields = [
            "code",
            "name",
            "field_id",
            "level",
            "duration_days",
            "fee",
            "paper_ids/name",
            "paper_ids/paper_type",
            "paper_ids/mandatory",
        ]
        rows = [
            ["IMP.0001", "Imported procedure", "Test field", "commune", "5", "30000", "Application", "original", "1"],
            ["", "", "", "", "", "", "ID copy", "copy", "0"],
        ]
        result = self.env["motcua.procedure"].load(fields, rows)
        self.assertFalse(result["messages"], result["messages"])
        procedure = self.env["motcua.procedure"].browse(result["ids"])
        self.assertEqual(procedure.field_id, self.field)
        self.assertEqual(procedure.duration_days, 5)
        self.assertEqual(procedure.paper_ids.mapped("name"), ["Application", "ID copy"])
        self.assertEqual(procedure.paper_ids.mapped("mandatory"), [True, False])
        exported = procedure.export_data(["code", "name", "paper_ids/name"])["datas"]
        self.assertEqual(exported[0][:3], ["IMP.0001", "Imported procedure", "Application"])
        self.assertEqual(exported[1][2], "ID copy")
