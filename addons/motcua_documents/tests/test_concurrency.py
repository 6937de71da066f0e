import threading
import time
import uuid

from odoo import SUPERUSER_ID, api, fields
from odoo.orm.environments import Transaction
from odoo.sql_db import db_connect
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestConcurrentIssue(TransactionCase):
    """Two transactions issue documents of the same unit at the same time: the second waits
    for the first; a rolled-back issue gives its number back; numbers stay gapless."""

    def _env(self, cr):
        # the registry is locked by the test runner: give the cursor its transaction directly
        # (api.Environment would look the registry up and wait for the lock)
        if cr.transaction is None:
            cr.transaction = Transaction(self.registry)
        return api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})

    def setUp(self):
        super().setUp()
        self.dbname = self.env.cr.dbname
        abbreviation = "CC" + uuid.uuid4().hex[:6].upper()
        with db_connect(self.dbname).cursor() as cr:
            env = self._env(cr)
            unit = env["motcua.unit"].create(
                {"name": "Concurrency " + abbreviation, "unit_type": "commune", "abbreviation": abbreviation}
            )
            docs = env["motcua.outgoing.document"].create(
                [
                    {
                        "unit_id": unit.id,
                        "type_id": env.ref("motcua_documents.document_type_decision").id,
                        "summary": "Concurrent %s" % i,
                        "drafter_id": SUPERUSER_ID,
                        "signer_id": env.ref("base.user_admin").id,
                    }
                    for i in range(2)
                ]
            )
            docs.write({"state": "approved", "approved_date": fields.Datetime.now()})
            cr.commit()  # pylint: disable=invalid-commit
            self.unit_id, self.doc_ids = unit.id, docs.ids
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with db_connect(self.dbname).cursor() as cr:
            cr.execute(
                "DELETE FROM mail_message WHERE model = 'motcua.outgoing.document' AND res_id IN %s",
                [tuple(self.doc_ids)],
            )
            cr.execute(
                "DELETE FROM mail_followers WHERE res_model = 'motcua.outgoing.document' AND res_id IN %s",
                [tuple(self.doc_ids)],
            )
            cr.execute("DELETE FROM motcua_outgoing_document WHERE id IN %s", [tuple(self.doc_ids)])
            cr.execute("DELETE FROM motcua_sequence_counter WHERE unit_id = %s", [self.unit_id])
            cr.execute("DELETE FROM motcua_unit WHERE id = %s", [self.unit_id])
            cr.commit()  # pylint: disable=invalid-commit

    def test_concurrent_issue_is_gapless_and_unique(self):
        first_id, second_id = self.doc_ids
        result = {}

        def issue_second():
            with db_connect(self.dbname).cursor() as cr2:
                env2 = self._env(cr2)
                doc = env2["motcua.outgoing.document"].browse(second_id)
                doc.action_issue()
                result["name"] = doc.name
                cr2.commit()  # pylint: disable=invalid-commit

        cr1 = db_connect(self.dbname).cursor()
        try:
            env1 = self._env(cr1)
            first = env1["motcua.outgoing.document"].browse(first_id)
            first.action_issue()
            self.assertEqual(first.number, 1)
            thread = threading.Thread(target=issue_second)
            thread.start()
            time.sleep(1.0)
            self.assertTrue(thread.is_alive(), "the second transaction waits for the first one")
            # the first transaction fails: its number goes back to the counter
            cr1.rollback()
            thread.join(30)
            self.assertFalse(thread.is_alive())
            self.assertTrue(result.get("name", "").startswith("01/QĐ-"), result)
            env1.invalidate_all()
            first = env1["motcua.outgoing.document"].browse(first_id)
            first.action_issue()
            cr1.commit()  # pylint: disable=invalid-commit
            self.assertTrue(first.name.startswith("02/QĐ-"))
        finally:
            cr1.close()
        with db_connect(self.dbname).cursor() as cr:
            cr.execute(
                "SELECT number FROM motcua_outgoing_document WHERE id IN %s ORDER BY number", [tuple(self.doc_ids)]
            )
            self.assertEqual([r[0] for r in cr.fetchall()], [1, 2])
