import importlib.util
from pathlib import Path

from odoo.tests import tagged

from .common import SECRET_NAME, ComplaintsCommon

MIGRATION = Path(__file__).parents[1] / "migrations" / "19.0.1.1.0" / "post-migrate.py"


def run_migration(cr):
    spec = importlib.util.spec_from_file_location("motcua_complaints_post_migrate", MIGRATION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.migrate(cr, "19.0.1.0.0")


@tagged("post_install", "-at_install")
class TestIdentityLogMigration(ComplaintsCommon):
    def test_the_rows_of_the_identity_log_move_to_the_access_log(self):
        petition = self._petition("denunciation", petitioner_name=SECRET_NAME)
        self.env.flush_all()  # the migration reads the tables
        cr = self.env.cr
        # the table of 19.0.1.0.0, as the update finds it
        cr.execute(
            """CREATE TABLE motcua_complaint_identity_log (
                   id serial PRIMARY KEY, user_id integer, date timestamp, petition_id integer,
                   access_type varchar, field_names varchar)"""
        )
        cr.execute(
            """INSERT INTO motcua_complaint_identity_log (user_id, date, petition_id, access_type, field_names)
               VALUES (%s, '2026-03-02 03:00:00', %s, 'export', 'name,phone')""",
            [self.handler_a.id, petition.id],
        )
        run_migration(cr)
        entry = self.env["motcua.access.log"].search(
            [("res_model", "=", "motcua.complaint.petition"), ("res_id", "=", petition.id)]
        )
        self.assertEqual(len(entry), 1)
        self.assertEqual(
            (entry.user_id, str(entry.date), entry.access_type, entry.field_names, entry.res_name),
            (self.handler_a, "2026-03-02 03:00:00", "export", "name,phone", petition.display_name),
        )
        # the guardians read it in their menu
        self.assertEqual(self.env["motcua.access.log"].with_user(self.guardian).search([("id", "=", entry.id)]), entry)
