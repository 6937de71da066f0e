from odoo import fields, models


class MotcuaDossier(models.Model):
    """Every event the national portal tracks queues its message in the outbox, in the transaction of
    the event (the workflow itself lives in motcua_dossier)."""

    _inherit = "motcua.dossier"

    dvcqg_message_ids = fields.One2many(
        "motcua.dvcqg.message",
        "dossier_id",
        string="National portal messages",
        groups="motcua_base.group_administrator,motcua_base.group_province_monitor",
    )

    def _dvcqg_enqueue(self, event, **facts):
        # A replayed past (``motcua_now``: the demo loaders, for the superuser only, see
        # ``_now``) is no news for the national portal: *Send the earlier dossiers* sends such a
        # dossier's current state once.
        if self.env.su and self.env.context.get("motcua_now"):
            return self.env["motcua.dvcqg.message"]
        return self.env["motcua.dvcqg.message"]._motcua_enqueue(self, event, at=fields.Datetime.now(), **facts)

    def _dvcqg_due_dates(self):
        return {dossier.id: dossier.due_at for dossier in self}

    def action_receive(self):
        result = super().action_receive()
        self._dvcqg_enqueue("received")
        return result

    def action_start(self):
        result = super().action_start()
        self._dvcqg_enqueue("step")
        return result

    def action_handover(self, note=False):
        result = super().action_handover(note=note)
        # the last handover makes the result ready: that message comes from _motcua_result_ready
        self.filtered(lambda d: d.state == "in_progress")._dvcqg_enqueue("step")
        return result

    def action_transfer(self, unit, reason):
        result = super().action_transfer(unit, reason)
        self._dvcqg_enqueue("step")
        return result

    def _motcua_result_ready(self, now):
        result = super()._motcua_result_ready(now)
        self._dvcqg_enqueue("result_ready")
        return result

    def action_return(self):
        result = super().action_return()
        self._dvcqg_enqueue("returned")
        return result

    def action_request_supplement(self, request, contact=False):
        old = self._dvcqg_due_dates()
        result = super().action_request_supplement(request, contact=contact)
        for dossier in self:
            dossier._dvcqg_enqueue("supplement", old_due=old[dossier.id])
        return result

    def action_resubmit(self):
        old = self._dvcqg_due_dates()
        result = super().action_resubmit()
        for dossier in self:
            dossier._dvcqg_enqueue("resubmitted", old_due=old[dossier.id])
        return result

    def action_apologize(self, reason, new_due):
        old = self._dvcqg_due_dates()
        result = super().action_apologize(reason, new_due)
        for dossier in self:
            dossier._dvcqg_enqueue("apology", old_due=old[dossier.id], reason=reason)
        return result

    def action_change_due(self, new_due, reason):
        old = self._dvcqg_due_dates()
        result = super().action_change_due(new_due, reason)
        for dossier in self:
            dossier._dvcqg_enqueue("due_changed", old_due=old[dossier.id], reason=reason)
        return result

    def action_refuse(self, reason):
        result = super().action_refuse(reason)
        self._dvcqg_enqueue("refused")
        return result

    def action_withdraw(self, reason):
        result = super().action_withdraw(reason)
        self._dvcqg_enqueue("withdrawn")
        return result

    def action_dvcqg_replay(self):
        """Send this dossier's messages to the national portal again, from the first, same keys."""
        self._check_group("motcua_base.group_administrator", self.env._("replay the national portal messages"))
        self.env["motcua.dvcqg.message"].sudo().search([("dossier_id", "in", self.ids)])._motcua_replay()
        return True

    def action_dvcqg_open_messages(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("motcua_dvcqg.motcua_dvcqg_message_action")
        action.update(domain=[("dossier_id", "=", self.id)], context={"search_default_dossier_id": self.id})
        return action
