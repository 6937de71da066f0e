from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import consteq

from odoo.addons.motcua_base.tools import (
    mask_name,
    normalize_vn_phone,
    random_code,
    strip_diacritics,
    validate_citizen_id,
)

from .motcua_unit import DEFAULT_CODE_PATTERN

STATES = [
    ("draft", "Draft"),
    ("received", "Received"),
    ("in_progress", "In progress"),
    ("supplement", "Supplement requested"),
    ("result_ready", "Result ready"),
    ("returned", "Returned"),
    ("refused", "Refused"),
    ("withdrawn", "Withdrawn"),
]
OPEN_STATES = ("received", "in_progress", "supplement")
FINISHED_STATES = ("result_ready", "returned")
TIMELINESS = [
    ("early", "Early"),
    ("on_time", "On time"),
    ("late", "Late"),
    ("within", "Within time"),
    ("overdue", "Overdue"),
]
CHANNELS = [("desk", "At the desk"), ("online", "Online"), ("post", "By post")]
RETURN_CHANNELS = [("desk", "At the desk"), ("post", "By post"), ("online", "Online")]
APPLICANT_TYPES = [("citizen", "Citizen"), ("organisation", "Organisation")]
# dossier field -> field of motcua.dossier.personal that stores it
PERSONAL_FIELDS = {
    "applicant_id_number": "id_number",
    "applicant_phone": "phone",
    "applicant_address": "address",
    "applicant_birth_date": "birth_date",
}
MASK = "***"
# Outputs of the workflow and fields that grant access: changed by the action methods only.
WORKFLOW_FIELDS = {
    "name",
    "lookup_key",
    "state",
    "handling_unit_id",
    "access_unit_ids",
    "partner_id",
    "duration_days",
    "duration_hours",
    "received_at",
    "received_by_id",
    "start_at",
    "due_at",
    "original_due_at",
    "legal_due_at",
    "step_ids",
    "paused_at",
    "paused_hours",
    "state_before_pause",
    "supplement_request",
    "supplement_contact",
    "supplement_count",
    "result_ready_at",
    "finished_at",
    "returned_at",
    "refusal_reason",
    "withdraw_reason",
    "closed_at",
    "timeliness",
    "apology_ids",
    "due_change_ids",
    "receipt_print_count",
    "personal_id",
}
# What the receipt is made of: fixed once the dossier is received.
DRAFT_ONLY_FIELDS = {"unit_id", "procedure_id", "channel", "applicant_type", "fee", "charge", "missing_papers_reason"}
# The applicant's particulars can be corrected until the processing starts.
APPLICANT_FIELDS = {"applicant_name", "applicant_email", *PERSONAL_FIELDS}


def public_states(env):
    """Citizen-facing labels of the states (public pages, APIs, SMS), in ``env``'s language."""
    return {
        "received": env._("Dossier received"),
        "in_progress": env._("Being processed"),
        "supplement": env._("Waiting for the missing papers"),
        "result_ready": env._("Result available"),
        "returned": env._("Result handed over"),
        "refused": env._("Processing refused"),
        "withdrawn": env._("Dossier withdrawn"),
    }


def public_timeliness(env):
    """Citizen-facing labels of the timeliness, in ``env``'s language."""
    return {
        "early": env._("Ahead of time"),
        "on_time": env._("On schedule"),
        "late": env._("Past the deadline"),
        "within": env._("Within the time limit"),
        "overdue": env._("Past the deadline"),
    }


STATUS_DIGITS = {
    "received": 1,
    "in_progress": 2,
    "supplement": 3,
    "result_ready": 4,
    "returned": 5,
    "refused": 6,
    "withdrawn": 7,
}


def timeliness_of(finished_at, deadline, local):
    """Early / on time / late for a finished piece of work, within / overdue for an open one.

    ``local`` turns a naive UTC datetime into a local aware one (for the calendar day). Work
    finished on an earlier day than the deadline is early; on the deadline's day, on time.
    """
    if not deadline:
        return False
    if finished_at is None:
        return False
    if finished_at > deadline:
        return "late"
    if local(finished_at).date() < local(deadline).date():
        return "early"
    return "on_time"


