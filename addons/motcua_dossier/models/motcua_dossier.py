from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.motcua_base.tools import normalize_vn_phone, validate_citizen_id

from .motcua_dossier_states import APPLICANT_TYPES, CHANNELS, RETURN_CHANNELS, STATES, TIMELINESS, TRANSITIONS

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
    # inter-agency dossiers (motcua_dossier_interagency.py)
    "origin_agency_code",
    "late_unit_ids",
}
# What the receipt is made of: fixed once the dossier is received.
DRAFT_ONLY_FIELDS = {"unit_id", "procedure_id", "channel", "applicant_type", "fee", "charge", "missing_papers_reason"}
# The applicant's particulars can be corrected until the processing starts.
APPLICANT_FIELDS = {"applicant_name", "applicant_email", *PERSONAL_FIELDS}


class MotcuaDossier(models.Model):
    """A dossier (hồ sơ) received by a one-stop desk for an administrative procedure."""

    _name = "motcua.dossier"
    _description = "One-stop dossier"
    _inherit = [
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "motcua.unit.mixin",
        "motcua.access.log.mixin",
        "motcua.workflow.mixin",
    ]
    _order = "received_at desc, id desc"
    _rec_names_search = ["name", "applicant_name"]
    _motcua_transitions = TRANSITIONS

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
                "procedure_paper_id": paper.id,
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

    def _motcua_set_state(self, state, vals=None):
        """Move along a declared transition (``TRANSITIONS``), written as the other workflow
        outputs are (``_motcua_workflow_write``): the write guards refuse ``state`` otherwise."""
        return super(MotcuaDossier, self.sudo())._motcua_set_state(state, vals)

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

    # ------------------------------------------------------------------ helpers
    def _now(self):
        """The moment of the action: now. Replaying the past (``motcua_now``, the demo loader) is for
        the superuser only: a context key sent over RPC must not date a receipt or a return."""
        return (self.env.su and self.env.context.get("motcua_now")) or fields.Datetime.now()

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

    # ------------------------------------------------------------------ printed forms
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
