from markupsafe import escape

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class MotcuaOutgoingRecipient(models.Model):
    """A recipient of an outgoing document: an internal unit (it receives an incoming
    document) or an external agency (by e-mail, delivery tracked)."""

    _name = "motcua.outgoing.recipient"
    _description = "Outgoing document recipient"
    _inherit = ["motcua.monitor.readonly.mixin"]
    _order = "document_id, id"

    document_id = fields.Many2one("motcua.outgoing.document", required=True, index=True, ondelete="cascade")
    recipient_type = fields.Selection(
        [("internal", "Internal unit"), ("external", "External (e-mail)")], default="internal", required=True
    )
    unit_id = fields.Many2one("motcua.unit", index=True)
    partner_id = fields.Many2one("res.partner", string="Recipient")
    email = fields.Char(compute="_compute_email", store=True, readonly=False)
    date_sent = fields.Datetime(readonly=True)
    incoming_id = fields.Many2one("motcua.incoming.document", readonly=True, string="Incoming document")
    mail_id = fields.Many2one("mail.mail", readonly=True, ondelete="set null")
    delivery_state = fields.Selection(
        [
            ("pending", "Not sent"),
            ("outgoing", "In the outbox"),
            ("sent", "Sent"),
            ("received", "Received"),
            ("failed", "Failed"),
        ],
        compute="_compute_delivery_state",
        string="Delivery",
    )
    failure_reason = fields.Text(related="mail_id.failure_reason")

    @api.depends("partner_id")
    def _compute_email(self):
        for recipient in self:
            recipient.email = recipient.partner_id.email or recipient.email

    @api.depends("date_sent", "incoming_id", "mail_id.state")
    def _compute_delivery_state(self):
        for recipient in self:
            if not recipient.date_sent:
                state = "pending"
            elif recipient.recipient_type == "internal":
                state = "received" if recipient.incoming_id else "failed"
            else:
                state = {
                    "outgoing": "outgoing",
                    "sent": "sent",
                    "received": "received",
                    "exception": "failed",
                    "cancel": "failed",
                }.get(recipient.mail_id.state, "sent")
            recipient.delivery_state = state

    @api.constrains("recipient_type", "unit_id", "partner_id", "email")
    def _check_target(self):
        for recipient in self:
            if recipient.recipient_type == "internal" and not recipient.unit_id:
                raise ValidationError(self.env._("Choose the unit an internal recipient is."))
            if recipient.recipient_type == "external" and not recipient.email:
                raise ValidationError(self.env._("An external recipient needs an e-mail address."))

    def _compute_display_name(self):
        for recipient in self:
            recipient.display_name = (
                recipient.unit_id.complete_name
                if recipient.recipient_type == "internal"
                else recipient.partner_id.display_name or recipient.email
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sent(self):
        if any(recipient.date_sent for recipient in self):
            raise UserError(self.env._("A recipient the document was sent to stays on the document."))

    def _send(self):
        for recipient in self:
            doc = recipient.document_id
            if recipient.recipient_type == "internal":
                recipient._send_internal()
            else:
                attachments = self.env["ir.attachment"]
                if doc.file:
                    attachments = self.env["ir.attachment"].create(
                        {
                            "name": doc.file_name or "%s.pdf" % doc.name.replace("/", "_"),
                            "datas": doc.file,
                            "res_model": doc._name,
                            "res_id": doc.id,
                        }
                    )
                mail = (
                    self.env["mail.mail"]
                    .sudo()
                    .create(
                        {
                            "subject": "%s: %s" % (doc.name, doc.summary or ""),
                            "body_html": self.env._(
                                "<p>%(unit)s sends you the document %(name)s: %(summary)s</p>",
                                unit=escape(doc.unit_id.name),
                                name=escape(doc.name),
                                summary=escape(doc.summary or ""),
                            ),
                            "email_to": recipient.email,
                            "email_from": doc.unit_id.email
                            or self.env.company.email_formatted
                            or self.env.user.email_formatted,
                            "attachment_ids": [(6, 0, attachments.ids)],
                            "model": doc._name,
                            "res_id": doc.id,
                            "auto_delete": False,
                        }
                    )
                )
                recipient.write({"mail_id": mail.id, "date_sent": fields.Datetime.now()})
            doc.message_post(body=self.env._("Sent to %(recipient)s.", recipient=recipient.display_name))

    def _send_internal(self):
        """The receiving unit gets a received (not yet registered) incoming document."""
        self.ensure_one()
        doc = self.document_id
        sender = doc.unit_id.partner_id or self.env["res.partner"].sudo().create(
            {"name": doc.unit_id.name, "is_company": True}
        )
        if not doc.unit_id.partner_id:
            doc.unit_id.sudo().partner_id = sender
        incoming = (
            self.env["motcua.incoming.document"]
            .sudo()
            .create(
                {
                    "unit_id": self.unit_id.id,
                    "intake_channel": "internal",
                    "sender_id": sender.id,
                    "reference": doc.name,
                    "document_date": fields.Date.context_today(self, doc.issue_date),
                    "type_id": doc.type_id.id,
                    "summary": doc.summary,
                    "urgency": doc.urgency,
                    "secrecy": doc.secrecy,
                    "page_count": doc.page_count,
                    "file": doc.file,
                    "file_name": doc.file_name,
                    "source_recipient_id": self.id,
                }
            )
        )
        self.write({"incoming_id": incoming.id, "date_sent": fields.Datetime.now()})
