from odoo import SUPERUSER_ID, api
from odoo.sql_db import db_connect
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestClaimConcurrency(TransactionCase):
    """Cron workers in their own transactions: a message one holds is skipped by the others, a
    dossier's later message waits for the earlier one, and a worker whose snapshot predates another's
    acknowledgement does not take the message again."""

    def test_two_workers_never_claim_the_same_message(self):
        db = db_connect(self.env.cr.dbname)
        with db.cursor() as cr:
            env = api.Environment(
                cr, SUPERUSER_ID, {"tracking_disable": True, "mail_create_nosubscribe": True, "mail_create_nolog": True}
            )
            unit = env["motcua.unit"].create(
                {"name": "Outbox commune", "unit_type": "commune", "identifier_code": "000.20.88.T88"}
            )
            procedure = env["motcua.procedure"].create(
                {"code": "OUTBOX.1", "name": "Outbox procedure", "duration_days": 1}
            )
            dossiers = env["motcua.dossier"].create(
                [
                    {"procedure_id": procedure.id, "unit_id": unit.id, "applicant_name": name}
                    for name in ("Dossier A", "Dossier B")
                ]
            )
            messages = env["motcua.dvcqg.message"].create(
                [
                    {
                        "dossier_id": dossier.id,
                        "event": "received",
                        "service": "DongBoHoSoMC",
                        "sequence": sequence,
                        "idempotency_key": f"OUTBOX-{label}#{sequence:03d}",
                        "payload": "{}",
                    }
                    for dossier, label in zip(dossiers, "AB", strict=True)
                    for sequence in (1, 2)
                ]
            )
            a1, a2, b1, _b2 = messages.ids
            ids = {"unit": unit.id, "procedure": procedure.id, "dossiers": tuple(dossiers.ids)}
            cr.commit()  # pylint: disable=invalid-commit

        def cleanup():
            with db.cursor() as cr:
                cr.execute("DELETE FROM motcua_dvcqg_message WHERE dossier_id IN %s", (ids["dossiers"],))
                cr.execute("DELETE FROM motcua_dossier WHERE id IN %s", (ids["dossiers"],))
                cr.execute(
                    "DELETE FROM mail_followers WHERE res_model = 'motcua.dossier' AND res_id IN %s", (ids["dossiers"],)
                )
                cr.execute("DELETE FROM motcua_procedure WHERE id = %s", (ids["procedure"],))
                cr.execute("DELETE FROM motcua_unit WHERE id = %s", (ids["unit"],))

        self.addCleanup(cleanup)

        cursors = [db.cursor() for _worker in range(3)]
        try:
            one, two, three = (api.Environment(cr, SUPERUSER_ID, {})["motcua.dvcqg.message"] for cr in cursors)
            self.assertEqual(one._motcua_claim().id, a1)
            self.assertEqual(two._motcua_claim().id, b1, "the second worker skips A1 and A2 waits for A1")
            self.assertFalse(three._motcua_claim(), "every message is held or waits for a held one")
            one.browse(a1).sudo().write({"status": "acknowledged"})
            cursors[0].commit()  # pylint: disable=invalid-commit
            with mute_logger("odoo.sql_db"):
                self.assertFalse(
                    three._motcua_claim(), "a worker that saw A1 pending before its acknowledgement does not take it"
                )
            cursors[2].rollback()
            self.assertEqual(three._motcua_claim().id, a2, "once A1 is acknowledged, A2 is the next of dossier A")
        finally:
            for cr in cursors:
                cr.rollback()
                cr.close()
