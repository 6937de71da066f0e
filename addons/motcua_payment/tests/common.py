from odoo.fields import Command
from odoo.tests import new_test_user

from odoo.addons.motcua_dossier.tests.common import DossierCase, utc

__all__ = ["PaymentCase", "utc"]


class PaymentCase(DossierCase):
    """The dossier fixtures with Odoo's demo payment provider, and a citizen with a portal account
    who owns the dossiers of ``citizen_dossier``."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.provider = cls.env.ref("payment.payment_provider_demo")
        cls.provider.write({"state": "test", "is_published": True})
        cls.demo_method = cls.env.ref("payment_demo.payment_method_demo")
        cls.vnd = cls.env.ref("base.VND")
        cls.citizen = new_test_user(cls.env, login="citizen_pay", groups="base.group_portal", name="Trần Thị Bình")
        cls.other_citizen = new_test_user(
            cls.env, login="citizen_other", groups="base.group_portal", name="Lê Văn Cường"
        )

    def citizen_dossier(self, partner=None, **vals):
        dossier = self.received_dossier(**vals)
        dossier.sudo().partner_id = (partner or self.citizen.partner_id).id
        return dossier

    def pay_online(self, dossier, simulated_state="done", amount=None, obligation=None):
        """A transaction as the payment form creates it, then the demo provider's answer."""
        Transaction = self.env["payment.transaction"].sudo()
        tx = Transaction.create(
            {
                "provider_id": self.provider.id,
                "payment_method_id": self.demo_method.id,
                "reference": Transaction._compute_reference("demo", prefix=dossier.name),
                "amount": amount if amount is not None else (obligation.amount if obligation else dossier.amount_total),
                "currency_id": self.vnd.id,
                "partner_id": dossier.sudo().partner_id.id,
                "operation": "online_direct",
                "motcua_dossier_ids": [Command.set(dossier.ids)],
                "motcua_obligation_id": obligation.id if obligation else False,
            }
        )
        tx._process("demo", {"reference": tx.reference, "simulated_state": simulated_state})
        return tx
