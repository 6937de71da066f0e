from odoo import api, fields, models, modules

BACKFILL_PARAM = "motcua_dvcqg.backfill_before"


class MotcuaDvcqgMessage(models.Model):
    """Backfill: the dossiers received before the outbox existed (or before a date) get one message
    with their current state, once: a dossier that has a message is never queued again."""

    # one file per concern of the message: split on purpose
    _inherit = "motcua.dvcqg.message"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _motcua_backfill_domain(self, before):
        return [
            ("received_at", "!=", False),
            ("received_at", "<", before),
            ("state", "!=", "draft"),
            ("dvcqg_message_ids", "=", False),
        ]

    @api.model
    def _motcua_backfill_batch(self):
        """How many dossiers one transaction queues (system parameter ``motcua_dvcqg.backfill_batch``)."""
        return int(self.env["ir.config_parameter"].sudo().get_param("motcua_dvcqg.backfill_batch") or 200)

    @api.model
    def _motcua_backfill_count(self, before):
        Dossier = self.env["motcua.dossier"].sudo().with_context(active_test=False)
        return Dossier.search_count(self._motcua_backfill_domain(before))

    @api.model
    @api.private
    def _motcua_backfill(self, before):
        """Queue the current state of one batch of dossiers received before ``before``, the
        oldest first. Returns the messages queued."""
        Dossier = self.env["motcua.dossier"].sudo().with_context(active_test=False)
        dossiers = Dossier.search(
            self._motcua_backfill_domain(before), order="received_at, id", limit=self._motcua_backfill_batch()
        )
        return self._motcua_enqueue(dossiers, "snapshot", at=fields.Datetime.now())

    @api.model
    @api.private
    def _motcua_backfill_start(self, before):
        """The first batch now; the rest by the backfill scheduled action, batch after batch."""
        queued = self._motcua_backfill(before)
        remaining = self._motcua_backfill_count(before)
        if remaining:
            self.env["ir.config_parameter"].sudo().set_param(BACKFILL_PARAM, fields.Datetime.to_string(before))
            self.env.ref("motcua_dvcqg.ir_cron_dvcqg_backfill").sudo()._trigger()
        return len(queued), remaining

    @api.model
    def _cron_backfill(self):
        """Continue the backfill an administrator started, one committed batch at a time."""
        Param = self.env["ir.config_parameter"].sudo()
        before = fields.Datetime.to_datetime(Param.get_param(BACKFILL_PARAM))
        if not before:
            return 0
        done = 0
        while True:
            queued = self._motcua_backfill(before)
            done += len(queued)
            remaining = self._motcua_backfill_count(before)
            if not remaining:
                Param.set_param(BACKFILL_PARAM, False)
            if modules.module.current_test:
                time_left = float("inf")
            else:
                time_left = self.env["ir.cron"]._commit_progress(len(queued), remaining=remaining)
            if not remaining or not queued or time_left <= 0:
                break
        return done
