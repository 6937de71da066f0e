from odoo.fields import Command
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.motcua_base.tests.common import OFFICER


@tagged("post_install", "-at_install")
class TestPaymentPortal(HttpCase):
    """The citizen's payment page and its transaction route, with forged requests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.provider = cls.env.ref("payment.payment_provider_demo")
        cls.provider.write({"state": "test", "is_published": True})
        cls.unit = cls.env["motcua.unit"].create(
            {"name": "Pay commune", "unit_type": "commune", "identifier_code": "000.20.67.P67"}
        )
        cls.procedure = cls.env["motcua.procedure"].create(
            {
                "code": "PAY.0001",
                "name": "Paid test procedure",
                "duration_days": 3,
                "fee": 30000,
                "charge": 10000,
                "unit_id": cls.unit.id,
                "paper_ids": [(0, 0, {"name": "Application form", "mandatory": True})],
            }
        )
        cls.officer = new_test_user(cls.env, login="pay_officer", password="pay_officer_pw", groups=OFFICER)
        cls.officer.motcua_unit_ids = cls.unit
        cls.citizen = new_test_user(
            cls.env, login="pay_citizen", password="pay_citizen_pw", groups="base.group_portal", name="Phạm Thị Dung"
        )
        cls.intruder = new_test_user(
            cls.env, login="pay_intruder", password="pay_intruder_pw", groups="base.group_portal", name="Intruder"
        )
        cls.dossier = cls._received(cls.citizen)
        cls.other = cls._received(cls.intruder)

    @classmethod
    def _received(cls, owner):
        dossier = (
            cls.env["motcua.dossier"]
            .with_user(cls.officer)
            .create({"procedure_id": cls.procedure.id, "unit_id": cls.unit.id, "applicant_name": owner.name})
        )
        dossier.paper_ids.received = True
        dossier.with_user(cls.officer).action_receive()
        dossier.sudo().partner_id = owner.partner_id
        return dossier

    def _transaction(self, dossier, route=None, **params):
        """The JSON-RPC call of the payment form: its result, or the error's message."""
        values = {
            "provider_id": self.provider.id,
            "payment_method_id": self.env.ref("payment_demo.payment_method_demo").id,
            "token_id": None,
            "amount": 40000.0,
            "flow": "direct",
            "tokenization_requested": False,
            "landing_route": "/evil",
            "is_validation": False,
            "access_token": None,
        }
        values.update(params)
        response = self.opener.post(
            f"{self.base_url()}{route or f'/my/dossiers/{dossier.id}/transaction'}",
            json={"id": 0, "jsonrpc": "2.0", "method": "call", "params": values},
            timeout=12,
        )
        self.assertEqual(response.status_code, 200)
        body = response.json()
        return body["error"]["data"]["message"] if "error" in body else body["result"]

    def test_owner_sees_pay_online_and_the_payment_form(self):
        self.authenticate("pay_citizen", "pay_citizen_pw")
        page = self.url_open(f"/my/dossiers/{self.dossier.id}")
        self.assertIn("Pay online", page.text)
        self.assertIn("To pay", page.text.replace("Fees to pay", "To pay"))
        pay = self.url_open(f"/my/dossiers/{self.dossier.id}/pay")
        self.assertEqual(pay.status_code, 200)
        self.assertIn(f"Pay the fees of dossier <span>{self.dossier.name}</span>", pay.text)
        self.assertIn(f'data-transaction-route="/my/dossiers/{self.dossier.id}/transaction"', pay.text)
        self.assertIn('data-amount="40000"', pay.text)
        # the desk's provider is never offered to citizens
        self.assertNotIn("One-stop desk", pay.text)

    def test_valid_transaction_is_linked_to_the_dossier(self):
        self.authenticate("pay_citizen", "pay_citizen_pw")
        values = self._transaction(self.dossier)
        tx = self.env["payment.transaction"].sudo().search([("reference", "=", values["reference"])])
        self.assertEqual(tx.motcua_dossier_ids, self.dossier)
        self.assertEqual(tx.amount, 40000)
        self.assertEqual(tx.currency_id, self.env.ref("base.VND"))
        self.assertEqual(tx.partner_id, self.citizen.partner_id)
        # the landing route is the dossier's page, whatever the browser sent
        self.assertEqual(tx.landing_route, f"/my/dossiers/{self.dossier.id}")
        self.assertTrue(tx.reference.startswith(self.dossier.name))

    def test_forged_amount_is_refused(self):
        self.authenticate("pay_citizen", "pay_citizen_pw")
        self.assertIn("The amount to pay was changed", self._transaction(self.dossier, amount=1.0))
        self.assertIn("The amount to pay was changed", self._transaction(self.dossier, amount="forty"))
        self.assertFalse(
            self.env["payment.transaction"].sudo().search([("motcua_dossier_ids", "in", self.dossier.ids)])
        )

    def test_another_citizens_dossier_is_refused(self):
        self.authenticate("pay_intruder", "pay_intruder_pw")
        self.assertIn("cannot be paid from this page", self._transaction(self.dossier))
        self.assertEqual(self.url_open(f"/my/dossiers/{self.dossier.id}/pay", allow_redirects=False).status_code, 303)
        self.assertFalse(
            self.env["payment.transaction"].sudo().search([("motcua_dossier_ids", "in", self.dossier.ids)])
        )

    def test_desk_provider_and_injected_values_are_refused(self):
        self.authenticate("pay_citizen", "pay_citizen_pw")
        desk = self.env.ref("motcua_payment.payment_provider_desk")
        self.assertIn(
            "not available for the dossier",
            self._transaction(
                self.dossier,
                provider_id=desk.id,
                payment_method_id=self.env.ref("motcua_payment.payment_method_cash").id,
            ),
        )
        self.assertIn(
            "not whitelisted", self._transaction(self.dossier, motcua_dossier_ids=[Command.set(self.other.ids)])
        )
        self.assertFalse(self.env["payment.transaction"].sudo().search([("motcua_dossier_ids", "in", self.other.ids)]))

    def test_forged_obligation_is_refused(self):
        self.other.with_user(self.officer).action_request_obligation("tax", 500000, "TB 1")
        obligation = self.other.obligation_ids
        self.authenticate("pay_citizen", "pay_citizen_pw")
        url = f"/my/dossiers/{self.dossier.id}/obligation/{obligation.id}/transaction"
        # the obligation of another citizen's dossier, behind my dossier's id
        self.assertIn("not waiting for a payment", self._transaction(self.dossier, route=url, amount=500000.0))
        self.assertEqual(obligation.state, "waiting")

    def test_paid_dossier_has_nothing_to_pay(self):
        self.dossier.with_user(self.officer).action_record_payment("cash")
        self.authenticate("pay_citizen", "pay_citizen_pw")
        page = self.url_open(f"/my/dossiers/{self.dossier.id}")
        self.assertNotIn('o_motcua_pay"', page.text)
        self.assertIn("Fees paid", page.text)
        pay = self.url_open(f"/my/dossiers/{self.dossier.id}/pay", allow_redirects=False)
        self.assertEqual(pay.status_code, 303)
        self.assertIn("No fee is due", self._transaction(self.dossier))

    def test_lookup_page_shows_payment_and_pause(self):
        self.dossier.with_user(self.officer).action_request_obligation("land_levy", 12000000, "TB 99/CCT")
        key = self.dossier.sudo().lookup_key
        page = self.url_open(f"/tra-cuu-ho-so?code={self.dossier.name}&key={key}")
        self.assertIn("Waiting for the citizen&#39;s financial obligation", page.text)
        self.assertIn("Fees to pay", page.text)

    def test_citizen_pays_online_in_the_browser(self):
        self.start_tour(f"/my/dossiers/{self.dossier.id}", "motcua_payment_portal_tour", login="pay_citizen")
        self.assertEqual(self.dossier.payment_state, "paid")
        self.assertTrue(self.dossier.paid_online)
