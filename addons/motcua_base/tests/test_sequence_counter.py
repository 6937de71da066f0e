import threading

from psycopg2.errors import SerializationFailure

from odoo import SUPERUSER_ID, api
from odoo.sql_db import db_connect
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestSequenceCounter(TransactionCase):
    def test_numbers_follow_each_other_per_unit_and_period(self):
        Counter = self.env["motcua.sequence.counter"]
        unit_a, unit_b = self.env["motcua.unit"].create(
            [{"name": "A", "unit_type": "commune"}, {"name": "B", "unit_type": "commune"}]
        )
        self.assertEqual([Counter.next_number("t", unit_a, "2026") for _i in range(3)], [1, 2, 3])
        self.assertEqual(Counter.next_number("t", unit_b, "2026"), 1)
        self.assertEqual(Counter.next_number("t", unit_a, "2027"), 1)
        self.assertEqual(Counter.next_number("other", unit_a, "2026"), 1)
        counter = Counter.search([("scope", "=", "t"), ("unit_id", "=", unit_a.id), ("period", "=", "2026")])
        self.assertEqual(counter.last_number, 3)

    def test_two_concurrent_cursors_stay_gapless_and_unique(self):
        """Two desks take a number at the same moment: the second waits for the first; a rollback
        gives the number back; after a commit, the waiting transaction fails to serialize and is
        retried by Odoo (as every HTTP/RPC request is), taking the next number."""
        dbname = self.env.cr.dbname
        with db_connect(dbname).cursor() as cr:
            unit_id = (
                api.Environment(cr, SUPERUSER_ID, {})["motcua.unit"]
                .create({"name": "Concurrent desk", "unit_type": "desk"})
                .id
            )
            cr.commit()  # pylint: disable=invalid-commit

        def cleanup():
            with db_connect(dbname).cursor() as cr:
                cr.execute("DELETE FROM motcua_sequence_counter WHERE unit_id = %s", [unit_id])
                cr.execute("DELETE FROM motcua_unit WHERE id = %s", [unit_id])
                cr.commit()  # pylint: disable=invalid-commit

        self.addCleanup(cleanup)

        cr1, cr2 = db_connect(dbname).cursor(), db_connect(dbname).cursor()
        self.addCleanup(cr1.close)
        self.addCleanup(cr2.close)
        # Environments are made in this thread: the test runner holds the registry lock, which
        # building an environment on a new cursor takes.
        envs = {cr: api.Environment(cr, SUPERUSER_ID, {}) for cr in (cr1, cr2)}

        def take(cr):
            env = envs[cr]
            return env["motcua.sequence.counter"].next_number("concurrent", env["motcua.unit"].browse(unit_id), "2026")

        results = {}

        def second_desk():
            try:
                results["second"] = take(cr2)
            except Exception as error:
                results["second"] = error

        self.assertEqual(take(cr1), 1)
        thread = threading.Thread(target=second_desk)
        thread.start()
        thread.join(1.0)
        self.assertTrue(thread.is_alive(), "the second desk must wait for the first one's transaction")
        cr1.rollback()  # the first desk gives up: number 1 is free again
        thread.join(10)
        self.assertEqual(results["second"], 1)

        def take_retrying(cr):
            """What Odoo's request handling does (odoo.service.model.retrying): on a serialization
            failure, roll back and run the transaction again."""
            for _attempt in range(5):
                try:
                    return take(cr)
                except SerializationFailure:
                    cr.rollback()
            raise AssertionError("no number after 5 attempts")

        # the first desk tries again while the second one still holds the row, then both commit
        thread = threading.Thread(target=lambda: results.update(first=take_retrying(cr1)))
        with mute_logger("odoo.sql_db"):
            thread.start()
            thread.join(1.0)
            self.assertTrue(thread.is_alive())
            cr2.commit()  # pylint: disable=invalid-commit
            thread.join(30)
        cr1.commit()  # pylint: disable=invalid-commit
        self.assertEqual(results["first"], 2)
        with db_connect(dbname).cursor() as cr:
            cr.execute("SELECT last_number FROM motcua_sequence_counter WHERE unit_id = %s", [unit_id])
            self.assertEqual(cr.fetchone()[0], 2)
