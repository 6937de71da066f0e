import re
from datetime import timedelta

from odoo import api, fields, models

SMS_STATES = [("queued", "Queued"), ("sent", "Sent"), ("failed", "Failed")]


class MotcuaSmsMessage(models.Model):
    """An outgoing SMS: queued, sent by the cron with retries, logged on its dossier."""

    _name = "motcua.sms.message"
    _description = "Outgoing SMS"
    _order = "id desc"

    dossier_id = fields.Many2one("motcua.dossier", index=True, ondelete="cascade")
    gateway_id = fields.Many2one("motcua.sms.gateway", ondelete="set null")
    # the applicant's phone: for the gateway only; staff see number_display (masked unless they
    # may read the dossier's personal data)
    number = fields.Char(required=True, groups="base.group_system")
    number_display = fields.Char(string="Phone number", compute="_compute_number_display", compute_sudo=False)
    body = fields.Text(required=True)
    state = fields.Selection(SMS_STATES, default="queued", required=True, index=True)
    attempts = fields.Integer(readonly=True)
    next_try_at = fields.Datetime(default=fields.Datetime.now, index=True)
    sent_at = fields.Datetime(readonly=True)
    last_error = fields.Text(readonly=True)

    @api.depends("dossier_id")
    @api.depends_context("uid")
    def _compute_number_display(self):
        for message in self:
            number = message.sudo().number or ""
            dossier = message.dossier_id
            if self.env.su or (dossier and dossier.applicant_phone and dossier.applicant_phone != "***"):
                message.number_display = number
            else:
                message.number_display = f"***{number[-2:]}" if number else ""

    @api.model
    @api.private
    def _motcua_queue(self, dossier, number, text):
        digits = re.sub(r"\D", "", number or "")
        message = self.sudo().create({"dossier_id": dossier.id if dossier else False, "number": digits, "body": text})
        if dossier:
            # no number in the chatter: it is read by more people than the personal data
            dossier.sudo().message_post(body=self.env._("SMS queued to the applicant: %(text)s", text=text))
        return message

    @api.model
    def _cron_send_queue(self, limit=200):
        now = fields.Datetime.now()
        messages = self.search([("state", "=", "queued"), ("next_try_at", "<=", now)], limit=limit)
        messages._motcua_send()
        return len(messages)

    def _motcua_send(self):
        gateway = self.env["motcua.sms.gateway"].sudo().search([], limit=1)
        for message in self.sudo():
            gw = message.gateway_id or gateway
            if not gw:
                message.write({"last_error": self.env._("No SMS gateway is configured.")})
                continue
            ok, detail = gw._motcua_send(message.number, message.body)
            attempts = message.attempts + 1
            if ok:
                message.write(
                    {
                        "state": "sent",
                        "sent_at": fields.Datetime.now(),
                        "attempts": attempts,
                        "gateway_id": gw.id,
                        "last_error": False,
                    }
                )
                text = self.env._("SMS sent to the applicant.")
            elif attempts >= gw.max_attempts:
                message.write({"state": "failed", "attempts": attempts, "gateway_id": gw.id, "last_error": detail})
                text = self.env._(
                    "SMS to the applicant failed after %(count)s attempts: %(error)s", count=attempts, error=detail
                )
            else:
                message.write(
                    {
                        "attempts": attempts,
                        "gateway_id": gw.id,
                        "last_error": detail,
                        "next_try_at": fields.Datetime.now() + timedelta(minutes=gw.retry_minutes or 10),
                    }
                )
                text = self.env._(
                    "SMS to the applicant not sent yet (attempt %(count)s): %(error)s", count=attempts, error=detail
                )
            if message.dossier_id:
                message.dossier_id.sudo().message_post(body=text)

    def action_retry(self):
        self.write({"state": "queued", "next_try_at": fields.Datetime.now()})
        return True
