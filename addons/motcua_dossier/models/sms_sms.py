from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.motcua_base.tools.phone import normalize_vn_phone


class SmsSms(models.Model):
    _inherit = "sms.sms"

    motcua_attempts = fields.Integer(string="Attempts", readonly=True, copy=False)

    @api.model
    @api.private
    def _motcua_queue(self, dossier, number, text):
        """Queue ``text`` to the applicant of ``dossier``: a note in its chatter (the staff's view of
        the SMS: no number, the lookup key masked) and the ``sms.sms`` Odoo's queue sends, in E.164."""
        dossier = dossier.sudo()
        key = dossier.lookup_key
        note = dossier.message_post(
            body=self.env._("SMS queued to the applicant: %(text)s", text=text.replace(key, "***") if key else text)
        )
        vals = {"body": text, "mail_message_id": note.id}
        try:
            vals["number"] = normalize_vn_phone(self.env, number, international=True)
        except ValidationError:
            vals.update(number=number, state="error", failure_type="sms_number_format")
        sms = self.sudo().create(vals)
        if sms.state == "error":
            sms._motcua_log_outcome()
        return sms

    def _motcua_gateway_sms(self):
        return self.filtered(lambda sms: sms._get_sms_company().motcua_sms_provider == "motcua_http")

    def _split_by_api(self):
        """The SMS of companies sending through an HTTP gateway go to it, the others as Odoo does."""
        others = self.browse()
        for company, company_sms in self.grouped(lambda sms: sms._get_sms_company()).items():
            if company.motcua_sms_provider == "motcua_http":
                sms_api = company._get_sms_api_class()(self.env)
                sms_api._set_company(company)
                yield sms_api, company_sms
            else:
                others |= company_sms
        if others:
            yield from super(SmsSms, others)._split_by_api()

    def _handle_call_result_hook(self, results):
        """Put a message the gateway did not take (server error, no answer) back in Odoo's queue until
        the company's number of attempts, and tell the dossier's chatter how its SMS went."""
        result = super()._handle_call_result_hook(results)
        for company, company_sms in self._motcua_gateway_sms().grouped(lambda sms: sms._get_sms_company()).items():
            for sms in company_sms:
                sms.motcua_attempts += 1
            retry = company_sms.filtered(
                lambda sms, c=company: (
                    sms.state == "error"
                    and sms.failure_type == "sms_server"
                    and sms.motcua_attempts < c.motcua_sms_max_attempts
                )
            )
            if retry:
                retry.write({"state": "outgoing", "failure_type": False})
                at = fields.Datetime.now() + timedelta(minutes=company.motcua_sms_retry_minutes or 10)
                self.env.ref("sms.ir_cron_sms_scheduler_action")._trigger(at=at)
        self._motcua_log_outcome()
        return result

    def _motcua_log_outcome(self):
        """A note on the dossier of each SMS: sent, to be resent or failed. Neither the number nor the
        gateway's answer (it may quote the number): the chatter is read by more people than the
        personal data."""
        failures = dict(self._fields["failure_type"]._description_selection(self.env))
        for sms in self.filtered(lambda sms: sms.mail_message_id.model == "motcua.dossier"):
            dossier = self.env["motcua.dossier"].sudo().browse(sms.mail_message_id.res_id).exists()
            if not dossier:
                continue
            if sms.state in ("pending", "sent"):
                body = self.env._("SMS sent to the applicant.")
            elif sms.state == "outgoing":
                body = self.env._(
                    "SMS to the applicant not sent yet (attempt %(count)s): it will be resent.",
                    count=sms.motcua_attempts,
                )
            else:
                body = self.env._(
                    "SMS to the applicant failed: %(error)s", error=failures.get(sms.failure_type, sms.failure_type)
                )
            dossier.message_post(body=body)
