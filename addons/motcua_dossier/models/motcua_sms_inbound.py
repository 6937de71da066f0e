from datetime import timedelta

from odoo import api, fields, models


class MotcuaSmsInbound(models.Model):
    """Log of the requests received on the SMS inbound webhook (every request, also refused ones)."""

    _name = "motcua.sms.inbound"
    _description = "Inbound SMS request"
    _order = "id desc"

    client = fields.Char(string="Client address", readonly=True)
    sender = fields.Char(readonly=True)
    text = fields.Char(readonly=True)
    reply = fields.Char(readonly=True)
    result = fields.Selection(
        [
            ("found", "Dossier found"),
            ("not_found", "Not found"),
            ("invalid", "Invalid message"),
            ("forbidden", "Bad secret"),
            ("limited", "Rate-limited"),
        ],
        readonly=True,
    )
    dossier_id = fields.Many2one("motcua.dossier", readonly=True, ondelete="set null")

    @api.model
    def _cron_purge(self, days=30):
        """Forget the requests after ``days`` (refused ones after a day: they are noise)."""
        now = fields.Datetime.now()
        self.sudo().search(
            [
                "|",
                ("create_date", "<", now - timedelta(days=days)),
                "&",
                ("result", "=", "forbidden"),
                ("create_date", "<", now - timedelta(days=1)),
            ]
        ).unlink()
