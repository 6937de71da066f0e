from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .motcua_dossier_states import TIMELINESS, timeliness_of
from .motcua_procedure import STEP_ROLES

STEP_STATES = [("todo", "To do"), ("open", "In progress"), ("done", "Done"), ("cancelled", "Cancelled")]
ROLE_GROUPS = {
    "receiving": "motcua_base.group_receiving_officer",
    "specialist": "motcua_base.group_specialist",
    "leader": "motcua_base.group_unit_leader",
}


class MotcuaDossierStep(models.Model):
    """A processing step of a dossier: one handover between units, with its own deadline.

    The processing control slip prints one row per step: from / to unit, times, result. Steps are
    the audit trail: staff read them, the dossier's actions write them (as superuser, after their
    checks), nobody deletes them.
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
            step.sudo().write({"state": "open", "start_at": now, "deadline": deadline, "from_unit_id": from_unit.id})
            step._motcua_update_timeliness(now)

    def _motcua_close(self, now, note=False):
        for step in self:
            vals = {"state": "done", "done_at": now, "user_id": self.env.user.id}
            if note:
                vals["note"] = note
            step.sudo().write(vals)
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
                step.sudo().timeliness = value

    @api.private
    def _motcua_handlers(self):
        """Users of the step's role in the step's unit (members of the unit or of a unit above it).
        A step at an agency outside this system is recorded by the unit that sent the dossier there."""
        self.ensure_one()
        unit = self.unit_id
        if unit.motcua_external:
            unit = self.from_unit_id or self.dossier_id.unit_id
        units = self.env["motcua.unit"].sudo().search([("id", "parent_of", unit.id)])
        group = self.env.ref(ROLE_GROUPS[self.role])
        return (
            self.env["res.users"]
            .sudo()
            .search(
                [
                    ("motcua_unit_ids", "in", units.ids),
                    ("all_group_ids", "in", group.ids),
                    ("share", "=", False),
                ]
            )
        )

    @api.private
    def _motcua_check_handler(self):
        """Only a user of the step's role in its unit completes it (a specialist does not sign for
        the leader)."""
        if self.env.su:
            return
        roles = dict(self._fields["role"]._description_selection(self.env))
        for step in self:
            if self.env.user not in step._motcua_handlers():
                raise AccessError(
                    self.env._(
                        "The step %(step)s of %(code)s is for a %(role)s of %(unit)s: you cannot complete it.",
                        step=step.name,
                        code=step.dossier_id.name,
                        role=roles[step.role].lower(),
                        unit=step.unit_id.display_name,
                    )
                )

    @api.private
    def _motcua_notify_handlers(self):
        """The next handlers find the dossier in their activities."""
        for step in self.filtered(lambda s: s.state == "open"):
            for user in step._motcua_handlers()[:10]:
                step.dossier_id.sudo().activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=step.deadline and step.deadline.date(),
                    summary=self.env._("Step to handle: %(step)s", step=step.name),
                    user_id=user.id,
                )


class MotcuaDossierPaper(models.Model):
    """A paper of the intake checklist, copied from the procedure version."""

    _name = "motcua.dossier.paper"
    _inherit = ["motcua.paper.mixin"]
    _description = "Dossier paper"
    _order = "dossier_id, sequence, id"

    dossier_id = fields.Many2one("motcua.dossier", required=True, ondelete="cascade", index=True)
    procedure_paper_id = fields.Many2one(
        "motcua.procedure.paper",
        string="Paper of the procedure",
        readonly=True,
        ondelete="set null",
        help="The paper of the procedure's checklist this line was copied from.",
    )
    received = fields.Boolean()
    note = fields.Char()

    def _motcua_check_open(self, dossiers):
        """The intake checklist is the receipt's: it changes while the dossier is a draft (or
        the applicant supplements it), never afterwards."""
        if self.env.su:
            return
        dossiers._motcua_check_writer()
        closed = dossiers.filtered(lambda d: d.state not in ("draft", "supplement"))
        if closed:
            raise UserError(
                self.env._(
                    "The papers of the dossier %(code)s are part of its receipt and can no longer be changed.",
                    code=closed[0].name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._motcua_check_open(
            self.env["motcua.dossier"].browse({vals.get("dossier_id") for vals in vals_list if vals.get("dossier_id")})
        )
        return super().create(vals_list)

    def write(self, vals):
        dossiers = self.dossier_id
        if vals.get("dossier_id"):
            dossiers |= dossiers.browse(vals["dossier_id"])
        self._motcua_check_open(dossiers)
        return super().write(vals)

    def unlink(self):
        self._motcua_check_open(self.dossier_id)
        return super().unlink()


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


class MotcuaDossierDueChange(models.Model):
    """A new appointment given to the applicant (change of appointment or apology): who, when,
    why. It does not move the legal due date the timeliness is measured against."""

    _name = "motcua.dossier.due.change"
    _description = "Change of appointment"
    _order = "changed_at desc, id desc"

    dossier_id = fields.Many2one("motcua.dossier", required=True, ondelete="cascade", index=True, readonly=True)
    kind = fields.Selection(
        [("change", "Change of appointment"), ("apology", "Apology")], string="Type", required=True, readonly=True
    )
    user_id = fields.Many2one("res.users", string="Changed by", required=True, readonly=True)
    changed_at = fields.Datetime(string="Changed at", required=True, readonly=True)
    old_due_at = fields.Datetime(string="Previous appointment", readonly=True)
    new_due_at = fields.Datetime(string="New appointment", required=True, readonly=True)
    reason = fields.Text(required=True, readonly=True)
