from odoo import api, fields, models


class PaymentTransaction(models.Model):
    """A payment of a dossier's fees or of one of its financial obligations: online through a
    provider, or recorded at the desk (operation ``offline``) with who and when."""

    _inherit = "payment.transaction"

    motcua_dossier_ids = fields.Many2many(
        "motcua.dossier",
        "motcua_dossier_payment_transaction_rel",
        "transaction_id",
        "dossier_id",
        string="Dossiers",
        readonly=True,
        copy=False,
    )
    motcua_obligation_id = fields.Many2one(
        "motcua.dossier.obligation",
        string="Financial obligation",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Set when the payment settles a financial obligation rather than the dossier's fees.",
    )
    motcua_recorded_by_id = fields.Many2one("res.users", string="Recorded by", readonly=True, copy=False)
    motcua_recorded_at = fields.Datetime(string="Recorded at", readonly=True, copy=False)
    motcua_note = fields.Char(string="Desk note", readonly=True, copy=False, help="Receipt or bank transfer reference.")

    @api.model
    def _compute_reference_prefix(self, separator, **values):
        """The dossier's code as the reference of its payments."""
        command_list = values.get("motcua_dossier_ids")
        if command_list:
            ids = self._fields["motcua_dossier_ids"].convert_to_cache(command_list, self)
            dossiers = self.env["motcua.dossier"].sudo().browse(ids).exists()
            if dossiers:
                return separator.join(dossiers.mapped("name"))
        return super()._compute_reference_prefix(separator, **values)

    def _create_child_transaction(self, amount, is_refund=False, **custom_create_values):
        """Refunds belong to the same dossier and obligation as the payment they refund."""
        if self.motcua_dossier_ids:
            custom_create_values.setdefault("motcua_dossier_ids", [fields.Command.set(self.motcua_dossier_ids.ids)])
            custom_create_values.setdefault("motcua_obligation_id", self.motcua_obligation_id.id)
        return super()._create_child_transaction(amount, is_refund=is_refund, **custom_create_values)

    def _set_done(self, *, state_message=None, extra_allowed_states=()):
        """A paid financial obligation resumes the dossier's clock at once (the moment it is paid)."""
        done = super()._set_done(state_message=state_message, extra_allowed_states=extra_allowed_states)
        for tx in done.filtered(lambda t: t.motcua_obligation_id and t.operation != "refund"):
            tx.motcua_obligation_id.dossier_id._motcua_obligation_settled(tx.motcua_obligation_id)
        return done

    def _log_message_on_linked_documents(self, message):
        """The payment's messages go to the dossier's chatter, as on an invoice."""
        result = super()._log_message_on_linked_documents(message)
        for dossier in self.sudo().motcua_dossier_ids:
            dossier.message_post(body=message)
        return result
