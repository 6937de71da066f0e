import logging

from odoo import api, fields, models
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

RECEIPT_TEMPLATE = "motcua_dossier.mail_template_dossier_received"
RECEIPT_REPORT = "motcua_dossier.action_report_dossier_receipt"
CRON = "motcua_dossier.ir_cron_dossier_receipt_mail"
MAX_ATTEMPTS = 5


class MotcuaDossierReceiptMail(models.Model):
    """The "dossier received" e-mail with the receipt PDF, produced after the desk's commit.

    ``action_receive`` only queues one row (and triggers the cron): rendering the PDF with
    wkhtmltopdf takes about a second, which the officer must not wait for. The cron job renders
    the receipt, queues the e-mail in Odoo's mail queue and marks the row sent in the same
    transaction: a crash leaves the row pending and no e-mail, a second run finds it sent. The
    PDF goes with the outgoing e-mail only (deleted with it once sent), never into the chatter,
    which more people read than the applicant's personal data."""

    _name = "motcua.dossier.receipt.mail"
    _description = "Receipt e-mail to send"
    _order = "id"

    dossier_id = fields.Many2one("motcua.dossier", required=True, ondelete="cascade", index=True)
    author_id = fields.Many2one("res.partner", ondelete="set null", help="The officer who received the dossier.")
    state = fields.Selection(
        [("pending", "Pending"), ("sent", "Queued in the mail queue"), ("failed", "Failed")],
        default="pending",
        required=True,
    )
    attempts = fields.Integer(default=0)
    last_error = fields.Char()
    mail_id = fields.Many2one("mail.mail", ondelete="set null")
    sent_at = fields.Datetime()

    _dossier_uniq = models.Constraint("UNIQUE(dossier_id)", "A dossier's receipt is e-mailed once.")
    _pending_idx = models.Index("(id) WHERE state = 'pending'")

    @api.model
    def _motcua_queue(self, dossier):
        """Queue the receipt e-mail of ``dossier`` (once) and wake the cron after the commit."""
        self.sudo().create({"dossier_id": dossier.id, "author_id": self.env.user.partner_id.id})
        self.env.ref(CRON)._trigger()

    @api.model
    def _cron_send(self, batch=50):
        """Send the pending receipt e-mails, one savepoint per e-mail, committed batch by batch in
        the cron. Returns how many rows were handled."""
        done, last_id = 0, 0
        while jobs := self._motcua_lock_pending(batch, last_id):
            for job in jobs:
                job._motcua_send_one()
            done += len(jobs)
            last_id = jobs[-1].id
            if self.env.context.get("ir_cron_progress_id"):
                self.env["ir.cron"]._commit_progress(len(jobs))
        self._motcua_forget_sent_receipts()
        return done

    def _motcua_forget_sent_receipts(self):
        """The copy of the receipt is kept only until the e-mail left (the mail queue deletes it)."""
        attachments = self.env["ir.attachment"].sudo().search([("res_model", "=", self._name)])
        sent = self.browse(attachments.mapped("res_id")).exists().filtered(lambda job: not job.mail_id)
        attachments.filtered(lambda a: a.res_id in sent.ids).unlink()

    def _motcua_lock_pending(self, limit, after_id=0):
        """Pending rows after ``after_id`` that nobody else is sending (a second worker skips them)."""
        self.env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE state = 'pending' AND id > %s ORDER BY id LIMIT %s FOR UPDATE SKIP LOCKED",
                SQL.identifier(self._table),
                after_id,
                limit,
            )
        )
        return self.browse([row[0] for row in self.env.cr.fetchall()])

    def _motcua_send_one(self):
        self.ensure_one()
        try:
            with self.env.cr.savepoint():
                self._motcua_render_and_queue()
        except Exception as error:  # one bad dossier must not stop the others
            _logger.exception("Receipt e-mail of dossier %s failed", self.dossier_id.id)
            attempts = self.attempts + 1
            self.write(
                {
                    "attempts": attempts,
                    "last_error": str(error)[:500],
                    "state": "failed" if attempts >= MAX_ATTEMPTS else "pending",
                }
            )

    def _motcua_render_and_queue(self):
        dossier = self.dossier_id.sudo()
        template = self.env.ref(RECEIPT_TEMPLATE, raise_if_not_found=False)
        if not (template and dossier.applicant_email and dossier.state != "draft"):
            self.write({"state": "sent", "sent_at": fields.Datetime.now()})
            return
        pdf, _kind = self.env["ir.actions.report"].sudo()._render_qweb_pdf(RECEIPT_REPORT, dossier.ids)
        mail = template.sudo().send_mail_batch(
            dossier.ids, email_values={"auto_delete": True, "author_id": self.author_id.id or False}
        )
        # the PDF belongs to this row (system administrators only), not to the dossier's messages
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": f"Giay tiep nhan - {dossier.name}.pdf",
                    "raw": pdf,
                    "mimetype": "application/pdf",
                    "res_model": self._name,
                    "res_id": self.id,
                }
            )
        )
        mail.attachment_ids = [(4, attachment.id)]
        subject = mail.subject
        dossier.with_context(mail_notify_force_send=False).message_post(
            body=self.env._("Receipt e-mailed to the applicant: %(subject)s", subject=subject),
            author_id=self.author_id.id or None,
            subtype_xmlid="mail.mt_note",
        )
        self.write({"state": "sent", "sent_at": fields.Datetime.now(), "mail_id": mail.id})
