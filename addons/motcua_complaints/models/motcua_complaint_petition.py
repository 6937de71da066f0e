from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain

from odoo.addons.motcua_base.tools import normalize_vn_phone, random_code, validate_citizen_id

from .motcua_complaint_identity import PROTECTED_LABEL
from .motcua_complaint_rule import INSTANCES, PETITION_TYPES

STATES = [
    ("received", "Received"),
    ("classified", "Classified"),
    ("accepted", "Accepted"),
    ("rejected", "Rejected"),
    ("verification", "Verification"),
    ("conclusion", "Conclusion / decision"),
    ("closed", "Closed"),
]
SOURCES = [
    ("reception", "Citizen reception"),
    ("post", "Post"),
    ("portal", "Online (portal)"),
    ("transfer", "Transferred from another agency"),
]
CODE_PREFIX = {"complaint": "KN", "denunciation": "TC", "proposal": "PA"}
IDENTITY_FIELDS = {
    "petitioner_name": "name",
    "petitioner_id_number": "id_number",
    "petitioner_address": "address",
    "petitioner_phone": "phone",
    "petitioner_email": "email",
}
# what a user sees of a petitioner through a petition: reading any of these is logged
IDENTITY_READ_FIELDS = set(IDENTITY_FIELDS) | {"identity_attachment_ids"}
# what the workflow produces: written by the action methods only (_motcua_write_state)
WORKFLOW_FIELDS = {
    "code",
    "access_key",
    "state",
    "date_accepted",
    "resolve_days",
    "resolve_day_kind",
    "extension_days_max",
    "max_extensions",
    "resolution_deadline_base",
    "date_concluded",
    "date_closed",
    "overdue_notified",
}


