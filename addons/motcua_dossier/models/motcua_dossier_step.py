from odoo import api, fields, models

from .motcua_dossier import TIMELINESS, timeliness_of
from .motcua_procedure import STEP_ROLES

STEP_STATES = [("todo", "To do"), ("open", "In progress"), ("done", "Done"), ("cancelled", "Cancelled")]


class MotcuaDossierStep(models.Model):
    """A processing step of a dossier: one handover between units, with its own deadline.

    The processing control slip prints one row per step: from / to unit, times, result.
    """

    _name = "motcua.dossier.step"
    _description = "Dossier processing step"
    _order = "dossier_id, sequence, id"

    dossier_id = fields.Many2one("motcua.dossier", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    role = fields.Selection(STEP_ROLES, default="specialist", required=True)
    share = fields.Float(string="Share of time (%)", default=100.0)
    from_unit_id = fields.Many2one("motcua.unit", string="From unit", readonly=True)
    unit_id = fields.Many2one("motcua.unit", string="Handling unit", required=True, index=True)
    user_id = fields.Many2one("res.users", string="Handled by", readonly=True)
    state = fields.Selection(STEP_STATES, default="todo", required=True, readonly=True)
    start_at = fields.Datetime(string="Received at", readonly=True)
    deadline = fields.Datetime(readonly=True)
    done_at = fields.Datetime(string="Handed over at", readonly=True)
    timeliness = fields.Selection(TIMELINESS, readonly=True, index=True)
    is_transfer = fields.Boolean(readonly=True)
    note = fields.Text()

    def _motcua_open(self, now, from_unit, hours=None):
        """Start the step at ``now`` (the 15:00 rule of the unit may move the start)."""
        for step in self:
            start = step.unit_id._motcua_effective_start(now)
            if hours is None:
                per_day = step.unit_id._get_calendar()._motcua_hours_per_day()
                total = step.dossier_id.duration_days * per_day + step.dossier_id.duration_hours
                step_hours = total * (step.share or 100.0) / 100.0
            else:
                step_hours = hours
            deadline = step.unit_id.add_working_time(start, hours=step_hours) if step_hours else start
            step.write({"state": "open", "start_at": now, "deadline": deadline, "from_unit_id": from_unit.id})
            step._motcua_update_timeliness(now)

    def _motcua_close(self, now, note=False):
        for step in self:
            vals = {"state": "done", "done_at": now, "user_id": self.env.user.id}
            if note:
                vals["note"] = note
            step.write(vals)
            step._motcua_update_timeliness(now)

    def _motcua_update_timeliness(self, now=None):
        now = now or fields.Datetime.now()
        for step in self:
            local = step.unit_id._motcua_local
            if step.state == "done":
                value = timeliness_of(step.done_at, step.deadline, local)
            elif step.state == "open" and step.deadline:
                moment = step.dossier_id.paused_at or now
                value = "overdue" if moment > step.deadline else "within"
            else:
                value = False
            if step.timeliness != value:
                step.timeliness = value


class MotcuaDossierPaper(models.Model):
    """A paper of the intake checklist, copied from the procedure version."""

    _name = "motcua.dossier.paper"
    _inherit = ["motcua.paper.mixin"]
    _description = "Dossier paper"
    _order = "dossier_id, sequence, id"

    dossier_id = fields.Many2one("motcua.dossier", required=True, ondelete="cascade", index=True)
    received = fields.Boolean()
    note = fields.Char()


class MotcuaDossierApology(models.Model):
    """An apology for a late dossier, with the new appointment."""

    _name = "motcua.dossier.apology"
    _description = "Late dossier apology"
    _order = "issued_at desc, id desc"

    dossier_id = fields.Many2one("motcua.dossier", required=True, ondelete="cascade", index=True)
    unit_id = fields.Many2one("motcua.unit", string="Unit at fault", required=True)
    reason = fields.Text(required=True)
    old_due_at = fields.Datetime(string="Original appointment", required=True)
    new_due_at = fields.Datetime(string="New appointment", required=True)
    issued_at = fields.Datetime(required=True, default=fields.Datetime.now)

    @api.depends("dossier_id", "issued_at")
    def _compute_display_name(self):
        for apology in self:
            apology.display_name = f"{apology.dossier_id.name} / {apology.issued_at}"
