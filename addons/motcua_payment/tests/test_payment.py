from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import PaymentCase, utc


@tagged("post_install", "-at_install")
class TestPayment(PaymentCase):
    def test_fees_due_on_a_received_dossier(self):
        dossier = self.received_dossier()
        self.assertTrue(dossier.fee_due)
        self.assertEqual(dossier.amount_total, 20000)
        self.assertEqual(dossier.payment_state, "to_pay")
        self.assertFalse(dossier.paid_online)

    def test_no_fee(self):
        dossier = self.received_dossier(fee=0, charge=0)
        self.assertFalse(dossier.fee_due)
        self.assertEqual(dossier.payment_state, "none")

    def test_demo_payment_success(self):
        dossier = self.citizen_dossier()
        tx = self.pay_online(dossier, "done")
        self.assertEqual(tx.state, "done")
        self.assertEqual(dossier.payment_state, "paid")
        self.assertTrue(dossier.paid_online)
        self.assertEqual(dossier.paid_at, tx.last_state_change)
        self.assertTrue(tx.reference.startswith(dossier.name))
        # the payment is told in the dossier's chatter
        self.assertIn(tx.reference, " ".join(dossier.message_ids.mapped("body")))

    def test_demo_payment_failure_leaves_fees_to_pay(self):
        dossier = self.citizen_dossier()
        tx = self.pay_online(dossier, "error")
        self.assertEqual(tx.state, "error")
        self.assertEqual(dossier.payment_state, "to_pay")
        self.assertFalse(dossier.paid_online)
        # another attempt is allowed
        self.assertEqual(dossier._motcua_payment_target(), (20000, self.env["motcua.dossier.obligation"]))

    def test_demo_payment_pending_blocks_a_second_payment(self):
        dossier = self.citizen_dossier()
        tx = self.pay_online(dossier, "pending")
        self.assertEqual(tx.state, "pending")
        self.assertEqual(dossier.payment_state, "to_pay")
        with self.assertRaisesRegex(UserError, "being processed by the provider"):
            dossier._motcua_check_no_pending(self.env["motcua.dossier.obligation"])
        with self.assertRaisesRegex(UserError, "being processed by the provider"):
            dossier.with_user(self.officer_a).action_record_payment("cash")
        tx._process("demo", {"reference": tx.reference, "simulated_state": "done"})
        self.assertEqual(dossier.payment_state, "paid")

    def test_partial_amount_is_not_paid(self):
        dossier = self.citizen_dossier()
        self.pay_online(dossier, "done", amount=5000)
        self.assertEqual(dossier.payment_state, "to_pay")

    def test_desk_records_cash(self):
        dossier = self.received_dossier()
        with freeze_time(utc(2026, 12, 7, 9, 30)):
            tx = dossier.with_user(self.officer_a).action_record_payment("cash", note="BL 0042")
        self.assertEqual(dossier.payment_state, "paid")
        self.assertFalse(dossier.paid_online)
        self.assertEqual(tx.state, "done")
        self.assertEqual(tx.amount, 20000)
        self.assertEqual(tx.operation, "offline")
        self.assertEqual(tx.provider_id, self.env.ref("motcua_payment.payment_provider_desk"))
        self.assertEqual(tx.payment_method_id.code, "motcua_cash")
        self.assertEqual(tx.motcua_recorded_by_id, self.officer_a)
        self.assertEqual(tx.motcua_recorded_at, utc(2026, 12, 7, 9, 30))
        self.assertEqual(tx.motcua_note, "BL 0042")
        with self.assertRaisesRegex(UserError, "No fee is due"):
            dossier.with_user(self.officer_a).action_record_payment("cash")

    def test_desk_records_bank_transfer_through_the_wizard(self):
        dossier = self.received_dossier()
        wizard = (
            self.env["motcua.payment.record.wizard"]
            .with_user(self.officer_a)
            .create({"dossier_id": dossier.id, "method": "transfer", "note": "UNC 77"})
        )
        self.assertEqual(wizard.amount, 20000)
        wizard.action_confirm()
        self.assertEqual(dossier.payment_state, "paid")
        self.assertEqual(
            dossier.with_user(self.officer_a).payment_transaction_ids.payment_method_id.code, "wire_transfer"
        )

    def test_desk_refuses_an_unknown_method(self):
        dossier = self.received_dossier()
        with self.assertRaisesRegex(ValidationError, "in cash or by bank transfer"):
            dossier.with_user(self.officer_a).action_record_payment("cheque")
        self.assertEqual(dossier.payment_state, "to_pay")

    def test_refund_on_refusal_before_processing_online(self):
        dossier = self.citizen_dossier()
        self.pay_online(dossier, "done")
        dossier.with_user(self.officer_a).action_refuse("The applicant is not resident here")
        self.assertEqual(dossier.state, "refused")
        self.assertEqual(dossier.payment_state, "refunded")
        self.assertTrue(dossier.paid_online)
        refund = dossier.sudo().payment_transaction_ids.filtered(lambda t: t.operation == "refund")
        self.assertEqual(refund.amount, -20000)
        self.assertEqual(refund.state, "done")
        self.assertEqual(refund.provider_id, self.provider)

    def test_no_refund_after_processing_by_default(self):
        dossier = self.citizen_dossier()
        self.pay_online(dossier, "done")
        dossier.with_user(self.specialist_a).action_start()
        dossier.with_user(self.officer_a).action_refuse("Not eligible after examination")
        self.assertEqual(dossier.payment_state, "paid")
        self.assertFalse(dossier.sudo().payment_transaction_ids.filtered(lambda t: t.operation == "refund"))

    def test_always_refunded_procedure_refunds_desk_cash(self):
        self.procedure.with_context(motcua_no_version=True).fee_refund_policy = "always"
        dossier = self.received_dossier()
        dossier.with_user(self.officer_a).action_record_payment("cash")
        dossier.with_user(self.specialist_a).action_start()
        dossier.with_user(self.officer_a).action_refuse("Not eligible")
        self.assertEqual(dossier.payment_state, "refunded")
        refund = dossier.sudo().payment_transaction_ids.filtered(lambda t: t.operation == "refund")
        self.assertEqual((refund.amount, refund.state), (-20000, "done"))

    def test_never_refunded_procedure(self):
        self.procedure.with_context(motcua_no_version=True).fee_refund_policy = "never"
        dossier = self.citizen_dossier()
        self.pay_online(dossier, "done")
        dossier.with_user(self.officer_a).action_refuse("Forged papers")
        self.assertEqual(dossier.payment_state, "paid")

    def test_public_data_tells_the_payment(self):
        dossier = self.citizen_dossier()
        data = dossier._motcua_public_data()
        self.assertEqual((data["payment_state"], data["payment_label"]), ("to_pay", "Fees to pay"))
        self.pay_online(dossier, "done")
        self.assertEqual(dossier._motcua_public_data()["payment_label"], "Fees paid")


@tagged("post_install", "-at_install")
class TestPaymentGuards(PaymentCase):
    def test_nobody_writes_the_payment_outputs(self):
        dossier = self.received_dossier()
        for user in (self.officer_a, self.leader_a, self.admin_user):
            for vals in ({"payment_state": "paid"}, {"paid_online": True}, {"fee_due": False}):
                with self.subTest(user=user.login, vals=vals), self.assertRaises(AccessError):
                    dossier.with_user(user).write(vals)
        with self.assertRaises(AccessError):
            dossier.with_user(self.officer_a).write({"payment_transaction_ids": [(5, 0, 0)]})
        self.assertEqual(dossier.payment_state, "to_pay")

    def test_other_unit_and_monitor_cannot_record_a_payment(self):
        dossier = self.received_dossier()
        for user in (self.officer_b, self.monitor, self.internal):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                dossier.with_user(user).action_record_payment("cash")
        with self.assertRaises(AccessError):
            dossier.with_user(self.citizen).action_record_payment("cash")
        self.assertEqual(dossier.payment_state, "to_pay")
        self.assertFalse(dossier.sudo().payment_transaction_ids)