class MotcuaComplaintPetition(models.Model):
    """A complaint, denunciation or proposal, from receipt to closing."""

    _name = "motcua.complaint.petition"
    _description = "Complaint, denunciation or proposal"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "motcua.unit.mixin",
        "motcua.monitor.readonly.mixin",
        "motcua.access.log.mixin",
        "motcua.workflow.mixin",
    ]
    _order = "date_received desc, id desc"
    _rec_names_search = ["code", "subject"]
    _motcua_transitions = {
        "received": ("classified", "rejected"),
        # an anonymous denunciation is handled as information: verified, or filed at once
        "classified": ("accepted", "rejected", "verification", "closed"),
        "accepted": ("verification",),
        "verification": ("conclusion", "closed"),
        "conclusion": ("closed",),
        "rejected": ("closed",),
    }

    code = fields.Char(readonly=True, copy=False, index=True, default="/")
    access_key = fields.Char(
        string="Lookup key",
        readonly=True,
        copy=False,
        groups="motcua_base.group_receiving_officer",
        help="Given to the petitioner with the code to follow the petition on the website.",
    )
    subject = fields.Char(required=True, tracking=True)
    content = fields.Text()
    petition_type = fields.Selection(PETITION_TYPES, string="Type", required=True, default="complaint", tracking=True)
    instance = fields.Selection(INSTANCES, default="first", tracking=True)
    first_instance_id = fields.Many2one(
        "motcua.complaint.petition",
        string="First-instance complaint",
        index=True,
        ondelete="restrict",
        domain="[('petition_type', '=', 'complaint'), ('instance', '=', 'first')]",
    )
    second_instance_ids = fields.One2many(
        "motcua.complaint.petition", "first_instance_id", string="Second-instance complaints"
    )
    source = fields.Selection(SOURCES, required=True, default="reception")
    transferred_from = fields.Char(string="Transferred by")
    reception_id = fields.Many2one("motcua.complaint.reception", index=True, ondelete="set null")
    unit_id = fields.Many2one(string="Responsible unit", tracking=True)
    handler_ids = fields.Many2many(
        "res.users",
        "motcua_complaint_petition_handler_rel",
        "petition_id",
        "user_id",
        string="Handlers",
        tracking=True,
        help="Officers assigned to handle the petition; they may see a denouncer's identity.",
    )
    state = fields.Selection(
        STATES, default="received", required=True, readonly=True, tracking=True, index=True, copy=False
    )
    date_received = fields.Datetime(required=True, default=fields.Datetime.now, tracking=True)
    date_known = fields.Date(
        string="Date the decision/act became known",
        help="For complaints: the filing time runs from the day the complainant learnt of "
        "the administrative decision or act.",
    )
    is_complex = fields.Boolean(string="Complex case", tracking=True)
    is_remote = fields.Boolean(
        string="Remote area", tracking=True, help="Mountainous, island or remote area with difficult travel."
    )
    is_anonymous = fields.Boolean(string="Anonymous", tracking=True)
    handled_as_information = fields.Boolean(
        compute="_compute_handled_as_information",
        store=True,
        help="An anonymous denunciation is not accepted as a denunciation: it is handled as "
        "information, following the policy of its rule.",
    )
    filing_late = fields.Boolean(string="Filed late", compute="_compute_filing_late", store=True)
    rule_id = fields.Many2one(
        "motcua.complaint.rule",
        string="Time-limit rule",
        readonly=True,
        ondelete="restrict",
        compute="_compute_rule_id",
        store=True,
    )
    accept_deadline = fields.Datetime(string="Acceptance due", compute="_compute_accept_deadline", store=True)
    decision_reason = fields.Text(
        string="Reason of the decision", tracking=True, help="Why the petition is accepted or rejected."
    )
    late_reason = fields.Text(string="Reason for late acceptance")
    date_accepted = fields.Datetime(readonly=True, copy=False)
    # the figures of the rule at acceptance, kept when the rule changes later
    resolve_days = fields.Integer(string="Resolution time (days)", readonly=True, copy=False)
    resolve_day_kind = fields.Selection(
        [("calendar", "Calendar days"), ("working", "Working days")],
        readonly=True,
        copy=False,
    )
    extension_days_max = fields.Integer(string="Days per extension", readonly=True, copy=False)
    max_extensions = fields.Integer(string="Extensions allowed", readonly=True, copy=False)
    resolution_deadline_base = fields.Datetime(string="Initial resolution deadline", readonly=True, copy=False)
    extension_ids = fields.One2many("motcua.complaint.extension", "petition_id", string="Extensions")
    extension_count = fields.Integer(compute="_compute_resolution_deadline", store=True)
    resolution_deadline = fields.Datetime(
        string="Resolution due", compute="_compute_resolution_deadline", store=True, tracking=True
    )
    deadline = fields.Datetime(string="Next deadline", compute="_compute_deadline", store=True, index=True)
    is_overdue = fields.Boolean(string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue")
    overdue_notified = fields.Boolean(copy=False)
    verification_note = fields.Text(string="Verification")
    conclusion = fields.Text(string="Conclusion / decision", tracking=True)
    decision_number = fields.Char(string="Decision number", tracking=True)
    date_concluded = fields.Datetime(readonly=True, copy=False)
    date_closed = fields.Datetime(readonly=True, copy=False)
    timeliness = fields.Selection([("on_time", "On time"), ("late", "Late")], compute="_compute_timeliness", store=True)
    # the identity lives in motcua.complaint.identity; only administrators see the link itself
    identity_id = fields.Many2one(
        "motcua.complaint.identity",
        readonly=True,
        copy=False,
        index=True,
        groups="base.group_system",
        ondelete="set null",
    )
    identity_protected = fields.Boolean(compute="_compute_identity_protected")
    identity_visible = fields.Boolean(compute="_compute_identity_fields")
    petitioner_name = fields.Char(
        compute="_compute_identity_fields", inverse="_inverse_petitioner_name", search="_search_petitioner_name"
    )
    petitioner_id_number = fields.Char(
        string="Petitioner ID number",
        compute="_compute_identity_fields",
        inverse="_inverse_petitioner_id_number",
        search="_search_petitioner_id_number",
    )
    petitioner_address = fields.Char(compute="_compute_identity_fields", inverse="_inverse_petitioner_address")
    petitioner_phone = fields.Char(compute="_compute_identity_fields", inverse="_inverse_petitioner_phone")
    petitioner_email = fields.Char(compute="_compute_identity_fields", inverse="_inverse_petitioner_email")
    identity_attachment_ids = fields.Many2many(
        "ir.attachment",
        string="Identity documents",
        compute="_compute_identity_attachment_ids",
        groups="base.group_user",
        help="Documents that reveal the petitioner, protected like the identity.",
    )

    _code_uniq = models.UniqueIndex("(code) WHERE code != '/'", "This petition code is already used.")

    # ------------------------------------------------------------------ computes
    @api.depends("petition_type", "is_anonymous")
    def _compute_handled_as_information(self):
        for petition in self:
            petition.handled_as_information = petition.petition_type == "denunciation" and petition.is_anonymous

    @api.depends("petition_type", "instance", "date_received")
    def _compute_rule_id(self):
        for petition in self:
            if petition.state not in ("received", "classified") and petition.rule_id:
                continue
            if not petition.petition_type or not petition.date_received:
                petition.rule_id = False
                continue
            petition.rule_id = self.env["motcua.complaint.rule"]._find(
                petition.petition_type,
                petition.instance,
                petition.date_received,
            )

    @api.depends("rule_id", "date_received", "unit_id")
    def _compute_accept_deadline(self):
        Rule = self.env["motcua.complaint.rule"]
        for petition in self:
            rule = petition.rule_id
            if not rule or not petition.date_received or not petition.unit_id:
                petition.accept_deadline = False
                continue
            petition.accept_deadline = Rule._add_days(
                petition.date_received,
                rule.accept_days,
                rule.accept_day_kind,
                petition.unit_id,
            )

    @api.depends("petition_type", "date_known", "date_received", "rule_id")
    def _compute_filing_late(self):
        for petition in self:
            limit = petition.rule_id.filing_limit_days
            petition.filing_late = bool(
                limit
                and petition.date_known
                and petition.date_received
                and petition.date_received.date() > petition.date_known + timedelta(days=limit)
            )

    @api.depends("resolution_deadline_base", "extension_ids.days", "resolve_day_kind")
    def _compute_resolution_deadline(self):
        Rule = self.env["motcua.complaint.rule"]
        for petition in self:
            deadline = petition.resolution_deadline_base
            extensions = petition.extension_ids
            if deadline:
                for extension in extensions.sorted("id"):
                    deadline = Rule._add_days(
                        deadline, extension.days, petition.resolve_day_kind or "calendar", petition.unit_id
                    )
            petition.resolution_deadline = deadline
            petition.extension_count = len(extensions)

    @api.depends("state", "accept_deadline", "resolution_deadline", "handled_as_information")
    def _compute_deadline(self):
        for petition in self:
            if petition.state in ("received", "classified") and not petition.handled_as_information:
                petition.deadline = petition.accept_deadline
            elif petition.state in ("accepted", "verification"):
                petition.deadline = petition.resolution_deadline
            else:
                petition.deadline = False

    @api.depends("deadline")
    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for petition in self:
            petition.is_overdue = bool(petition.deadline and petition.deadline < now)

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        overdue = Domain("deadline", "!=", False) & Domain("deadline", "<", fields.Datetime.now())
        return overdue if (operator == "=") == value else ~overdue

    @api.depends("state", "date_concluded", "resolution_deadline")
    def _compute_timeliness(self):
        for petition in self:
            if petition.date_concluded and petition.resolution_deadline:
                late = petition.date_concluded > petition.resolution_deadline
                petition.timeliness = "late" if late else "on_time"
            else:
                petition.timeliness = False

    @api.depends("petition_type")
    def _compute_identity_protected(self):
        for petition in self:
            petition.identity_protected = petition.petition_type == "denunciation"

    def _identity_visible_to_user(self):
        """Whether the current user may see the identity of this petition."""
        self.ensure_one()
        identity = self.sudo().identity_id
        if self.env.su or not identity or not identity.is_protected:
            return True
        return identity.with_env(self.env).has_access("read")

    @api.depends_context("uid")
    @api.depends("petition_type", "handler_ids", "unit_id")
    def _compute_identity_fields(self):
        # no log here: computes run under read-only cursors; the read paths log (_motcua_log_read)
        for petition in self:
            identity = petition.sudo().identity_id
            visible = petition._identity_visible_to_user()
            petition.identity_visible = visible
            for field_name, identity_field in IDENTITY_FIELDS.items():
                petition[field_name] = identity[identity_field] if visible else PROTECTED_LABEL

    @api.private
    def _motcua_log_read(self, fnames, access_type):
        """Log that the current user obtained the identity of the petitions in ``self`` (only the
        protected identities they may see are logged: the others read as protected)."""
        fnames = IDENTITY_READ_FIELDS.intersection(fnames)
        if self.env.su or not fnames:
            return
        identities = self.sudo().identity_id.filtered("is_protected")
        visible = identities.with_env(self.env)._filtered_access("read")
        visible._motcua_log_read({IDENTITY_FIELDS.get(name, "attachment_ids") for name in fnames}, access_type)

    @api.depends_context("uid")
    @api.depends("petition_type", "handler_ids", "unit_id")
    def _compute_identity_attachment_ids(self):
        for petition in self:
            visible = petition._identity_visible_to_user()
            petition.identity_attachment_ids = petition.sudo().identity_id.attachment_ids if visible else False

    def _write_identity(self, field_name):
        """Store the value of ``field_name`` of each petition into its identity record."""
        identity_field = IDENTITY_FIELDS[field_name]
        Identity = self.env["motcua.complaint.identity"].sudo()
        for petition in self:
            value = petition[field_name] or False
            if value == PROTECTED_LABEL:
                continue
            identity = petition.sudo().identity_id
            if identity and not petition._identity_visible_to_user():
                raise AccessError(self.env._("Only the assigned handlers may change the identity of a denouncer."))
            if value and identity_field == "id_number":
                value = validate_citizen_id(self.env, value)
            elif value and identity_field == "phone":
                value = normalize_vn_phone(self.env, value)
            if identity:
                identity[identity_field] = value
                identity.with_env(self.env)._motcua_log_read([identity_field], "write")
            else:
                petition.sudo().identity_id = Identity.create({"petition_id": petition.id, identity_field: value})

    def _inverse_petitioner_name(self):
        self._write_identity("petitioner_name")

    def _inverse_petitioner_id_number(self):
        self._write_identity("petitioner_id_number")

    def _inverse_petitioner_address(self):
        self._write_identity("petitioner_address")

    def _inverse_petitioner_phone(self):
        self._write_identity("petitioner_phone")

    def _inverse_petitioner_email(self):
        self._write_identity("petitioner_email")

    def _search_identity(self, identity_field, operator, value):
        # searched with the user's rights: protected identities they may not see never match;
        # the identity model logs the search of the protected ones they may see
        identities = self.env["motcua.complaint.identity"].search([(identity_field, operator, value)])
        return [("id", "in", identities.sudo().petition_id.ids)]

    def _search_petitioner_name(self, operator, value):
        return self._search_identity("name", operator, value)

    def _search_petitioner_id_number(self, operator, value):
        return self._search_identity("id_number", operator, value)

    def _compute_display_name(self):
        for petition in self:
            petition.display_name = f"{petition.code} {petition.subject}" if petition.code != "/" else petition.subject

    # ------------------------------------------------------------------ constraints
    @api.constrains("instance", "first_instance_id", "petition_type")
    def _check_instance(self):
        for petition in self:
            if petition.petition_type != "complaint":
                if petition.first_instance_id or petition.instance == "second":
                    raise ValidationError(self.env._("Only a complaint can have a second instance."))
                continue
            if petition.instance == "second":
                first = petition.first_instance_id
                if not first:
                    raise ValidationError(
                        self.env._("A second-instance complaint must be linked to the first-instance complaint.")
                    )
                if first == petition or first.petition_type != "complaint" or first.instance != "first":
                    raise ValidationError(self.env._("The linked petition must be a first-instance complaint."))
                resolved = first.state in ("conclusion", "closed")
                expired = first.resolution_deadline and first.resolution_deadline < petition.date_received
                if not resolved and not expired:
                    raise ValidationError(
                        self.env._(
                            "A second-instance complaint can only follow a first-instance complaint that "
                            "was decided, or was not decided in time (%(code)s).",
                            code=first.code,
                        )
                    )
            elif petition.first_instance_id:
                raise ValidationError(self.env._("Only a second-instance complaint links to a first one."))

    # ------------------------------------------------------------------ ORM
    @api.model_create_multi
    def create(self, vals_list):
        # the identity given at creation is stored directly: whoever records a petition knows it
        vals_list = [dict(vals) for vals in vals_list]
        if not self.env.su and any(WORKFLOW_FIELDS & set(vals) for vals in vals_list):
            self._raise_workflow_fields()
        identities = [
            {IDENTITY_FIELDS[key]: vals.pop(key) for key in list(vals) if key in IDENTITY_FIELDS} for vals in vals_list
        ]
        petitions = super().create(vals_list)
        Counter = self.env["motcua.sequence.counter"].sudo()
        Identity = self.env["motcua.complaint.identity"].sudo()
        for petition, identity_vals in zip(petitions, identities, strict=True):
            identity_vals = {key: value for key, value in identity_vals.items() if value}
            if identity_vals.get("id_number"):
                identity_vals["id_number"] = validate_citizen_id(self.env, identity_vals["id_number"])
            if identity_vals.get("phone"):
                identity_vals["phone"] = normalize_vn_phone(self.env, identity_vals["phone"])
            petition.sudo().identity_id = Identity.create(dict(identity_vals, petition_id=petition.id))
            petition.unit_id._ensure_usable()
            year = petition.date_received.year
            number = Counter.next_number(f"motcua.complaint.{petition.petition_type}", petition.unit_id, str(year))
            unit = petition.unit_id
            unit_ref = unit.identifier_code or unit.code or str(unit.id)
            petition.sudo().write(
                {
                    "code": f"{CODE_PREFIX[petition.petition_type]}-{unit_ref}-{year}-{number:05d}",
                    "access_key": random_code(10),
                }
            )
            if petition.accept_deadline and not petition.handled_as_information:
                petition._schedule_deadline_activity(
                    self.env._("Decide on acceptance of %(code)s", code=petition.code),
                    petition.accept_deadline,
                )
        return petitions

    def write(self, vals):
        locked = {
            "petition_type",
            "instance",
            "first_instance_id",
            "is_complex",
            "is_remote",
            "unit_id",
            "date_received",
        }
        if locked & set(vals) and not self.env.su:
            for petition in self:
                if petition.state not in ("received", "classified"):
                    raise UserError(
                        self.env._(
                            "The type, instance, complexity, area, unit and receipt date of %(code)s are fixed "
                            "once it is accepted or rejected.",
                            code=petition.code,
                        )
                    )
        if not self.env.su:
            if WORKFLOW_FIELDS & set(vals):
                self._raise_workflow_fields()
            self._check_access_fields(vals)
        return super().write(vals)

    def _raise_workflow_fields(self):
        raise UserError(
            self.env._(
                "The state, code, dates and time limits of a petition change only through its "
                "steps (classify, accept, reject, conclude, close, extend)."
            )
        )

    def _motcua_write_state(self, vals):
        """Write the outputs of a step, after the step's own checks (the guard of ``write``
        is for everyone else). Tracked like any write."""
        return super().write(vals)

    def _check_access_fields(self, vals):
        """The fields that decide who sees a denouncer change only by the people whose job it is:
        the type of a denunciation never (its identity would lose its protection), the handlers
        and the responsible unit by a leader of the unit (or an administrator). Their changes
        are tracked in the chatter."""
        for petition in self:
            if (
                "petition_type" in vals
                and petition.petition_type == "denunciation"
                and vals["petition_type"] != "denunciation"
            ):
                raise UserError(
                    self.env._(
                        "%(code)s is a denunciation: its type cannot be changed, the identity of the "
                        "denouncer stays protected.",
                        code=petition.code,
                    )
                )
        for field_name in ("handler_ids", "unit_id"):
            if field_name in vals:
                self._check_assignment_manager(field_name)

    def _check_assignment_manager(self, field_name):
        user = self.env.user
        if user.has_group("motcua_base.group_administrator"):
            return
        label = self._fields[field_name]._description_string(self.env)
        for petition in self:
            if not petition._is_assigned_by(user):
                raise AccessError(
                    self.env._(
                        "Only a leader of %(unit)s assigns %(code)s: you cannot change its %(field)s.",
                        unit=petition.unit_id.display_name,
                        code=petition.code,
                        field=label,
                    )
                )

    def _is_assigned_by(self, user):
        """Whether ``user`` leads the unit responsible for this petition: its head (or the head
        of a unit above), or a unit leader of that unit tree. Province monitors read only."""
        self.ensure_one()
        unit = self.sudo().unit_id
        if user in self.env["motcua.unit"].sudo().search([("id", "parent_of", unit.ids)]).head_id:
            return True
        if not user.has_group("motcua_base.group_unit_leader") or user._motcua_is_read_only_monitor():
            return False
        return bool(
            self.env["motcua.unit"]
            .sudo()
            .search_count([("id", "=", unit.id), ("id", "child_of", user.motcua_unit_ids.ids)], limit=1)
        )

    # ------------------------------------------------------------------ helpers
    def _responsible_users(self):
        self.ensure_one()
        return self.handler_ids or self.unit_id.head_id or self.env.user

    def _schedule_deadline_activity(self, summary, deadline):
        self.ensure_one()
        activity_type = self.env.ref("mail.mail_activity_data_todo", raise_if_not_found=False)
        for user in self._responsible_users():
            self.sudo().activity_schedule(
                activity_type_id=activity_type.id if activity_type else False,
                summary=summary,
                date_deadline=self.unit_id._motcua_local_date(deadline),
                user_id=user.id,
            )

    def _close_deadline_activities(self):
        self.sudo().activity_ids.action_feedback(feedback=self.env._("Stage completed."))

    # ------------------------------------------------------------------ stages
    def action_classify(self):
        self._check_state("received")
        for petition in self:
            if not petition.subject or not petition.unit_id:
                raise UserError(self.env._("Give the subject and the responsible unit before classifying."))
            if not petition.is_anonymous and not petition.sudo().identity_id.name:
                raise UserError(self.env._("The petitioner's name is required, unless the denunciation is anonymous."))
            if petition.is_anonymous and petition.petition_type != "denunciation":
                raise UserError(self.env._("Only a denunciation can be anonymous."))
            petition._motcua_set_state("classified")
            if petition.handled_as_information:
                petition._handle_as_information()
        return True

    def _handle_as_information(self):
        self.ensure_one()
        self._close_deadline_activities()
        if self.rule_id.anonymous_policy == "archive":
            self._motcua_set_state("closed", {"date_closed": fields.Datetime.now()})
            self.message_post(
                body=self.env._("Anonymous denunciation: recorded as information and filed, as the policy requires.")
            )
        else:
            self._motcua_set_state("verification")
            self.message_post(
                body=self.env._(
                    "Anonymous denunciation: not accepted as a denunciation; recorded as information "
                    "to verify, as the policy requires."
                )
            )

    def action_accept(self):
        self._check_state("classified")
        now = fields.Datetime.now()
        Rule = self.env["motcua.complaint.rule"]
        for petition in self:
            if petition.handled_as_information:
                raise UserError(
                    self.env._(
                        "An anonymous denunciation cannot be accepted as a denunciation; it is handled as information."
                    )
                )
            if not (petition.decision_reason or "").strip():
                raise UserError(self.env._("Give the reason of the acceptance decision."))
            if petition.filing_late:
                raise UserError(
                    self.env._(
                        "%(code)s was filed after the legal filing time of %(days)s days from %(date)s; "
                        "reject it and give this reason.",
                        code=petition.code,
                        days=petition.rule_id.filing_limit_days,
                        date=petition.date_known,
                    )
                )
            if petition.accept_deadline and now > petition.accept_deadline and not (petition.late_reason or "").strip():
                raise UserError(
                    self.env._(
                        "The legal time to decide on %(code)s ended on %(deadline)s; give the reason for the "
                        "late acceptance.",
                        code=petition.code,
                        deadline=petition.unit_id._motcua_local(petition.accept_deadline).strftime("%d/%m/%Y %H:%M"),
                    )
                )
            rule = petition.rule_id
            days = rule._resolve_days_for(petition.is_complex, petition.is_remote)
            petition._motcua_set_state(
                "accepted",
                {
                    "overdue_notified": False,
                    "date_accepted": now,
                    "resolve_days": days,
                    "resolve_day_kind": rule.resolve_day_kind,
                    "extension_days_max": rule.extension_days,
                    "max_extensions": rule.max_extensions,
                    "resolution_deadline_base": Rule._add_days(now, days, rule.resolve_day_kind, petition.unit_id),
                },
            )
            petition._close_deadline_activities()
            petition._schedule_deadline_activity(
                self.env._("Resolve %(code)s", code=petition.code), petition.resolution_deadline
            )
        return True

    def action_reject(self):
        self._check_state(["received", "classified"])
        for petition in self:
            if not (petition.decision_reason or "").strip():
                raise UserError(self.env._("Give the reason for rejecting the petition."))
            petition._motcua_set_state("rejected")
            petition._close_deadline_activities()
        return True

    def action_start_verification(self):
        self._check_state("accepted")
        self._motcua_set_state("verification")
        return True

    def action_conclude(self):
        self._check_state("verification")
        for petition in self:
            if not (petition.conclusion or "").strip():
                raise UserError(self.env._("Write the conclusion or decision before concluding."))
            petition._motcua_set_state("conclusion", {"date_concluded": fields.Datetime.now()})
            petition._close_deadline_activities()
        return True

    def action_close(self):
        self._check_state(["conclusion", "rejected", "verification"])
        for petition in self:
            if petition.state == "verification" and not petition.handled_as_information:
                raise UserError(self.env._("Conclude the verification before closing %(code)s.", code=petition.code))
            petition._motcua_set_state("closed", {"date_closed": fields.Datetime.now()})
            petition._close_deadline_activities()
        return True

    def action_extend(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Extend the resolution time"),
            "res_model": "motcua.complaint.extension",
            "view_mode": "form",
            "target": "new",
            "context": {"default_petition_id": self.id},
        }

    def action_open_identity_documents(self):
        """The documents revealing the petitioner, for those who may see the identity."""
        self.ensure_one()
        if not self._identity_visible_to_user():
            raise AccessError(
                self.env._("The identity of this denouncer is protected: only the assigned handlers can see it.")
            )
        identity = self.sudo().identity_id
        identity.with_env(self.env)._motcua_log_read(["attachment_ids"], "read")
        domain = [("res_model", "=", "motcua.complaint.identity"), ("res_id", "=", identity.id)]
        context = {"default_res_model": "motcua.complaint.identity", "default_res_id": identity.id}
        name = self.env._("Identity documents")
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": "ir.attachment",
            "view_mode": "list,form",
            "domain": domain,
            "context": context,
        }

    def action_open_identity_log(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("motcua_complaints.action_petition_access_log")
        action["domain"] = [("res_model", "=", self._name), ("res_id", "=", self.id)]
        return action

    # ------------------------------------------------------------------ cron
    @api.model
    def _cron_flag_overdue(self):
        """Raise an activity on each newly overdue petition, for its handlers or unit head."""
        petitions = self.sudo().search([("is_overdue", "=", True), ("overdue_notified", "=", False)])
        for petition in petitions:
            petition._schedule_deadline_activity(
                self.env._("Overdue: %(code)s", code=petition.code), fields.Datetime.now()
            )
        petitions.overdue_notified = True
        return True

    # ------------------------------------------------------------------ public lookup
    def _public_status(self):
        """The minimum shown by the public lookup: no names, IDs, phones or addresses."""
        self.ensure_one()
        states = dict(self._fields["state"]._description_selection(self.env))
        types = dict(self._fields["petition_type"]._description_selection(self.env))
        return {
            "code": self.code,
            "type": types[self.petition_type],
            "state": states[self.state],
            "unit": self.unit_id.name,
            "date_received": self.date_received,
            "deadline": self.resolution_deadline or self.accept_deadline,
        }