class MotcuaDossier(models.Model):
    """A dossier (hồ sơ) received by a one-stop desk for an administrative procedure."""

    _name = "motcua.dossier"
    _description = "One-stop dossier"
    _inherit = ["portal.mixin", "mail.thread", "mail.activity.mixin", "motcua.unit.mixin", "motcua.access.log.mixin"]
    _order = "received_at desc, id desc"
    _rec_names_search = ["name", "applicant_name"]

    name = fields.Char(
        string="Code", readonly=True, copy=False, index="trigram", tracking=True, default=lambda self: self.env._("New")
    )
    # The key is the citizen's second factor: administrators and the system read it; the staff see
    # it through lookup_key_display, the handlers only ("***" for a province monitor).
    lookup_key = fields.Char(
        readonly=True,
        copy=False,
        groups="base.group_system",
        help="Short key printed on the receipt: with the code it opens the public lookup.",
    )
    lookup_key_display = fields.Char(
        string="Lookup key",
        compute="_compute_lookup_key_display",
        help="Short key printed on the receipt: with the code it opens the public "
        "lookup. Shown to the staff who handle the dossier.",
    )
    state = fields.Selection(
        STATES, default="draft", required=True, readonly=True, copy=False, tracking=True, index=True
    )
    unit_id = fields.Many2one(string="Receiving unit", tracking=True)
    handling_unit_id = fields.Many2one(
        "motcua.unit", string="Handling unit", index=True, tracking=True, copy=False, readonly=True
    )
    access_unit_ids = fields.Many2many(
        "motcua.unit",
        "motcua_dossier_access_unit_rel",
        "dossier_id",
        "unit_id",
        string="Units involved",
        copy=False,
        readonly=True,
        help="Units the dossier was transferred to: their staff can see it.",
    )
    procedure_id = fields.Many2one(
        "motcua.procedure", required=True, index=True, tracking=True, domain="[('current_id', '=', False)]"
    )
    procedure_version = fields.Integer(related="procedure_id.version", string="Rule version")
    field_id = fields.Many2one(related="procedure_id.field_id", store=True, index=True, string="Field")
    # applicant
    applicant_type = fields.Selection(APPLICANT_TYPES, default="citizen", required=True)
    applicant_name = fields.Char(required=True, tracking=True)
    # Personal data live in motcua.dossier.personal, behind the record rules of the handlers: these
    # fields show them to the handlers and "***" to everyone else, on every read path.
    personal_id = fields.Many2one(
        "motcua.dossier.personal",
        string="Personal data",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
    )
    applicant_id_number = fields.Char(
        string="ID number",
        compute="_compute_personal",
        inverse="_inverse_applicant_id_number",
        search="_search_applicant_id_number",
        compute_sudo=False,
        help="Citizen ID (12 digits) or the organisation's tax code.",
    )
    applicant_birth_date = fields.Date(
        string="Date of birth",
        compute="_compute_personal",
        inverse="_inverse_applicant_birth_date",
        search="_search_applicant_birth_date",
        compute_sudo=False,
    )
    applicant_phone = fields.Char(
        string="Phone",
        compute="_compute_personal",
        inverse="_inverse_applicant_phone",
        search="_search_applicant_phone",
        compute_sudo=False,
    )
    applicant_email = fields.Char(string="E-mail", tracking=True)
    applicant_address = fields.Char(
        string="Address",
        compute="_compute_personal",
        inverse="_inverse_applicant_address",
        search="_search_applicant_address",
        compute_sudo=False,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Contact",
        index=True,
        copy=False,
        help="Contact of the applicant; set on receipt. Portal users see their dossiers.",
    )
    channel = fields.Selection(CHANNELS, default="desk", required=True)
    return_channel = fields.Selection(RETURN_CHANNELS, default="desk", required=True)
    request_summary = fields.Text(string="Request")
    # intake
    paper_ids = fields.One2many("motcua.dossier.paper", "dossier_id", string="Papers", copy=True)
    missing_papers_reason = fields.Text(help="Why the dossier is received although a mandatory paper is missing.")
    fee = fields.Integer(string="Fee (VND)")
    charge = fields.Integer(string="Charge (VND)")
    amount_total = fields.Integer(string="Total (VND)", compute="_compute_amount_total", store=True)
    duration_days = fields.Float(string="Legal time (working days)", readonly=True, copy=False)
    duration_hours = fields.Float(string="Legal time (working hours)", readonly=True, copy=False)
    received_at = fields.Datetime(readonly=True, copy=False, tracking=True, index=True)
    received_by_id = fields.Many2one("res.users", string="Received by", readonly=True, copy=False)
    start_at = fields.Datetime(
        string="Clock start",
        readonly=True,
        copy=False,
        help="When the legal time starts (later than the receipt after the cut-off time).",
    )
    due_at = fields.Datetime(string="Appointment", readonly=True, copy=False, tracking=True, index=True)
    original_due_at = fields.Datetime(string="First appointment", readonly=True, copy=False)
    legal_due_at = fields.Datetime(
        string="Legal due date",
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        help="The due date of the procedure as received, moved only by the lawful pauses (waiting for a "
        "supplement): timeliness is measured against it, whatever appointment was given later.",
    )
    due_change_ids = fields.One2many(
        "motcua.dossier.due.change", "dossier_id", string="Appointment changes", copy=False
    )
    # processing
    step_ids = fields.One2many("motcua.dossier.step", "dossier_id", string="Steps", copy=False)
    current_step_id = fields.Many2one("motcua.dossier.step", compute="_compute_current_step")
    paused_at = fields.Datetime(readonly=True, copy=False)
    paused_hours = fields.Float(string="Paused working hours", readonly=True, copy=False)
    state_before_pause = fields.Char(readonly=True, copy=False)
    supplement_request = fields.Text(string="Missing papers and reasons", readonly=True, copy=False, tracking=True)
    supplement_contact = fields.Char(string="Contact for the supplement", readonly=True, copy=False)
    supplement_count = fields.Integer(readonly=True, copy=False)
    result_ready_at = fields.Datetime(readonly=True, copy=False, tracking=True)
    finished_at = fields.Datetime(
        readonly=True, copy=False, index=True, help="When the result was ready: the moment that counts for timeliness."
    )
    returned_at = fields.Datetime(readonly=True, copy=False, tracking=True)
    refusal_reason = fields.Text(readonly=True, copy=False, tracking=True)
    withdraw_reason = fields.Text(string="Withdrawal reason", readonly=True, copy=False, tracking=True)
    closed_at = fields.Datetime(readonly=True, copy=False)
    timeliness = fields.Selection(TIMELINESS, readonly=True, copy=False, index=True, tracking=True)
    apology_ids = fields.One2many("motcua.dossier.apology", "dossier_id", string="Apologies", copy=False)
    apology_count = fields.Integer(compute="_compute_apology_count", store=True)
    receipt_print_count = fields.Integer(readonly=True, copy=False)
    result_attachment_ids = fields.Many2many(
        "ir.attachment",
        "motcua_dossier_result_attachment_rel",
        "dossier_id",
        "attachment_id",
        string="Result papers",
        copy=False,
        help="Files the applicant can download from the portal.",
    )
    note = fields.Html()

    _name_uniq = models.UniqueIndex("(name) WHERE state != 'draft'", "Another dossier already has this code.")
    _stats_idx = models.Index("(unit_id, state, timeliness, finished_at)")
    _received_idx = models.Index("(unit_id, received_at)")
    _open_due_idx = models.Index("(due_at) WHERE state IN ('received', 'in_progress', 'supplement')")
    _open_legal_due_idx = models.Index("(legal_due_at) WHERE state IN ('received', 'in_progress', 'supplement')")

    # ------------------------------------------------------------------ computes
    @api.depends("fee", "charge")
    def _compute_amount_total(self):
        for dossier in self:
            dossier.amount_total = (dossier.fee or 0) + (dossier.charge or 0)

    @api.depends("apology_ids")
    def _compute_apology_count(self):
        for dossier in self:
            dossier.apology_count = len(dossier.apology_ids)

    @api.depends("step_ids.state")
    def _compute_current_step(self):
        for dossier in self:
            dossier.current_step_id = dossier.step_ids.filtered(lambda s: s.state == "open")[:1]

    def _compute_access_url(self):
        for dossier in self:
            dossier.access_url = f"/my/dossiers/{dossier.id}"

    def _compute_display_name(self):
        for dossier in self:
            dossier.display_name = (
                f"{dossier.name} - {dossier.applicant_name}" if dossier.applicant_name else dossier.name
            )

    # ------------------------------------------------------------------ onchange / constraints
    @api.onchange("procedure_id")
    def _onchange_procedure_id(self):
        procedure = self.procedure_id
        if not procedure:
            return
        self.fee = procedure.fee
        self.charge = procedure.charge
        self.paper_ids = [(5, 0, 0)] + [(0, 0, line) for line in self._motcua_paper_vals(procedure)]

    @api.model
    def _motcua_paper_vals(self, procedure):
        return [
            {
                "sequence": paper.sequence,
                "name": paper.name,
                "paper_type": paper.paper_type,
                "quantity": paper.quantity,
                "mandatory": paper.mandatory,
                "received": False,
            }
            for paper in procedure.paper_ids
        ]

    @api.constrains("applicant_type")
    def _check_applicant_type(self):
        self.sudo().personal_id._check_id_number()

    @api.constrains("received_at", "due_at")
    def _check_dates(self):
        for dossier in self:
            if dossier.received_at and dossier.due_at and dossier.due_at <= dossier.received_at:
                raise ValidationError(
                    self.env._("The appointment of %(code)s cannot be before its receipt.", code=dossier.name)
                )

    @api.model
    def _motcua_clean_applicant(self, vals):
        if vals.get("applicant_id_number"):
            vals["applicant_id_number"] = "".join(vals["applicant_id_number"].split())
            if vals.get("applicant_type", "citizen") == "citizen":
                vals["applicant_id_number"] = validate_citizen_id(self.env, vals["applicant_id_number"])
        if vals.get("applicant_phone"):
            vals["applicant_phone"] = normalize_vn_phone(self.env, vals["applicant_phone"])
        return vals

    # ------------------------------------------------------------------ guards
    @api.private
    def _motcua_check_writer(self):
        """Province monitors read every dossier and change none."""
        user = self.env.user
        if (
            not self.env.su
            and user.has_group("motcua_base.group_province_monitor")
            and not user.has_group("motcua_base.group_administrator")
        ):
            raise AccessError(self.env._("Province monitors can read dossiers but not change them."))

    def _motcua_check_vals(self, vals):
        """Workflow outputs and access-granting fields change through the actions only."""
        if self.env.su:
            return
        self._motcua_check_writer()
        forged = sorted(set(vals) & WORKFLOW_FIELDS)
        if forged:
            raise AccessError(
                self.env._(
                    "%(fields)s of a dossier change only through its actions (receive, hand over, return...).",
                    fields=", ".join(self._fields[f]._description_string(self.env) for f in forged),
                )
            )
        labels = dict(self._fields["state"]._description_selection(self.env))
        for dossier in self:
            fixed = (DRAFT_ONLY_FIELDS & set(vals)) if dossier.state != "draft" else set()
            if dossier.state not in ("draft", "received"):
                fixed |= APPLICANT_FIELDS & set(vals)
            fixed = [f for f in fixed if dossier._fields[f].convert_to_write(dossier[f], dossier) != vals[f]]
            if fixed:
                raise UserError(
                    self.env._(
                        "%(fields)s of the dossier %(code)s can no longer be changed in the state %(state)s.",
                        fields=", ".join(sorted(self._fields[f]._description_string(self.env) for f in fixed)),
                        code=dossier.name,
                        state=labels[dossier.state],
                    )
                )

    @api.private
    def _motcua_workflow_write(self, vals):
        """Write workflow outputs, for the action methods once their checks passed (tracked as
        the acting user)."""
        return self.sudo().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self.browse()._motcua_check_vals(vals)
            self._motcua_clean_applicant(vals)
            if vals.get("procedure_id") and "paper_ids" not in vals:
                procedure = self.env["motcua.procedure"].browse(vals["procedure_id"])
                vals["paper_ids"] = [(0, 0, line) for line in self._motcua_paper_vals(procedure)]
                vals.setdefault("fee", procedure.fee)
                vals.setdefault("charge", procedure.charge)
        return super().create(vals_list)

    def write(self, vals):
        self._motcua_check_vals(vals)
        self._motcua_clean_applicant(vals)
        personal = sorted(set(vals) & set(PERSONAL_FIELDS))
        result = super().write(vals)
        if personal and not (self.env.su and self.env.context.get("motcua_no_notify")):
            # no old/new values in the chatter: it is read by more people than the data
            names = ", ".join(self._fields[f]._description_string(self.env) for f in personal)
            for dossier in self.filtered(lambda d: d.state != "draft"):
                dossier.message_post(
                    body=self.env._("Personal data of the applicant changed: %(fields)s.", fields=names)
                )
        return result

    def unlink(self):
        self._motcua_check_writer()
        return super().unlink()

    # ------------------------------------------------------------------ personal data
    @api.depends("personal_id.id_number", "personal_id.phone", "personal_id.address", "personal_id.birth_date")
    @api.depends_context("uid")
    def _compute_personal(self):
        """The handlers (record rules of motcua.dossier.personal) see the data, logged; the others
        (e.g. a province monitor browsing every unit) see "***"."""
        allowed = self.personal_id._filtered_access("read")
        for dossier in self:
            personal = dossier.personal_id.sudo()
            visible = self.env.su or dossier.personal_id in allowed
            for fname, pname in PERSONAL_FIELDS.items():
                value = personal[pname]
                if not visible and value:
                    value = False if dossier._fields[fname].type == "date" else MASK
                dossier[fname] = value
        seen = self.filtered(lambda d: d.personal_id and d.personal_id in allowed)
        seen._motcua_log_access(PERSONAL_FIELDS)

    def _motcua_set_personal(self, fname):
        pname = PERSONAL_FIELDS[fname]
        for dossier in self:
            if dossier.personal_id:
                dossier.personal_id.sudo()[pname] = dossier[fname]
            else:
                dossier.sudo().personal_id = (
                    self.env["motcua.dossier.personal"].sudo().create({"dossier_id": dossier.id, pname: dossier[fname]})
                )

    def _inverse_applicant_id_number(self):
        self._motcua_set_personal("applicant_id_number")

    def _inverse_applicant_birth_date(self):
        self._motcua_set_personal("applicant_birth_date")

    def _inverse_applicant_phone(self):
        self._motcua_set_personal("applicant_phone")

    def _inverse_applicant_address(self):
        self._motcua_set_personal("applicant_address")

    @api.model
    def _read_group(self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None):
        """Counting dossiers per ID number or phone would tell them: refused with a clear message
        (rather than Odoo's error about grouping on a computed field)."""
        specs = {spec.split(":")[0].split(".")[0] for spec in (*groupby, *aggregates)}
        if not self.env.su and specs & (set(PERSONAL_FIELDS) | {"personal_id"}):
            raise AccessError(self.env._("Dossiers cannot be grouped or counted by the applicant's personal data."))
        return super()._read_group(domain, groupby, aggregates, having=having, offset=offset, limit=limit, order=order)

    def _motcua_search_personal(self, fname, operator, value):
        # searched with the user's rights: no match in dossiers whose data they may not see
        personal = self.env["motcua.dossier.personal"]._search([(PERSONAL_FIELDS[fname], operator, value)])
        return [("personal_id", "in", personal)]

    def _search_applicant_id_number(self, operator, value):
        return self._motcua_search_personal("applicant_id_number", operator, value)

    def _search_applicant_birth_date(self, operator, value):
        return self._motcua_search_personal("applicant_birth_date", operator, value)

    def _search_applicant_phone(self, operator, value):
        return self._motcua_search_personal("applicant_phone", operator, value)

    def _search_applicant_address(self, operator, value):
        return self._motcua_search_personal("applicant_address", operator, value)

    @api.model
    def _motcua_mask_name(self, name):
        return mask_name(name)

    def motcua_masked_applicant_name(self):
        self.ensure_one()
        return mask_name(self.applicant_name)

    # ------------------------------------------------------------------ helpers
    def _now(self):
        """The moment of the action: now. Replaying the past (``motcua_now``, the demo loader) is for
        the superuser only: a context key sent over RPC must not date a receipt or a return."""
        return (self.env.su and self.env.context.get("motcua_now")) or fields.Datetime.now()

    def _check_state(self, allowed, action):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for dossier in self:
            if dossier.state not in allowed:
                raise UserError(
                    self.env._(
                        "%(action)s is not possible for the dossier %(code)s in the state %(state)s.",
                        action=action,
                        code=dossier.name,
                        state=labels[dossier.state],
                    )
                )

    def _check_group(self, group_xmlid, action):
        """The checks of every action: the role, not a province monitor, write access to the dossiers."""
        if self.env.su:
            return
        if not self.env.user.has_group(group_xmlid):
            raise AccessError(self.env._("You are not allowed to do this: %(action)s.", action=action))
        self._motcua_check_writer()
        self.check_access("write")

    def _local(self, moment):
        return (self.handling_unit_id or self.unit_id).sudo()._motcua_local(moment)

    @api.model
    def _motcua_new_lookup_key(self):
        return random_code(6)

    def _motcua_next_code(self, received_at):
        self.ensure_one()
        id_unit = self.unit_id._motcua_identifier_unit()
        pattern = self.unit_id._motcua_setting("motcua_dossier_code_pattern", DEFAULT_CODE_PATTERN)
        local = self.unit_id._motcua_local(received_at)
        yymmdd = local.strftime("%y%m%d")
        seq = self.env["motcua.sequence.counter"].next_number("motcua.dossier", id_unit, yymmdd)
        identifier = id_unit.identifier_code or id_unit.code or str(id_unit.id)
        return pattern.format(identifier=identifier, yymmdd=yymmdd, yyyy=local.strftime("%Y"), seq=seq)

    def _motcua_compute_due(self, start):
        self.ensure_one()
        return self.unit_id.add_working_time(start, days=self.duration_days, hours=self.duration_hours)

    def _motcua_legal_due(self):
        """What timeliness is measured against: the legal due date of the procedure as received,
        moved by the supplement pauses only (a new appointment or an apology does not move it)."""
        self.ensure_one()
        return self.legal_due_at or self.original_due_at or self.due_at

    def _motcua_update_timeliness(self, now=None):
        now = now or self._now()
        for dossier in self:
            deadline = dossier._motcua_legal_due()
            if dossier.state in FINISHED_STATES:
                value = timeliness_of(dossier.finished_at, deadline, dossier._local)
            elif dossier.state in OPEN_STATES and deadline:
                moment = dossier.paused_at if dossier.state == "supplement" and dossier.paused_at else now
                value = "overdue" if moment > deadline else "within"
            else:
                value = False
            if dossier.timeliness != value:
                dossier._motcua_workflow_write({"timeliness": value})
            dossier.step_ids._motcua_update_timeliness(now)

    @api.model
    def _cron_refresh_timeliness(self, batch=5000):
        """Refresh the stored timeliness of open dossiers (within time -> overdue)."""
        now = fields.Datetime.now()
        overdue = self.search(
            [
                ("state", "in", ["received", "in_progress"]),
                ("legal_due_at", "<", now),
                ("timeliness", "!=", "overdue"),
            ],
            limit=batch,
        )
        overdue._motcua_update_timeliness(now)
        steps = self.env["motcua.dossier.step"].search(
            [
                ("state", "=", "open"),
                ("deadline", "<", now),
                ("timeliness", "!=", "overdue"),
                ("dossier_id.state", "=", "in_progress"),
            ],
            limit=batch,
        )
        steps._motcua_update_timeliness(now)
        return len(overdue)

    def _motcua_partner(self):
        """A contact of the applicant to write to: name and e-mail only (contacts are readable by
        every internal user; the phone and address stay in the dossier's personal data).

        Never an existing contact found by its e-mail: whoever registered that address first would
        see the dossier. Citizens link a desk dossier to their account with the printed key
        (``_motcua_claim``)."""
        self.ensure_one()
        return (
            self.env["res.partner"]
            .sudo()
            .create(
                {
                    "name": self.applicant_name,
                    "email": self.applicant_email or False,
                    "is_company": self.applicant_type == "organisation",
                }
            )
        )

    @api.model
    @api.private
    def _motcua_claim(self, code, key, id_number=""):
        """The portal user proves with the code, the printed key and the applicant's ID number (or
        tax code; asked when the dossier has one) that the dossier is theirs: it joins their
        dossiers. The ID number is a factor that staff who can read the key (a province monitor
        sees every dossier) do not see. The dossier, or an empty recordset when a factor is wrong."""
        dossier = self._motcua_public_find(code, key)
        user = self.env.user
        if not dossier or not user._is_portal():
            return self.browse()
        dossier = dossier.sudo()
        expected = "".join((dossier.personal_id.id_number or "").split())
        given = "".join(str(id_number or "").split())[:32]
        if expected and not consteq(expected.encode(), given.encode()):
            return self.browse()
        if dossier.partner_id.user_ids and dossier.partner_id != user.partner_id:
            return self.browse()  # already in someone's account: a key seen later does not move it
        if dossier.partner_id != user.partner_id:
            old = dossier.partner_id
            dossier.partner_id = user.partner_id
            dossier.message_post(
                body=self.env._("Linked to the portal account of %(user)s with the printed lookup key.", user=user.name)
            )
            if old and not old.user_ids:
                dossier.message_unsubscribe(old.ids)
        return dossier

    # ------------------------------------------------------------------ intake
    def action_receive(self):
        """Receive the dossier at the desk: code, lookup key, clock start and appointment."""
        self._check_group("motcua_base.group_receiving_officer", self.env._("receive a dossier"))
        self._check_state(["draft"], self.env._("Receiving"))
        for dossier in self:
            dossier.unit_id._ensure_usable()
            missing = dossier.paper_ids.filtered(lambda p: p.mandatory and not p.received)
            if missing and not (dossier.missing_papers_reason or "").strip():
                raise ValidationError(
                    self.env._(
                        "Mandatory papers are missing: %(papers)s. Tick them as received or record why the dossier "
                        "is received without them.",
                        papers=", ".join(missing.mapped("name")),
                    )
                )
            if not dossier.applicant_phone and not dossier.applicant_email and dossier.channel != "desk":
                raise ValidationError(self.env._("Give a phone number or an e-mail to reach the applicant."))
            now = dossier._now()
            procedure = dossier.procedure_id
            start = dossier.unit_id._motcua_effective_start(now)
            dossier._motcua_workflow_write(
                {
                    "duration_days": procedure.duration_days,
                    "duration_hours": procedure.duration_hours,
                }
            )
            due = dossier._motcua_compute_due(start)
            vals = {
                "name": dossier._motcua_next_code(now),
                "lookup_key": dossier._motcua_new_lookup_key(),
                "state": "received",
                "received_at": now,
                "received_by_id": self.env.user.id if self.env.user._is_internal() else False,
                "start_at": start,
                "due_at": due,
                "original_due_at": due,
                "legal_due_at": due,
                "handling_unit_id": dossier.unit_id.id,
                "access_unit_ids": [(4, dossier.unit_id.id)],
            }
            if not dossier.partner_id:
                vals["partner_id"] = dossier._motcua_partner().id
            dossier._motcua_workflow_write(vals)
            dossier._motcua_update_timeliness(now)
            if missing:
                dossier.message_post(
                    body=self.env._(
                        "Received without the mandatory papers %(papers)s: %(reason)s",
                        papers=", ".join(missing.mapped("name")),
                        reason=dossier.missing_papers_reason,
                    )
                )
            dossier._motcua_notify(
                "motcua_dossier.mail_template_dossier_received",
                dossier._motcua_sms(
                    dossier._motcua_citizen_env()._(
                        "Dossier %(code)s was received. Result due: %(due)s. Lookup key: %(key)s"
                    ),
                    code=dossier.name,
                    due=dossier._motcua_format_dt(dossier.due_at),
                    key=dossier.sudo().lookup_key,
                ),
            )
        return True

    def action_print_receipt(self):
        self._check_state(list(OPEN_STATES) + list(FINISHED_STATES), self.env._("Printing the receipt"))
        for dossier in self:
            dossier._motcua_workflow_write({"receipt_print_count": dossier.receipt_print_count + 1})
        return self.env.ref("motcua_dossier.action_report_dossier_receipt").report_action(self)

    def _motcua_change_due(self, new_due, reason, apology=False):
        """Give the applicant a new appointment, recorded with who and why. The legal due date,
        which timeliness is measured against, does not move."""
        self.ensure_one()
        if not (reason or "").strip():
            raise ValidationError(self.env._("Give the reason for the new appointment."))
        new_due = fields.Datetime.to_datetime(new_due)
        if not new_due or new_due <= self.received_at:
            raise ValidationError(
                self.env._("The appointment of %(code)s cannot be before its receipt.", code=self.name)
            )
        old = self.due_at
        self._motcua_workflow_write({"due_at": new_due})
        self.env["motcua.dossier.due.change"].sudo().create(
            {
                "dossier_id": self.id,
                "user_id": self.env.uid,
                "changed_at": self._now(),
                "old_due_at": old,
                "new_due_at": new_due,
                "reason": reason,
                "kind": "apology" if apology else "change",
            }
        )
        self.message_post(
            body=self.env._(
                "Appointment changed from %(old)s to %(new)s. Reason: %(reason)s",
                old=self._motcua_format_dt(old),
                new=self._motcua_format_dt(new_due),
                reason=reason,
            )
        )
        self._motcua_update_timeliness()
        return old

    def action_change_due(self, new_due, reason):
        self._check_group("motcua_base.group_receiving_officer", self.env._("change the appointment"))
        self._check_state(OPEN_STATES, self.env._("Changing the appointment"))
        for dossier in self:
            dossier._motcua_change_due(new_due, reason)
        return True

    # ------------------------------------------------------------------ processing
    def action_start(self):
        """Hand the received dossier over to processing: create its steps and start the first."""
        self._check_group("motcua_base.group_specialist", self.env._("start processing"))
        self._check_state(["received"], self.env._("Starting the processing"))
        Step = self.env["motcua.dossier.step"]
        for dossier in self:
            now = dossier._now()
            templates = dossier.procedure_id.step_ids
            vals_list = [
                {
                    "dossier_id": dossier.id,
                    "sequence": tpl.sequence,
                    "name": tpl.name,
                    "unit_id": (tpl.unit_id or dossier.unit_id).id,
                    "role": tpl.role,
                    "share": tpl.share,
                }
                for tpl in templates
            ] or [
                {
                    "dossier_id": dossier.id,
                    "sequence": 10,
                    "name": self.env._("Processing"),
                    "unit_id": dossier.unit_id.id,
                    "role": "specialist",
                    "share": 100.0,
                }
            ]
            steps = Step.sudo().create(vals_list)
            dossier._motcua_workflow_write({"state": "in_progress"})
            steps[0]._motcua_open(now, dossier.unit_id)
            steps[0]._motcua_notify_handlers()
        return True

    def action_handover(self, note=False):
        """Finish the current step and hand the dossier over to the next (or mark the result ready).

        Only a user of the step's role in the step's unit completes it; the handlers of the next
        step get an activity."""
        self._check_group("motcua_base.group_receiving_officer", self.env._("hand a dossier over"))
        self._check_state(["in_progress"], self.env._("Handing over"))
        for dossier in self:
            now = dossier._now()
            step = dossier.current_step_id
            if not step:
                raise UserError(self.env._("The dossier %(code)s has no open step.", code=dossier.name))
            step._motcua_check_handler()
            step._motcua_close(now, note)
            following = dossier.step_ids.filtered(lambda s: s.state == "todo").sorted("sequence")[:1]
            if following:
                following._motcua_open(now, step.unit_id)
                dossier._motcua_workflow_write(
                    {"handling_unit_id": following.unit_id.id, "access_unit_ids": [(4, following.unit_id.id)]}
                )
                following._motcua_notify_handlers()
            else:
                dossier._motcua_result_ready(now)
        return True

    def _motcua_result_ready(self, now):
        self._motcua_workflow_write(
            {"state": "result_ready", "result_ready_at": now, "finished_at": now, "handling_unit_id": self.unit_id.id}
        )
        self._motcua_update_timeliness(now)
        for dossier in self:
            dossier._motcua_notify(
                "motcua_dossier.mail_template_dossier_result_ready",
                dossier._motcua_sms(
                    dossier._motcua_citizen_env()._("Dossier %(code)s has a result. Please come and collect it."),
                    code=dossier.name,
                ),
            )

    def action_return(self):
        """The result is handed to the applicant."""
        self._check_group("motcua_base.group_receiving_officer", self.env._("return a result"))
        self._check_state(["result_ready"], self.env._("Returning the result"))
        for dossier in self:
            now = dossier._now()
            dossier._motcua_workflow_write({"state": "returned", "returned_at": now, "closed_at": now})
        return True

    def action_request_supplement(self, request, contact=False):
        """Ask the applicant for missing papers: the clock stops until they resubmit."""
        self._check_group("motcua_base.group_receiving_officer", self.env._("request a supplement"))
        self._check_state(["received", "in_progress"], self.env._("Requesting a supplement"))
        if not (request or "").strip():
            raise ValidationError(self.env._("Say what is missing and why."))
        for dossier in self:
            now = dossier._now()
            dossier._motcua_workflow_write(
                {
                    "state_before_pause": dossier.state,
                    "state": "supplement",
                    "paused_at": now,
                    "supplement_request": request,
                    "supplement_contact": contact or False,
                    "supplement_count": dossier.supplement_count + 1,
                }
            )
            dossier._motcua_update_timeliness(now)
            dossier._motcua_notify(
                "motcua_dossier.mail_template_dossier_supplement",
                dossier._motcua_sms(
                    dossier._motcua_citizen_env()._("Dossier %(code)s must be supplemented: %(request)s"),
                    code=dossier.name,
                    request=request,
                ),
            )
        return True

    def action_resubmit(self):
        """The applicant brought the missing papers: the clock runs again and the deadlines move."""
        self._check_group("motcua_base.group_receiving_officer", self.env._("record a resubmission"))
        self._check_state(["supplement"], self.env._("Resubmitting"))
        for dossier in self:
            now = dossier._now()
            unit = dossier.handling_unit_id or dossier.unit_id
            paused = max(unit.working_time_between(dossier.paused_at, now), 0.0) if dossier.paused_at else 0.0
            vals = {
                "state": dossier.state_before_pause or "received",
                "paused_at": False,
                "state_before_pause": False,
                "paused_hours": dossier.paused_hours + paused,
            }
            if paused:
                # a lawful pause: the appointment and the legal due date both move
                vals["due_at"] = dossier.unit_id.add_working_time(dossier.due_at, hours=paused)
                vals["legal_due_at"] = dossier.unit_id.add_working_time(dossier._motcua_legal_due(), hours=paused)
                step = dossier.current_step_id
                if step and step.deadline:
                    step.sudo().deadline = step.unit_id.add_working_time(step.deadline, hours=paused)
            dossier._motcua_workflow_write(vals)
            dossier.message_post(
                body=self.env._(
                    "The applicant completed the dossier; the clock was paused for %(hours)s working hours.",
                    hours=round(paused, 2),
                )
            )
            dossier._motcua_update_timeliness(now)
        return True

    def action_refuse(self, reason):
        self._check_group("motcua_base.group_receiving_officer", self.env._("refuse a dossier"))
        self._check_state(["draft", "received", "in_progress", "supplement"], self.env._("Refusing"))
        if not (reason or "").strip():
            raise ValidationError(self.env._("Give the reason of the refusal."))
        for dossier in self:
            now = dossier._now()
            if dossier.state == "draft":
                dossier._motcua_workflow_write(
                    {
                        "name": dossier._motcua_next_code(now),
                        "lookup_key": dossier._motcua_new_lookup_key(),
                        "received_at": now,
                        "received_by_id": self.env.user.id,
                        "handling_unit_id": dossier.unit_id.id,
                    }
                )
            dossier.step_ids.filtered(lambda s: s.state in ("open", "todo")).sudo().write({"state": "cancelled"})
            dossier._motcua_workflow_write(
                {"state": "refused", "refusal_reason": reason, "closed_at": now, "paused_at": False}
            )
            dossier._motcua_update_timeliness(now)
        return True

    def action_withdraw(self, reason):
        self._check_group("motcua_base.group_receiving_officer", self.env._("withdraw a dossier"))
        self._check_state(OPEN_STATES, self.env._("Withdrawing"))
        if not (reason or "").strip():
            raise ValidationError(self.env._("Give the reason of the withdrawal."))
        for dossier in self:
            now = dossier._now()
            dossier.step_ids.filtered(lambda s: s.state in ("open", "todo")).sudo().write({"state": "cancelled"})
            dossier._motcua_workflow_write(
                {"state": "withdrawn", "withdraw_reason": reason, "closed_at": now, "paused_at": False}
            )
            dossier._motcua_update_timeliness(now)
        return True

    def action_transfer(self, unit, reason):
        """Transfer the dossier to another unit; the history stays, the unit can now see it."""
        self._check_group("motcua_base.group_specialist", self.env._("transfer a dossier"))
        self._check_state(["received", "in_progress"], self.env._("Transferring"))
        if not unit:
            raise ValidationError(self.env._("Choose the unit to transfer the dossier to."))
        unit._ensure_usable()
        if not (reason or "").strip():
            raise ValidationError(self.env._("Give the reason of the transfer."))
        Step = self.env["motcua.dossier.step"]
        for dossier in self:
            if unit == dossier.handling_unit_id:
                raise ValidationError(self.env._("The dossier is already handled by %(unit)s.", unit=unit.display_name))
            now = dossier._now()
            source = dossier.handling_unit_id or dossier.unit_id
            if dossier.state == "received":
                dossier.action_start()
            step = dossier.current_step_id
            step._motcua_check_handler()  # a transfer closes the step: only its handler may
            remaining = 0.0
            if step and step.deadline:
                remaining = max(source.working_time_between(now, step.deadline), 0.0)
            if step:
                step._motcua_close(
                    now, self.env._("Transferred to %(unit)s: %(reason)s", unit=unit.display_name, reason=reason)
                )
            new_step = Step.sudo().create(
                {
                    "dossier_id": dossier.id,
                    "sequence": (step.sequence if step else 10) + 1,
                    "name": self.env._("Transferred: %(reason)s", reason=reason),
                    "unit_id": unit.id,
                    "role": "specialist",
                    "share": step.share if step else 100.0,
                    "is_transfer": True,
                }
            )
            new_step._motcua_open(now, source, hours=remaining or None)
            dossier._motcua_workflow_write({"handling_unit_id": unit.id, "access_unit_ids": [(4, unit.id)]})
            new_step._motcua_notify_handlers()
            dossier.message_post(
                body=self.env._(
                    "Transferred from %(origin)s to %(unit)s. Reason: %(reason)s",
                    origin=source.display_name,
                    unit=unit.display_name,
                    reason=reason,
                )
            )
        return True

    def action_apologize(self, reason, new_due):
        """Late dossier: record the reason and the new appointment, notify the applicant."""
        self._check_group("motcua_base.group_receiving_officer", self.env._("issue an apology"))
        self._check_state(["received", "in_progress"], self.env._("Issuing an apology"))
        for dossier in self:
            now = dossier._now()
            if now >= dossier.due_at:
                raise UserError(
                    self.env._(
                        "The appointment of %(code)s has passed: an apology must be issued before the deadline.",
                        code=dossier.name,
                    )
                )
            limit = dossier.unit_id._motcua_setting("motcua_apology_limit", 1)
            if len(dossier.apology_ids) >= limit:
                raise UserError(
                    self.env._(
                        "The dossier %(code)s already had %(count)s apology(ies), the most allowed by its unit.",
                        code=dossier.name,
                        count=len(dossier.apology_ids),
                    )
                )
            new_due = fields.Datetime.to_datetime(new_due)
            if not new_due or new_due <= dossier.due_at:
                raise ValidationError(self.env._("The new appointment must come after the current one."))
            old = dossier._motcua_change_due(new_due, reason, apology=True)
            self.env["motcua.dossier.apology"].sudo().create(
                {
                    "dossier_id": dossier.id,
                    "reason": reason,
                    "old_due_at": old,
                    "new_due_at": new_due,
                    "issued_at": now,
                    "unit_id": (dossier.handling_unit_id or dossier.unit_id).id,
                }
            )
            dossier._motcua_notify(
                "motcua_dossier.mail_template_dossier_apology",
                dossier._motcua_sms(
                    dossier._motcua_citizen_env()._("Apologies: dossier %(code)s is late. New appointment: %(due)s"),
                    code=dossier.name,
                    due=dossier._motcua_format_dt(new_due),
                ),
            )
        return True

    # ------------------------------------------------------------------ notifications
    def _motcua_format_dt(self, moment):
        if not moment:
            return ""
        return self._local(moment).strftime("%H:%M %d/%m/%Y")

    def _motcua_format_date(self, moment):
        if not moment:
            return ""
        return self._local(moment).strftime("%d/%m/%Y")

    @api.model
    def _motcua_citizen_env(self):
        """The environment in which citizens are written to (SMS, switchboard): Vietnamese once it
        is installed, whatever the language of the staff member acting."""
        if self.env["res.lang"]._get_data(code="vi_VN"):
            return self.env(context=dict(self.env.context, lang="vi_VN"))
        return self.env

    def _motcua_citizen_lang(self):
        """Language of the e-mails to the applicant (the ``lang`` of the mail templates)."""
        return self._motcua_citizen_env().lang or "en_US"

    @api.model
    def _motcua_sms(self, text, **params):
        """An SMS from a translated ``text``: without diacritics (plain GSM characters), then filled in."""
        return strip_diacritics(text) % params

    def _motcua_notify(self, template_xmlid, sms_text):
        """E-mail the applicant when they have an address, otherwise queue an SMS (sent by Odoo's
        ``sms`` queue through the company's provider)."""
        self.ensure_one()
        if self.env.su and self.env.context.get("motcua_no_notify"):
            return
        if self.applicant_email:
            template = self.env.ref(template_xmlid, raise_if_not_found=False)
            if template:
                if self.env.user.partner_id == self.partner_id:
                    # the applicant acts online: Odoo does not notify the author, so send the mail itself
                    template.sudo().send_mail(self.id, force_send=False)
                    self.message_post(
                        body=self.env._(
                            "E-mail sent to the applicant: %(subject)s",
                            subject=template._render_field("subject", self.ids)[self.id],
                        )
                    )
                else:
                    self.with_context(mail_notify_force_send=False).message_post_with_source(
                        template, subtype_xmlid="mail.mt_comment", partner_ids=self.partner_id.ids
                    )
        elif self.applicant_phone and self.channel != "online":
            # only a number the desk took down: one typed online would let anyone text anybody
            # under the province's brandname (the online applicant follows the dossier in the portal)
            self.env["sms.sms"]._motcua_queue(self, self.sudo().applicant_phone, sms_text)

    def _motcua_lookup_url(self):
        """The public lookup of this dossier; with its key for the system (e-mails, SMS) and for the
        staff who handle it (the receipt's QR code), without it for the other readers."""
        self.ensure_one()
        key = self.sudo().lookup_key if self in self._motcua_handled() else ""
        return f"{self.get_base_url()}/tra-cuu-ho-so?code={self.name}" + (f"&key={key}" if key else "")

    def _motcua_handled(self):
        """The dossiers of ``self`` that the current user handles: those of their units or that went
        to their units (as the record rule of motcua.dossier.personal says), all for the system and
        administrators."""
        if self.env.su or self.env.user.has_group("motcua_base.group_administrator"):
            return self
        units = self.env.user.motcua_unit_ids.ids
        if not units:
            return self.browse()
        return self.filtered_domain(["|", ("unit_id", "child_of", units), ("access_unit_ids", "child_of", units)])

    @api.depends_context("uid")
    def _compute_lookup_key_display(self):
        handled = self._motcua_handled()
        for dossier in self:
            key = dossier.sudo().lookup_key
            dossier.lookup_key_display = key if dossier in handled or not key else MASK

    @api.model
    def _motcua_form_title(self, key):
        defaults = {
            "receipt": "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
            "supplement": "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
            "refusal": "PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ",
            "apology": "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
            "control": "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
            "register": "SỔ THEO DÕI HỒ SƠ",
        }
        return self.env["ir.config_parameter"].sudo().get_param(f"motcua_dossier.title_{key}", defaults.get(key, ""))

    @api.model
    def _motcua_form_lang(self):
        """Language of the printed forms: the official forms are Vietnamese (Circular 01/2018),
        whatever the language of the person printing them, once Vietnamese is installed."""
        return "vi_VN" if self.env["res.lang"]._get_data(code="vi_VN") else self.env.lang

    def _motcua_selection_label(self, field_name):
        self.ensure_one()
        return dict(self._fields[field_name]._description_selection(self.env)).get(self[field_name], "")

    # ------------------------------------------------------------------ wizards
    def _open_wizard(self, action):
        return {
            "type": "ir.actions.act_window",
            "res_model": "motcua.dossier.action.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_dossier_id": self.id, "default_action": action},
        }

    def action_open_supplement(self):
        return self._open_wizard("supplement")

    def action_open_refuse(self):
        return self._open_wizard("refuse")

    def action_open_withdraw(self):
        return self._open_wizard("withdraw")

    def action_open_transfer(self):
        return self._open_wizard("transfer")

    def action_open_apology(self):
        return self._open_wizard("apology")

    def action_open_change_due(self):
        return self._open_wizard("change_due")

    def action_open_handover(self):
        return self._open_wizard("handover")

    # ------------------------------------------------------------------ public channels
    @api.model
    @api.private
    def _motcua_public_find(self, code, key):
        """The dossier with this code whose second factor matches, else an empty recordset.

        The second factor is the lookup key printed on the receipt (6 characters of 32: a guesser
        cannot enumerate it under the rate limit). Digits of the applicant's phone are not accepted:
        codes are sequential and 4 digits are 10,000 tries. Callers must not tell a wrong code from a
        wrong key.
        """
        code = (code or "").strip()
        key = (key or "").strip().upper()
        empty = self.browse()
        if not code or not key or len(code) > 64 or len(key) > 16 or "\x00" in code + key:
            return empty
        dossier = self.sudo().search([("name", "in", list({code, code.upper()})), ("state", "!=", "draft")], limit=1)
        if not dossier:
            return empty
        if dossier.lookup_key and consteq(dossier.lookup_key.encode(), key.encode()):
            return dossier
        return empty

    def _motcua_public_data(self):
        """What a citizen may see about the dossier: no ID number, phone or address."""
        self.ensure_one()
        dossier = self.sudo()

        timeliness_labels = public_timeliness(self.env)

        def iso(moment):
            return dossier._local(moment).isoformat() if moment else None

        steps = [
            {
                "name": step.name,
                "unit": step.unit_id.name,
                "started_at": iso(step.start_at),
                "deadline": iso(step.deadline),
                "finished_at": iso(step.done_at),
                "timeliness": step.timeliness or None,
                "timeliness_label": timeliness_labels.get(step.timeliness, ""),
            }
            for step in dossier.step_ids.filtered(lambda s: s.state in ("open", "done")).sorted(
                lambda s: (s.start_at or fields.Datetime.now(), s.id)
            )
        ]
        return {
            "code": dossier.name,
            "procedure": dossier.procedure_id.name,
            "unit": dossier.unit_id.name,
            "handling_unit": (dossier.handling_unit_id or dossier.unit_id).name,
            "applicant": mask_name(dossier.applicant_name),
            "status": dossier.state,
            "status_label": public_states(self.env).get(dossier.state, ""),
            "status_code": STATUS_DIGITS.get(dossier.state, 0),
            "received_at": iso(dossier.received_at),
            "due_at": iso(dossier.due_at),
            "finished_at": iso(dossier.finished_at),
            "returned_at": iso(dossier.returned_at),
            "timeliness": dossier.timeliness or None,
            "timeliness_label": timeliness_labels.get(dossier.timeliness, ""),
            "current_step": dossier.current_step_id.name or None,
            "supplement_request": dossier.supplement_request if dossier.state == "supplement" else None,
            "steps": steps,
        }

    def _motcua_public_sentence(self, ascii_only=False, limit=None):
        """One short sentence about the dossier in the context language (SMS replies, switchboard)."""
        self.ensure_one()
        dossier = self.sudo()
        env = self.env
        state = public_states(env).get(dossier.state, "")
        parts = [env._("Dossier %(code)s: %(state)s.", code=dossier.name, state=state.lower())]
        if dossier.state == "supplement":
            parts.append(env._("Papers must be supplemented."))
        elif dossier.state in OPEN_STATES and dossier.due_at:
            parts.append(env._("Result due on %(date)s.", date=dossier._motcua_format_date(dossier.due_at)))
        elif dossier.state == "result_ready":
            parts.append(env._("Please come and collect the result."))
        text = " ".join(parts)
        if ascii_only:
            text = strip_diacritics(text)
        if limit and len(text) > limit:
            text = text[: limit - 1] + "…" if not ascii_only else text[: limit - 3] + "..."
        return text
