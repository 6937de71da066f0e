import os
import tempfile

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import DigitisationCase


@tagged("post_install", "-at_install")
class TestScannerFolder(DigitisationCase):
    def setUp(self):
        super().setUp()
        self.folder = tempfile.mkdtemp(prefix="motcua-scans-")
        self.addCleanup(lambda: __import__("shutil").rmtree(self.folder, ignore_errors=True))

    def drop(self, name, raw):
        with open(os.path.join(self.folder, name), "wb") as out:
            out.write(raw)

    def note(self, *parts):
        with open(os.path.join(self.folder, *parts), encoding="utf-8") as note:
            return note.read().strip()

    def test_the_cron_imports_the_scanner_folder(self):
        dossier = self.new_dossier()
        dossier.paper_ids.write({"received": True})
        dossier.action_receive()
        self.commune_a.with_user(self.admin_user).motcua_scan_folder = self.folder
        code = dossier.name
        self.drop(f"{code}_1.pdf", self.scan_pdf)
        self.drop(f"{code}_2.PDF", self.scan_pdf)
        self.drop(f"{code}_3.pdf", self.scan_pdf)
        self.drop("ghi-chu.pdf", self.scan_pdf)
        self.drop("000.20.01.T01-990101-9999_1.pdf", self.scan_pdf)
        self.drop(f"{code}_1.jpg", b"not a jpeg at all")
        cron = self.env.ref("motcua_digitisation.ir_cron_import_scans")
        self.assertEqual(
            (cron.code, cron.interval_number, cron.interval_type), ("model._cron_import_scans()", 5, "minutes")
        )
        self.env["motcua.unit"].with_user(cron.user_id)._cron_import_scans()
        first, second = dossier.paper_ids.sorted("sequence")
        self.assertTrue(first.digitised and second.digitised)
        self.assertTrue(dossier.papers_digitised)
        self.assertEqual(first.scan_id.sudo().attachment_id.name, f"{code}_1.pdf")
        self.assertIn("imported from the scanner folder of Commune A", dossier.message_ids[0].body)
        self.assertEqual(sorted(os.listdir(os.path.join(self.folder, "done"))), [f"{code}_1.pdf", f"{code}_2.PDF"])
        self.assertEqual(
            sorted(n for n in os.listdir(os.path.join(self.folder, "error")) if not n.endswith(".txt")),
            sorted(["000.20.01.T01-990101-9999_1.pdf", "ghi-chu.pdf", f"{code}_3.pdf", f"{code}_1.jpg"]),
        )
        self.assertEqual(self.note("error", f"{code}_3.pdf.txt"), f"The dossier {code} has no paper number 3.")
        self.assertEqual(
            self.note("error", "000.20.01.T01-990101-9999_1.pdf.txt"),
            "No dossier 000.20.01.T01-990101-9999 was received by Commune A.",
        )
        self.assertIn("must be <dossier code>_<number of the paper", self.note("error", "ghi-chu.pdf.txt"))
        self.assertEqual(
            self.note("error", f"{code}_1.jpg.txt"),
            f"The file {code}_1.jpg is not a JPG file: its content is text/plain.",
        )
        self.assertEqual([n for n in os.listdir(self.folder) if os.path.isfile(os.path.join(self.folder, n))], [])

    def test_a_dossier_of_another_unit_is_not_imported(self):
        dossier_b = self.received_dossier(user=self.officer_b, unit_id=self.commune_b.id)
        self.commune_a.with_user(self.admin_user).motcua_scan_folder = self.folder
        self.drop(f"{dossier_b.name}_1.pdf", self.scan_pdf)
        outcome = self.commune_a._motcua_import_scans()
        self.assertEqual(outcome, {"done": [], "error": [f"{dossier_b.name}_1.pdf"]})
        self.assertFalse(any(dossier_b.paper_ids.mapped("digitised")))

    def test_only_administrators_set_the_folder(self):
        with self.assertRaises(AccessError):
            self.commune_a.with_user(self.leader_a).write({"motcua_scan_folder": "/etc"})
        with self.assertRaises(AccessError):
            self.commune_a.with_user(self.leader_a).read(["motcua_scan_folder"])
        with self.assertRaisesRegex(ValidationError, "The scanner folder relative/path is not a folder of the server."):
            self.commune_a.with_user(self.admin_user).motcua_scan_folder = "relative/path"
