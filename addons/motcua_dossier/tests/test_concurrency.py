import threading
from datetime import datetime

from psycopg2 import errors

from odoo import SUPERUSER_ID, api
from odoo.sql_db import db_connect
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestCodeConcurrency(TransactionCase):
    def test_two_desks_same_second(self):
        """Two desks of one unit receive at the same second: two codes, no gap, no duplicate."""
        db = db_connect(self.env.cr.dbname)
        with db.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            unit_id = (
                env["motcua.unit"]
                .create({"name": "Concurrent commune", "unit_type": "commune", "identifier_code": "000.20.77.T77"})
                .id
            )
            cr.commit()  # pylint: disable=invalid-commit

        def cleanup():
            with db.cursor() as cr:
                cr.execute("DELETE FROM motcua_sequence_counter WHERE unit_id = %s", (unit_id,))
                cr.execute("DELETE FROM motcua_unit WHERE id = %s", (unit_id,))

        self.addCleanup(cleanup)

        moment = datetime(2026, 12, 7, 3, 0, 0)
        codes = {}

        def take(name, env):
            # Odoo replays a request that failed on a serialization error (REPEATABLE READ): so do we
            for _attempt in range(3):
                try:
                    codes[name] = env["motcua.dossier"].new({"unit_id": unit_id})._motcua_next_code(moment)
                    return
                except errors.SerializationFailure:
                    env.cr.rollback()
                except Exception as exc:
                    codes[name] = repr(exc)
                    return

        cr1 = db.cursor()
        cr2 = db.cursor()
        try:
            cr2.execute("SET lock_timeout = '30s'")
            # environments are built here: the registry is locked by the test runner
            env1 = api.Environment(cr1, SUPERUSER_ID, {})
            env2 = api.Environment(cr2, SUPERUSER_ID, {})
            env2["motcua.dossier"].new({"unit_id": unit_id}).unit_id._motcua_identifier_unit()
            take("first", env1)
            with mute_logger("odoo.sql_db"):  # the replayed serialization failure is logged as a bad query
                other = threading.Thread(target=take, args=("second", env2))
                other.start()
                other.join(1.0)
                self.assertTrue(other.is_alive(), "the second desk waits for the first one's transaction")
                cr1.commit()  # pylint: disable=invalid-commit
                other.join(30)
            cr2.commit()  # pylint: disable=invalid-commit
        finally:
            cr1.close()
            cr2.close()
        self.assertEqual(codes["first"], "000.20.77.T77-261207-0001")
        self.assertEqual(codes["second"], "000.20.77.T77-261207-0002")
