from odoo import fields, models
from odoo.exceptions import ValidationError


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    motcua_sms_provider = fields.Selection(related="company_id.motcua_sms_provider", readonly=False)
    motcua_sms_url = fields.Char(related="company_id.motcua_sms_url", readonly=False, groups="base.group_system")
    motcua_sms_token = fields.Char(related="company_id.motcua_sms_token", readonly=False, groups="base.group_system")
    motcua_sms_sender = fields.Char(related="company_id.motcua_sms_sender", readonly=False)
    motcua_sms_timeout = fields.Integer(related="company_id.motcua_sms_timeout", readonly=False)
    motcua_sms_max_attempts = fields.Integer(related="company_id.motcua_sms_max_attempts", readonly=False)
    motcua_sms_retry_minutes = fields.Integer(related="company_id.motcua_sms_retry_minutes", readonly=False)
    motcua_sms_inbound_secret = fields.Char(
        related="company_id.motcua_sms_inbound_secret", readonly=False, groups="base.group_system"
    )
    motcua_sms_reply_ascii = fields.Boolean(related="company_id.motcua_sms_reply_ascii", readonly=False)
    motcua_public_figures_minutes = fields.Integer(
        string="Published figures refreshed every (minutes)",
        help="How often the figures of the public page /cong-khai are recomputed; dossier events "
        "also refresh them within a minute.",
    )

    def get_values(self):
        res = super().get_values()
        cron = self.env.ref("motcua_dossier.ir_cron_public_figures", raise_if_not_found=False)
        if cron:
            res["motcua_public_figures_minutes"] = cron.sudo().interval_number
        return res

    def set_values(self):
        res = super().set_values()
        cron = self.env.ref("motcua_dossier.ir_cron_public_figures", raise_if_not_found=False)
        if cron and self.env.user.has_group("base.group_system"):
            minutes = self.motcua_public_figures_minutes
            if minutes < 1:
                raise ValidationError(self.env._("The published figures are refreshed at least every minute."))
            if cron.interval_number != minutes or cron.interval_type != "minutes":
                cron.sudo().write({"interval_number": minutes, "interval_type": "minutes"})
        return res
