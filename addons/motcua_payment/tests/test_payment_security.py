from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PaymentCase


@tagged("post_install", "-at_install")
class TestPaymentSecurity(PaymentCase):
    """What hostile colleagues and citizens can read of the payments, on every read path."""

    def setUp(self):
        super().setUp()
        self.dossier = self.citizen_dossier()
        self.tx = self.pay_online(self.dossier, "done")
        self.dossier.with_user(self.specialist_a).action_request_obligation("tax", 700000, "TB 5/CCT")
        self.obligation = self.dossier.obligation_ids

    def test_handlers_leaders_and_monitor_read(self):
        for user in (self.officer_a, self.leader_a, self.monitor):
            with self.subTest(user=user.login):
                self.assertEqual(self.dossier.with_user(user).payment_transaction_ids, self.tx)
                self.assertEqual(self.dossier.with_user(user).obligation_ids, self.obligation)
                self.assertEqual(self.tx.with_user(user).read(["amount"])[0]["amount"], 20000)

    def test_other_unit_reads_nothing(self):
        Transaction = self.env["payment.transaction"].with_user(self.officer_b)
        self.assertFalse(Transaction.search([("motcua_dossier_ids", "!=", False)]))
        self.assertFalse(Transaction.search([("reference", "=", self.tx.reference)]))
        self.assertEqual(
            Transaction.search_count([("amount", ">", 0), ("motcua_dossier_ids", "in", self.dossier.ids)]), 0
        )
        self.assertFalse(Transaction.name_search(self.tx.reference))
        self.assertFalse(
            Transaction.formatted_read_group([("motcua_dossier_ids", "!=", False)], ["state"], ["__count"])
        )
        with self.assertRaises(AccessError):
            self.tx.with_user(self.officer_b).read(["amount", "partner_id"])
        # even with the export right, the read access refuses the export
        self.officer_b.group_ids |= self.env.ref("base.group_allow_export")
        with self.assertRaises(AccessError):
            self.tx.with_user(self.officer_b).export_data(["reference", "amount"])
        Obligation = self.env["motcua.dossier.obligation"].with_user(self.officer_b)
        self.assertFalse(Obligation.search([]) & self.obligation)
        with self.assertRaises(AccessError):
            self.obligation.with_user(self.officer_b).read(["notice", "amount"])

    def test_nobody_writes_transactions_or_obligations(self):
        for user in (self.officer_a, self.leader_a, self.monitor):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.tx.with_user(user).write({"amount": 1})
                with self.assertRaises(AccessError):
                    self.obligation.with_user(user).write({"state": "paid"})
                with self.assertRaises(AccessError):
                    self.env["payment.transaction"].with_user(user).create(
                        {
                            "provider_id": self.provider.id,
                            "payment_method_id": self.demo_method.id,
                            "reference": "FORGED-1",
                            "amount": 20000,
                            "currency_id": self.vnd.id,
                            "partner_id": self.citizen.partner_id.id,
                            "motcua_dossier_ids": [(6, 0, self.dossier.ids)],
                        }
                    )
        self.assertEqual(self.obligation.state, "waiting")
        self.assertEqual(self.tx.amount, 20000)

    def test_citizens_read_no_transaction(self):
        for user in (self.citizen, self.other_citizen):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.tx.with_user(user).read(["amount"])
                with self.assertRaises(AccessError):
                    self.obligation.with_user(user).read(["notice"])
        # the owner reads the payment state of their dossier, another citizen reads nothing
        self.assertEqual(self.dossier.with_user(self.citizen).payment_state, "paid")
        with self.assertRaises(AccessError):
            self.dossier.with_user(self.other_citizen).read(["payment_state"])

    def test_payment_messages_stay_with_the_dossier(self):
        messages = (
            self.env["mail.message"]
            .with_user(self.officer_b)
            .search([("model", "=", "motcua.dossier"), ("res_id", "=", self.dossier.id)])
        )
        self.assertFalse(messages)
