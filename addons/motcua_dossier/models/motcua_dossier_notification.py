from odoo import api, models

from odoo.addons.motcua_base.tools import strip_diacritics


class MotcuaDossier(models.Model):
    """Writing to the applicant: e-mails (mail templates) or SMS, in the citizens' language, with
    dates in the unit's local time."""

    # one file per concern of the dossier: split on purpose
    _inherit = "motcua.dossier"  # pylint: disable=consider-merging-classes-inherited

    def _motcua_format_dt(self, moment):
        if not moment:
            return ""
        return self._local(moment).strftime("%H:%M %d/%m/%Y")

    def _motcua_format_date(self, moment):
        if not moment:
            return ""
        return self._local(moment).strftime("%d/%m/%Y")

    @api.model
    def _motcua_citizen_env(self):
        """The environment in which citizens are written to (SMS, switchboard): Vietnamese once it
        is installed, whatever the language of the staff member acting."""
        if self.env["res.lang"]._get_data(code="vi_VN"):
            return self.env(context=dict(self.env.context, lang="vi_VN"))
        return self.env

    def _motcua_citizen_lang(self):
        """Language of the e-mails to the applicant (the ``lang`` of the mail templates)."""
        return self._motcua_citizen_env().lang or "en_US"

    @api.model
    def _motcua_sms(self, text, **params):
        """An SMS from a translated ``text``: without diacritics (plain GSM characters), then filled in."""
        return strip_diacritics(text) % params

    def _motcua_notify_receipt(self, sms_text):
        """Tell the applicant their dossier was received. The e-mail carries the receipt PDF: it is
        queued and produced after the desk's commit (``motcua.dossier.receipt.mail``), so that the
        officer's click does not wait for wkhtmltopdf; the SMS is queued at once as usual."""
        self.ensure_one()
        if self.env.su and self.env.context.get("motcua_no_notify"):
            return
        if self.applicant_email:
            self.env["motcua.dossier.receipt.mail"]._motcua_queue(self)
        else:
            self._motcua_notify("motcua_dossier.mail_template_dossier_received", sms_text)

    def _motcua_notify(self, template_xmlid, sms_text):
        """E-mail the applicant when they have an address, otherwise queue an SMS (sent by Odoo's
        ``sms`` queue through the company's provider)."""
        self.ensure_one()
        if self.env.su and self.env.context.get("motcua_no_notify"):
            return
        if self.applicant_email:
            template = self.env.ref(template_xmlid, raise_if_not_found=False)
            if template:
                if self.env.user.partner_id == self.partner_id:
                    # the applicant acts online: Odoo does not notify the author, so send the mail itself
                    template.sudo().send_mail(self.id, force_send=False)
                    self.message_post(
                        body=self.env._(
                            "E-mail sent to the applicant: %(subject)s",
                            subject=template._render_field("subject", self.ids)[self.id],
                        )
                    )
                else:
                    self.with_context(mail_notify_force_send=False).message_post_with_source(
                        template, subtype_xmlid="mail.mt_comment", partner_ids=self.partner_id.ids
                    )
        elif self.applicant_phone and self.channel != "online":
            # only a number the desk took down: one typed online would let anyone text anybody
            # under the province's brandname (the online applicant follows the dossier in the portal)
            self.env["sms.sms"]._motcua_queue(self, self.sudo().applicant_phone, sms_text)
