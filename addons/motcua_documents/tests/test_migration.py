import importlib.util
from pathlib import Path

from odoo.tests import tagged

from .common import DocumentsCase

MIGRATION = Path(__file__).parents[1] / "migrations" / "19.0.1.1.0" / "post-migrate.py"


def run_migration(cr):
    spec = importlib.util.spec_from_file_location("motcua_documents_post_migrate", MIGRATION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.migrate(cr, "19.0.1.0.0")


@tagged("post_install", "-at_install")
class TestSecretLogMigration(DocumentsCase):
    def test_the_rows_of_the_secret_document_log_move_to_the_access_log(self):
        secret = self.new_incoming(secrecy="secret")
        self.env.flush_all()  # the migration reads the tables
        cr = self.env.cr
        # the table of 19.0.1.0.0, as the update finds it; the level is the one of the time of reading
        cr.execute(
            """CREATE TABLE motcua_document_access_log (
                   id serial PRIMARY KEY, user_id integer, date timestamp, res_model varchar, res_id integer,
                   document_name varchar, secrecy varchar)"""
        )
        cr.execute(
            """INSERT INTO motcua_document_access_log (user_id, date, res_model, res_id, document_name, secrecy)
               VALUES (%s, '2026-03-02 03:00:00', %s, %s, 'Văn bản mật 1', 'confidential')""",
            [self.leader.id, secret._name, secret.id],
        )
        run_migration(cr)
        entry = self.env["motcua.access.log"].search([("res_model", "=", secret._name), ("res_id", "=", secret.id)])
        self.assertEqual(len(entry), 1)
        self.assertEqual(
            (entry.user_id, str(entry.date), entry.access_type, entry.res_name, entry.secrecy),
            (self.leader, "2026-03-02 03:00:00", "read", "Văn bản mật 1", "confidential"),
        )
        # the monitors read it in their menu
        self.assertEqual(self.env["motcua.access.log"].with_user(self.monitor).search([("id", "=", entry.id)]), entry)
