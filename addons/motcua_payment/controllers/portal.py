from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.fields import Command
from odoo.http import request

from odoo.addons.payment.controllers.portal import PaymentPortal


class MotcuaPaymentPortal(PaymentPortal):
    """Citizens pay the fees of their dossier (or a financial obligation) with Odoo's payment
    form. The amount, the currency, the payer and the dossier come from the dossier found with
    the portal user's rights (or its access token), never from the browser."""

    def _motcua_dossier(self, dossier_id, access_token):
        return self._document_check_access("motcua.dossier", dossier_id, access_token)

    @staticmethod
    def _motcua_payer(dossier_sudo):
        user = request.env.user
        return dossier_sudo.partner_id if user._is_public() else user.partner_id

    @staticmethod
    def _motcua_providers(dossier_sudo, partner, amount):
        desk = request.env.ref("motcua_payment.payment_provider_desk")
        providers = (
            request.env["payment.provider"]
            .sudo()
            ._get_compatible_providers(
                request.env.company.id,
                partner.id,
                amount,
                currency_id=dossier_sudo._motcua_currency().id,
            )
        )
        return providers - desk

    @staticmethod
    def _motcua_landing(dossier_sudo, access_token):
        """Back to the dossier's page: with the access token only when the page was opened with it."""
        return dossier_sudo.access_url + (f"?access_token={access_token}" if access_token else "")

    @http.route(
        "/my/dossiers/<int:dossier_id>/pay", type="http", auth="public", methods=["GET"], website=True, sitemap=False
    )
    def portal_dossier_pay(self, dossier_id, access_token=None, obligation_id=None, **kwargs):
        try:
            dossier_sudo = self._motcua_dossier(dossier_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        try:
            amount, obligation = dossier_sudo._motcua_payment_target(obligation_id)
        except UserError:
            return request.redirect(self._motcua_landing(dossier_sudo, access_token))
        partner = self._motcua_payer(dossier_sudo)
        currency = dossier_sudo._motcua_currency()
        providers = self._motcua_providers(dossier_sudo, partner, amount)
        payment_methods = (
            request.env["payment.method"]
            .sudo()
            ._get_compatible_payment_methods(providers.ids, partner.id, currency_id=currency.id)
        )
        tokens = request.env["payment.token"].sudo()._get_available_tokens(providers.ids, partner.id)
        values = {
            "dossier": dossier_sudo,
            "obligation": obligation,
            "page_name": "dossier_pay",
            "amount": amount,
            "currency": currency,
            "partner_id": partner.id,
            "providers_sudo": providers,
            "payment_methods_sudo": payment_methods,
            "tokens_sudo": tokens,
            "show_tokenize_input_mapping": self._compute_show_tokenize_input_mapping(providers),
            "transaction_route": f"/my/dossiers/{dossier_sudo.id}"
            + (f"/obligation/{obligation.id}" if obligation else "")
            + "/transaction",
            "landing_route": self._motcua_landing(dossier_sudo, access_token),
            "access_token": access_token or "",
            "reference_prefix": dossier_sudo.name,
            "mode": "payment",
        }
        return request.render("motcua_payment.portal_dossier_pay", values)

    @http.route(
        [
            "/my/dossiers/<int:dossier_id>/transaction",
            "/my/dossiers/<int:dossier_id>/obligation/<int:obligation_id>/transaction",
        ],
        type="jsonrpc",
        auth="public",
    )
    def portal_dossier_transaction(self, dossier_id, access_token=None, obligation_id=None, **kwargs):
        """Create the transaction of the payment form: for this dossier, its amount, its payer."""
        try:
            dossier_sudo = self._motcua_dossier(dossier_id, access_token or None)
        except (AccessError, MissingError):
            raise ValidationError(request.env._("This dossier cannot be paid from this page.")) from None
        self._validate_transaction_kwargs(kwargs)
        amount, obligation = dossier_sudo._motcua_payment_target(obligation_id)
        sent = kwargs.pop("amount", None)
        try:
            changed = sent is not None and float(sent) != float(amount)
        except (TypeError, ValueError):
            changed = True
        if changed:
            raise ValidationError(request.env._("The amount to pay was changed: reload the page."))
        dossier_sudo._motcua_check_no_pending(obligation)
        partner = self._motcua_payer(dossier_sudo)
        if (
            self._cast_as_int(kwargs.get("provider_id"))
            not in self._motcua_providers(dossier_sudo, partner, amount).ids
        ):
            raise ValidationError(request.env._("This payment provider is not available for the dossier."))
        kwargs.update(
            amount=amount,
            currency_id=dossier_sudo._motcua_currency().id,
            partner_id=partner.id,
            reference_prefix=dossier_sudo.name,
            landing_route=self._motcua_landing(dossier_sudo, access_token),
            is_validation=False,
        )
        tx_sudo = self._create_transaction(
            custom_create_values={
                "motcua_dossier_ids": [Command.set([dossier_sudo.id])],
                "motcua_obligation_id": obligation.id or False,
            },
            **kwargs,
        )
        return tx_sudo._get_processing_values()
