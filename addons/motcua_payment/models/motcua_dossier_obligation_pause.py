from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .motcua_dossier_obligation import OBLIGATION_KINDS


class MotcuaDossier(models.Model):
    """The pause for a financial obligation (tax, land levy...): recorded by the handler, it stops
    the legal clock of an in-progress dossier (a flag, not a state: the dossier stays received or in
    progress for the statistics) and the payment of the obligation starts it again, the paused
    working time moving the appointment, the legal due date and the open step's deadline."""

    # one file per concern of the dossier: split on purpose
    _inherit = "motcua.dossier"  # pylint: disable=consider-merging-classes-inherited

    obligation_ids = fields.One2many(
        "motcua.dossier.obligation", "dossier_id", string="Financial obligations", readonly=True, copy=False
    )
    obligation_waiting = fields.Boolean(
        string="Waiting for a financial obligation",
        compute="_compute_obligation_waiting",
        store=True,
        index=True,
        compute_sudo=True,
    )

    @api.depends("obligation_ids.state")
    def _compute_obligation_waiting(self):
        for dossier in self:
            dossier.obligation_waiting = any(o.state == "waiting" for o in dossier.obligation_ids)

    def action_open_obligation(self):
        return self._motcua_open_dialog("motcua.obligation.wizard")

    def action_request_obligation(self, kind, amount, notice):
        """The applicant must settle a financial obligation first: the clock pauses until it is paid."""
        self._check_group("motcua_base.group_receiving_officer", self.env._("record a financial obligation"))
        self._check_state(["received", "in_progress"], self.env._("Waiting for a financial obligation"))
        if kind not in dict(OBLIGATION_KINDS):
            raise ValidationError(self.env._("Choose the kind of the financial obligation."))
        if not (notice or "").strip():
            raise ValidationError(self.env._("Give the notice of the financial obligation (number, date, authority)."))
        if not isinstance(amount, int) or amount <= 0:
            raise ValidationError(self.env._("The amount of a financial obligation must be positive."))
        for dossier in self:
            if dossier.obligation_waiting:
                raise UserError(
                    self.env._("The dossier %(code)s already waits for a financial obligation.", code=dossier.name)
                )
            now = dossier._now()
            self.env["motcua.dossier.obligation"].sudo().create(
                {
                    "dossier_id": dossier.id,
                    "kind": kind,
                    "notice": notice.strip(),
                    "amount": amount,
                    "requested_at": now,
                    "requested_by_id": self.env.uid,
                }
            )
            dossier._motcua_workflow_write({"paused_at": now})
            dossier.message_post(
                body=self.env._(
                    "Waiting for the applicant's financial obligation (%(notice)s, %(amount)s VND): the clock is paused.",
                    notice=notice.strip(),
                    amount=f"{amount:,}".replace(",", "."),
                )
            )
            dossier._motcua_update_timeliness(now)
        return True

    def action_request_supplement(self, request, contact=False):
        if any(self.mapped("obligation_waiting")):
            raise UserError(self.env._("The dossier waits for a financial obligation: record its payment first."))
        return super().action_request_supplement(request, contact=contact)

    @api.private
    def _motcua_obligation_settled(self, obligation):
        """The obligation is paid: the clock runs again from now."""
        self.ensure_one()
        if obligation.state != "waiting":
            return
        now = self._now()
        obligation.sudo().write({"state": "paid", "paid_at": now})
        vals, paused = self._motcua_resume_vals(now)
        self._motcua_workflow_write(vals)
        self.sudo().message_post(
            body=self.env._(
                "The financial obligation was paid; the clock was paused for %(hours)s working hours.",
                hours=round(paused, 2),
            )
        )
        self._motcua_update_timeliness(now)
