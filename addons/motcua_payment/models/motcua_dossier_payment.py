from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.motcua_dossier.models.motcua_dossier_states import FINISHED_STATES, OPEN_STATES

PAYMENT_STATES = [("none", "No fee"), ("to_pay", "To pay"), ("paid", "Paid"), ("refunded", "Refunded")]
ONLINE_OPERATIONS = ("online_redirect", "online_direct", "online_token")
# Outputs of the payments: computed from the transactions, never written over RPC.
PAYMENT_FIELDS = {
    "fee_due",
    "payment_state",
    "paid_online",
    "paid_at",
    "payment_transaction_ids",
    "obligation_ids",
    "obligation_waiting",
}
PAYABLE_STATES = (*OPEN_STATES, *FINISHED_STATES)


class MotcuaDossier(models.Model):
    """The fees and charges of a dossier and their payments (Odoo's ``payment.transaction``):
    online through a provider, at the desk in cash or by bank transfer, refunded on refusal when
    the procedure says so. The indicator fields of Decision 766 (``fee_due``, ``payment_state``,
    ``paid_online``) are stored and follow the transactions."""

    # one file per concern of the dossier: split on purpose
    _inherit = "motcua.dossier"  # pylint: disable=consider-merging-classes-inherited

    payment_transaction_ids = fields.Many2many(
        "payment.transaction",
        "motcua_dossier_payment_transaction_rel",
        "dossier_id",
        "transaction_id",
        string="Payments",
        readonly=True,
        copy=False,
        groups="motcua_base.group_receiving_officer",
    )
    fee_due = fields.Boolean(
        string="Fees to pay",
        compute="_compute_fee_due",
        store=True,
        index=True,
        help="The dossier has fees or charges.",
    )
    payment_state = fields.Selection(
        PAYMENT_STATES,
        string="Payment",
        compute="_compute_payment_state",
        store=True,
        index=True,
        tracking=True,
        compute_sudo=True,
    )
    paid_online = fields.Boolean(
        compute="_compute_payment_state",
        store=True,
        index=True,
        compute_sudo=True,
        help="The fees were paid through an online payment provider (not at the desk).",
    )
    paid_at = fields.Datetime(string="Fees paid on", compute="_compute_payment_state", store=True, compute_sudo=True)

    @api.depends("amount_total")
    def _compute_fee_due(self):
        for dossier in self:
            dossier.fee_due = dossier.amount_total > 0

    @api.depends(
        "amount_total",
        "payment_transaction_ids.state",
        "payment_transaction_ids.amount",
        "payment_transaction_ids.motcua_obligation_id",
    )
    def _compute_payment_state(self):
        for dossier in self:
            done = dossier._motcua_fee_transactions().filtered(lambda t: t.state == "done")
            payments = done.filtered(lambda t: t.operation != "refund")
            refunds = done - payments
            paid = sum(payments.mapped("amount"))
            if dossier.amount_total <= 0 and not payments:
                state = "none"
            elif payments and paid + sum(refunds.mapped("amount")) <= 0:
                state = "refunded"
            elif payments and paid >= dossier.amount_total:
                state = "paid"
            else:
                state = "to_pay"
            dossier.payment_state = state
            dossier.paid_online = any(t.operation in ONLINE_OPERATIONS for t in payments)
            dossier.paid_at = max(t.motcua_recorded_at or t.last_state_change for t in payments) if payments else False

    def _motcua_fee_transactions(self):
        self.ensure_one()
        return self.sudo().payment_transaction_ids.filtered(lambda t: not t.motcua_obligation_id)

    # ------------------------------------------------------------------ guards
    def _motcua_check_vals(self, vals):
        if not self.env.su and set(vals) & PAYMENT_FIELDS:
            raise AccessError(
                self.env._("The payments of a dossier are recorded by the desk or by the payment provider only.")
            )
        return super()._motcua_check_vals(vals)

    # ------------------------------------------------------------------ what is to pay
    @api.private
    def _motcua_payment_target(self, obligation_id=None):
        """What the applicant pays now: ``(amount, obligation)``, the obligation empty for the
        fees. Raises a translated ``UserError`` when nothing of the kind is waiting."""
        self.ensure_one()
        dossier = self.sudo()
        Obligation = self.env["motcua.dossier.obligation"]
        if obligation_id:
            try:
                obligation_id = int(obligation_id)
            except (TypeError, ValueError):
                obligation_id = 0
            obligation = dossier.obligation_ids.filtered(lambda o: o.id == obligation_id and o.state == "waiting")
            if not obligation:
                raise UserError(self.env._("This financial obligation is not waiting for a payment."))
            return obligation.amount, obligation
        if dossier.state not in PAYABLE_STATES or dossier.payment_state != "to_pay":
            raise UserError(self.env._("No fee is due on the dossier %(code)s.", code=dossier.name))
        return dossier.amount_total, Obligation

    @api.private
    def _motcua_check_no_pending(self, obligation):
        """One payment at a time: a payment still processed by the provider must end first."""
        pending = self.sudo().payment_transaction_ids.filtered(
            lambda t: t.state in ("pending", "authorized") and t.motcua_obligation_id == obligation
        )
        if pending:
            raise UserError(
                self.env._(
                    "A payment of %(code)s is being processed by the provider: wait for its outcome.", code=self.name
                )
            )

    @api.model
    def _motcua_currency(self):
        return self.env.ref("base.VND")

    # ------------------------------------------------------------------ desk
    def _motcua_open_dialog(self, model):
        """A dialog of this addon (``model``, a wizard) on the dossier."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": model,
            "view_mode": "form",
            "target": "new",
            "context": {"default_dossier_id": self.id},
        }

    def action_open_record_payment(self):
        return self._motcua_open_dialog("motcua.payment.record.wizard")

    def action_record_payment(self, method, note=False, obligation=None):
        """The desk received the fees (or an obligation) in cash or saw the bank transfer: the
        same kind of transaction as an online payment, on the desk's provider, done at once."""
        self.ensure_one()
        self._check_group("motcua_base.group_receiving_officer", self.env._("record a payment"))
        if method not in ("cash", "transfer"):
            raise ValidationError(self.env._("Choose how the applicant paid: in cash or by bank transfer."))
        amount, obligation = self._motcua_payment_target(obligation.id if obligation else None)
        self._motcua_check_no_pending(obligation)
        provider = self.env.ref("motcua_payment.payment_provider_desk").sudo()
        payment_method = self.env.ref(
            "motcua_payment.payment_method_cash" if method == "cash" else "payment_custom.payment_method_wire_transfer"
        )
        Transaction = self.env["payment.transaction"].sudo()
        tx = Transaction.create(
            {
                "provider_id": provider.id,
                "payment_method_id": payment_method.id,
                "reference": Transaction._compute_reference(provider.code, prefix=self.name),
                "amount": amount,
                "currency_id": self._motcua_currency().id,
                "partner_id": self.sudo().partner_id.id,
                "operation": "offline",
                "motcua_dossier_ids": [fields.Command.set(self.ids)],
                "motcua_obligation_id": obligation.id or False,
                "motcua_recorded_by_id": self.env.uid,
                "motcua_recorded_at": self._now(),
                "motcua_note": (note or "").strip() or False,
            }
        )
        tx._set_done()
        tx._post_process()
        return tx

    # ------------------------------------------------------------------ refusal
    def action_refuse(self, reason):
        started = {dossier.id: bool(dossier.step_ids) for dossier in self}
        result = super().action_refuse(reason)
        for dossier in self:
            dossier.sudo().obligation_ids.filtered(lambda o: o.state == "waiting").write({"state": "cancelled"})
            if dossier.payment_state == "paid" and dossier.procedure_id._motcua_refunds_on_refusal(started[dossier.id]):
                dossier._motcua_refund_fees()
        return result

    @api.private
    def _motcua_refund_fees(self):
        """Give the paid fees back: through the provider's refund for an online payment, as a
        refund recorded at the desk (money handed back) for a desk payment."""
        self.ensure_one()
        payments = self._motcua_fee_transactions().filtered(lambda t: t.state == "done" and t.operation != "refund")
        for tx in payments:
            if tx.operation in ONLINE_OPERATIONS and tx.provider_id.support_refund != "none":
                tx._refund()
            else:
                refund = tx._create_child_transaction(tx.amount, is_refund=True, motcua_recorded_at=self._now())
                refund._set_done()
        refunded = self.payment_state == "refunded"
        self.message_post(
            body=self.env._("The fees were refunded to the applicant.")
            if refunded
            else self.env._("The refund of the fees was sent to the payment provider.")
        )

    # ------------------------------------------------------------------ public
    def _motcua_public_data(self):
        data = super()._motcua_public_data()
        dossier = self.sudo()
        labels = {
            "none": self.env._("No fee"),
            "to_pay": self.env._("Fees to pay"),
            "paid": self.env._("Fees paid"),
            "refunded": self.env._("Fees refunded"),
        }
        data["payment_state"] = dossier.payment_state or "none"
        data["payment_label"] = labels.get(dossier.payment_state or "none")
        data["amount_total"] = dossier.amount_total
        data["obligation_waiting"] = bool(dossier.obligation_waiting)
        data["obligation_label"] = (
            self.env._("Waiting for the citizen's financial obligation") if dossier.obligation_waiting else None
        )
        return data
