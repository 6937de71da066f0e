from odoo import api, fields, models


class MotcuaDvcqgBackfill(models.TransientModel):
    """An administrator sends the national portal the dossiers received before the outbox existed:
    each gets one message with its current state; running it again queues nothing new."""

    _name = "motcua.dvcqg.backfill"
    _description = "Backfill of the national portal outbox"

    received_before = fields.Datetime(
        required=True,
        default=lambda self: self._default_received_before(),
        help="Dossiers received before this moment and never sent to the national portal are sent with "
        "their current state. By default: when this module was installed.",
    )
    dossier_count = fields.Integer(string="Dossiers to send", compute="_compute_dossier_count")
    result = fields.Text(readonly=True)

    @api.model
    def _default_received_before(self):
        """When the module was installed: its sender was created then."""
        sender = self.env.ref("motcua_dvcqg.ir_cron_dvcqg_send", raise_if_not_found=False)
        return sender.sudo().create_date if sender else fields.Datetime.now()

    @api.depends("received_before")
    def _compute_dossier_count(self):
        Message = self.env["motcua.dvcqg.message"]
        for wizard in self:
            wizard.dossier_count = Message._motcua_backfill_count(wizard.received_before or fields.Datetime.now())

    def action_backfill(self):
        self.ensure_one()
        queued, remaining = self.env["motcua.dvcqg.message"]._motcua_backfill_start(self.received_before)
        lines = [self.env._("%(count)s dossiers queued for the national portal.", count=queued)]
        if remaining:
            lines.append(self.env._("%(count)s more are queued in the background, batch after batch.", count=remaining))
        self.result = "\n".join(lines)
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }
