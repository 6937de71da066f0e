from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import DvcqgCase, Receiver

CUT_OFF = "2026-12-08 00:00:00"  # 8 December 2026, 07:00 in Viet Nam


@tagged("post_install", "-at_install")
class TestBackfill(DvcqgCase):
    """Dossiers received before the outbox existed are sent once, with their current state, in
    batches; running the backfill again queues nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the database's own earlier dossiers (demo data, if any) first: the tests see only theirs
        Message = cls.env["motcua.dvcqg.message"].sudo()
        while Message._motcua_backfill(CUT_OFF):
            pass
        Message.search([]).write({"status": "acknowledged"})

    def _earlier(self, returned=False):
        """A dossier received on Monday 7 December 2026 as if the outbox had not existed then."""
        with freeze_time("2026-12-07 03:00:00"):
            dossier = self.received_dossier()
            if returned:
                dossier.with_user(self.specialist_a).action_start()
                dossier.with_user(self.specialist_a).action_handover()
                dossier.with_user(self.leader_a).action_handover()
                dossier.with_user(self.officer_a).action_return()
        self.messages(dossier).sudo().unlink()
        return dossier

    def backfill(self, user=None):
        wizard = (
            self.env["motcua.dvcqg.backfill"].with_user(user or self.admin_user).create({"received_before": CUT_OFF})
        )
        count = wizard.dossier_count
        wizard.action_backfill()
        return count, wizard.result

    def test_earlier_dossiers_are_sent_once_with_their_state(self):
        received, returned = self._earlier(), self._earlier(returned=True)
        with freeze_time("2026-12-09 03:00:00"):
            later = self.received_dossier()
        self.messages(later).sudo().unlink()
        self.assertEqual(self.backfill(), (2, "2 dossiers queued for the national portal."))
        for dossier, status in ((received, "2"), (returned, "10")):
            message = self.messages(dossier)
            self.assertEqual(
                (message.event, message.sequence, message.service, message.idempotency_key),
                ("snapshot", 1, "DongBoHoSoMC", f"{dossier.name}#001"),
            )
            self.assertEqual(self.payload(message)["TrangThaiHoSo"], status)
        self.assertEqual(self.payload(self.messages(returned))["NgayTra"], "20261207100000")
        self.assertFalse(self.messages(later), "received after the date: not part of the backfill")

        self.assertEqual(self.backfill(), (0, "0 dossiers queued for the national portal."))
        self.assertEqual(len(self.messages(received) | self.messages(returned)), 2, "nothing queued twice")
        self.assertEqual(self.send(), 2)
        self.assertEqual(
            sorted(r["key"] for r in Receiver.requests), sorted([f"{received.name}#001", f"{returned.name}#001"])
        )

    def test_a_replayed_past_is_left_to_the_backfill(self):
        # the demo loaders replay past events as the superuser (motcua_now): no message then, the
        # backfill sends the dossier's state once
        dossier = self.new_dossier()
        dossier.paper_ids.write({"received": True})
        dossier.sudo().with_context(motcua_now=datetime(2026, 12, 7, 3, 0)).action_receive()
        self.assertEqual(dossier.state, "received")
        self.assertFalse(self.messages(dossier))
        self.backfill()
        self.assertEqual(self.messages(dossier).mapped("event"), ["snapshot"])

    def test_a_dossier_with_messages_is_left_alone(self):
        dossier = self._earlier()
        dossier.with_user(self.specialist_a).action_start()  # an event after the installation
        self.assertEqual(self.backfill(), (0, "0 dossiers queued for the national portal."))
        self.assertEqual(self.messages(dossier).mapped("event"), ["step"])

    def test_large_numbers_continue_in_batches(self):
        dossiers = self._earlier() | self._earlier() | self._earlier()
        self.env["ir.config_parameter"].sudo().set_param("motcua_dvcqg.backfill_batch", "1")
        cron = self.env.ref("motcua_dvcqg.ir_cron_dvcqg_backfill")
        self.assertEqual(
            self.backfill(),
            (3, "1 dossiers queued for the national portal.\n2 more are queued in the background, batch after batch."),
        )
        self.assertEqual(len(self.messages(dossiers[0])), 1, "the oldest first")
        self.assertTrue(self.env["ir.cron.trigger"].search([("cron_id", "=", cron.id)]))
        self.assertEqual(self.Message._cron_backfill(), 2)
        self.assertEqual([len(self.messages(d)) for d in dossiers], [1, 1, 1])
        self.assertFalse(self.env["ir.config_parameter"].sudo().get_param("motcua_dvcqg.backfill_before"))
        self.assertEqual(self.Message._cron_backfill(), 0)

    def test_by_default_the_dossiers_received_before_the_installation(self):
        wizard = self.env["motcua.dvcqg.backfill"].with_user(self.admin_user).create({})
        installed = self.env.ref("motcua_dvcqg.ir_cron_dvcqg_send").create_date
        self.assertTrue(installed)
        self.assertEqual(wizard.received_before, installed)

    def test_only_administrators_backfill(self):
        self._earlier()
        for user in (self.monitor, self.officer_a, self.leader_a):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.backfill(user)
        with self.assertRaises(AccessError):
            self.Message.with_user(self.admin_user).create({})
