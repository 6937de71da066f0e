from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import PaymentCase, utc

NOTICE = "Thông báo nộp thuế số 12/TB-CCT ngày 07/12/2026"


@tagged("post_install", "-at_install")
class TestObligationPause(PaymentCase):
    def _at(self, *local):
        return freeze_time(utc(*local))

    def _waiting_dossier(self):
        """Received Monday 7 December 2026 08:00 (2 working days: due Wednesday 08:00), in progress,
        waiting for a tax from Monday 10:00."""
        with self._at(2026, 12, 7, 8, 0):
            dossier = self.citizen_dossier()
            dossier.with_user(self.specialist_a).action_start()
        self.assertEqual(dossier.due_at, utc(2026, 12, 9, 8, 0))
        self.assertEqual(dossier.current_step_id.deadline, utc(2026, 12, 8, 8, 0))
        with self._at(2026, 12, 7, 10, 0):
            dossier.with_user(self.specialist_a).action_request_obligation("tax", 1500000, NOTICE)
        return dossier

    def test_pause_and_resume_at_the_desk(self):
        dossier = self._waiting_dossier()
        self.assertTrue(dossier.obligation_waiting)
        self.assertEqual(dossier.state, "in_progress")
        self.assertEqual(dossier.paused_at, utc(2026, 12, 7, 10, 0))
        obligation = dossier.obligation_ids
        self.assertEqual((obligation.kind, obligation.amount, obligation.state), ("tax", 1500000, "waiting"))
        with self._at(2026, 12, 14, 10, 0):
            # a week later, past the legal due date: not overdue while the citizen owes the tax
            self.env["motcua.dossier"]._cron_refresh_timeliness()
            self.assertEqual(dossier.timeliness, "within")
        with self._at(2026, 12, 8, 10, 0):
            dossier.with_user(self.officer_a).action_record_payment("cash", obligation=obligation)
        self.assertFalse(dossier.obligation_waiting)
        self.assertEqual(obligation.state, "paid")
        self.assertEqual(obligation.paid_at, utc(2026, 12, 8, 10, 0))
        self.assertFalse(dossier.paused_at)
        # paused Monday 10:00 -> Tuesday 10:00: 7.5 working hours (07:30-11:30, 13:30-17:00)
        self.assertAlmostEqual(dossier.paused_hours, 7.5)
        # Wednesday 08:00 becomes Thursday 08:00, the step's Tuesday 08:00 becomes Wednesday 08:00
        self.assertEqual(dossier.due_at, utc(2026, 12, 10, 8, 0))
        self.assertEqual(dossier.legal_due_at, utc(2026, 12, 10, 8, 0))
        self.assertEqual(dossier.current_step_id.deadline, utc(2026, 12, 9, 8, 0))
        # the obligation is not the fees: those are still to pay
        self.assertEqual(dossier.payment_state, "to_pay")

    def test_resume_on_online_payment(self):
        dossier = self._waiting_dossier()
        with self._at(2026, 12, 7, 15, 30):
            tx = self.pay_online(dossier, "done", obligation=dossier.obligation_ids)
        self.assertEqual(tx.amount, 1500000)
        self.assertFalse(dossier.obligation_waiting)
        # Monday 10:00 -> 15:30: 1.5 h in the morning, 2 h in the afternoon
        self.assertAlmostEqual(dossier.paused_hours, 3.5)
        self.assertEqual(dossier.due_at, utc(2026, 12, 9, 11, 30))
        self.assertEqual(dossier.payment_state, "to_pay")

    def test_failed_payment_keeps_the_pause(self):
        dossier = self._waiting_dossier()
        self.pay_online(dossier, "error", obligation=dossier.obligation_ids)
        self.assertTrue(dossier.obligation_waiting)
        self.assertEqual(dossier.paused_at, utc(2026, 12, 7, 10, 0))

    def test_bad_requests(self):
        dossier = self._waiting_dossier()
        specialist = dossier.with_user(self.specialist_a)
        with self.assertRaisesRegex(UserError, "already waits for a financial obligation"):
            specialist.action_request_obligation("tax", 1000, NOTICE)
        with self.assertRaisesRegex(UserError, "record its payment first"):
            specialist.action_request_supplement("Missing form")
        fresh = self.received_dossier()
        with self.assertRaisesRegex(ValidationError, "must be positive"):
            fresh.with_user(self.specialist_a).action_request_obligation("tax", 0, NOTICE)
        with self.assertRaisesRegex(ValidationError, "Give the notice"):
            fresh.with_user(self.specialist_a).action_request_obligation("land_levy", 1000, "  ")
        with self.assertRaisesRegex(ValidationError, "kind"):
            fresh.with_user(self.specialist_a).action_request_obligation("bribe", 1000, NOTICE)
        with self.assertRaises(AccessError):
            fresh.with_user(self.specialist_b).action_request_obligation("tax", 1000, NOTICE)
        with self.assertRaises(AccessError):
            fresh.with_user(self.monitor).action_request_obligation("tax", 1000, NOTICE)
        self.assertFalse(fresh.obligation_ids)

    def test_refusal_cancels_the_obligation(self):
        dossier = self._waiting_dossier()
        dossier.with_user(self.officer_a).action_refuse("The land is under dispute")
        self.assertEqual(dossier.obligation_ids.state, "cancelled")
        self.assertFalse(dossier.obligation_waiting)
        with self.assertRaisesRegex(UserError, "not waiting for a payment"):
            dossier._motcua_payment_target(dossier.obligation_ids.id)

    def test_public_data_tells_the_pause(self):
        dossier = self._waiting_dossier()
        data = dossier._motcua_public_data()
        self.assertTrue(data["obligation_waiting"])
        self.assertEqual(data["obligation_label"], "Waiting for the citizen's financial obligation")

    def test_handler_records_the_obligation_in_its_dialog(self):
        dossier = self.received_dossier()
        action = dossier.with_user(self.specialist_a).action_open_obligation()
        self.assertEqual(action["res_model"], "motcua.obligation.wizard")
        wizard = (
            self.env["motcua.obligation.wizard"]
            .with_user(self.specialist_a)
            .with_context(**action["context"])
            .create({"kind": "land_levy", "amount": 35000000, "notice": "TB 88/CCT"})
        )
        wizard.action_confirm()
        self.assertTrue(dossier.obligation_waiting)
        self.assertEqual(dossier.obligation_ids.amount, 35000000)
        self.assertIn(
            "Waiting for the citizen's financial obligation", dossier._motcua_public_data()["obligation_label"]
        )
