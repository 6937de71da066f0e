from odoo import fields, models


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
