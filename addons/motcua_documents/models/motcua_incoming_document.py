import base64

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain

from odoo.addons.motcua_base.tools import check_file_content, local_year

INCOMING_SCOPE = "motcua.incoming.document"
INCOMING_SECRET_SCOPE = "motcua.incoming.document.secret"


class MotcuaIncomingDocument(models.Model):
    """An incoming official document (văn bản đến), registered in the incoming register of
    a unit for a year, then handled under a handling slip."""

    _name = "motcua.incoming.document"
    _description = "Incoming document"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "motcua.unit.mixin",
        "motcua.document.mixin",
        "motcua.monitor.readonly.mixin",
        "motcua.workflow.mixin",
    ]
    _order = "date_received desc, id desc"
    _rec_names_search = ["name", "reference", "summary"]
    _motcua_transitions = {
        "draft": ("registered", "cancelled"),
        "registered": ("assigned", "cancelled"),
        # a leader may assign the handling again
        "assigned": ("assigned", "done", "cancelled"),
    }

    name = fields.Char(string="Incoming number", compute="_compute_name", store=True, index=True)
    state = fields.Selection(
        [
            ("draft", "Received"),
            ("registered", "Registered"),
            ("assigned", "In handling"),
            ("done", "Handled"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    intake_channel = fields.Selection(
        [
            ("paper", "Paper"),
            ("email", "E-mail"),
            ("internal", "Internal distribution"),
            ("system", "Document exchange system"),
        ],
        default="paper",
        required=True,
    )
    sender_id = fields.Many2one("res.partner", tracking=True, index=True, help="The agency that issued the document.")
    reference = fields.Char(string="Number and symbol", tracking=True, index=True, help="e.g. 15/QĐ-UBND")
    document_date = fields.Date(tracking=True, help="The date printed on the document.")
    date_received = fields.Datetime(default=fields.Datetime.now, required=True, tracking=True)
    attachment_ids = fields.Many2many(
        "ir.attachment", "motcua_incoming_document_attachment_rel", "document_id", "attachment_id", string="Attachments"
    )
    # register
    register_year = fields.Integer(readonly=True, copy=False, index=True)
    incoming_number = fields.Integer(readonly=True, copy=False, index=True)
    secret_series = fields.Boolean(readonly=True, copy=False, help="Secret documents are numbered in their own series.")
    register_date = fields.Datetime(string="Registered on", readonly=True, copy=False)
    registered_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    duplicate_id = fields.Many2one(
        "motcua.incoming.document", compute="_compute_duplicate_id", string="Possible duplicate"
    )
    # handling slip
    lead_user_id = fields.Many2one(
        "res.users", string="Lead handler", readonly=True, tracking=True, copy=False, index=True
    )
    lead_unit_id = fields.Many2one(
        "motcua.unit", string="Lead unit", readonly=True, tracking=True, copy=False, index=True
    )
    co_user_ids = fields.Many2many(
        "res.users",
        "motcua_incoming_document_co_user_rel",
        "document_id",
        "user_id",
        string="Co-handlers",
        readonly=True,
        copy=False,
    )
    co_unit_ids = fields.Many2many(
        "motcua.unit",
        "motcua_incoming_document_co_unit_rel",
        "document_id",
        "unit_id",
        string="Co-handling units",
        readonly=True,
        copy=False,
    )
    instructions = fields.Text(readonly=True, copy=False, tracking=True)
    handling_days = fields.Integer(string="Working days", readonly=True, copy=False)
    deadline = fields.Datetime(readonly=True, copy=False, tracking=True)
    assigned_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_assigned = fields.Datetime(readonly=True, copy=False)
    date_done = fields.Datetime(readonly=True, copy=False)
    result_note = fields.Text(string="Handling result", copy=False)
    is_overdue = fields.Boolean(compute="_compute_is_overdue", search="_search_is_overdue", string="Overdue")
    reply_outgoing_id = fields.Many2one("motcua.outgoing.document", string="Reply", copy=False, readonly=True)
    source_recipient_id = fields.Many2one(
        "motcua.outgoing.recipient", readonly=True, copy=False, string="Distributed from"
    )

    _incoming_number_uniq = models.UniqueIndex(
        "(unit_id, register_year, secret_series, incoming_number) WHERE incoming_number IS NOT NULL",
        "This incoming number is already used in the register.",
    )

    @api.depends("incoming_number", "register_year", "secret_series")
    def _compute_name(self):
        for doc in self:
            if doc.incoming_number:
                doc.name = "%02d%s/%s" % (doc.incoming_number, "/M" if doc.secret_series else "", doc.register_year)
            else:
                doc.name = False

    def _compute_display_name(self):
        for doc in self:
            doc.display_name = doc.name or doc.reference or self.env._("New incoming document")

    @api.depends("sender_id", "reference", "document_date", "unit_id")
    def _compute_duplicate_id(self):
        for doc in self:
            doc.duplicate_id = doc._find_duplicate(whole_register=False)

    def _find_duplicate(self, whole_register=True):
        self.ensure_one()
        if not (self.sender_id and self.reference and self.document_date and self.unit_id):
            return self.browse()
        domain = Domain(
            [
                ("unit_id", "=", self.unit_id.id),
                ("sender_id", "=", self.sender_id.id),
                ("reference", "=ilike", self.reference.strip()),
                ("document_date", "=", self.document_date),
                ("state", "!=", "cancelled"),
            ]
        )
        if self.id and isinstance(self.id, int):
            domain &= Domain("id", "!=", self.id)
        # registering checks the whole register (a clerk may not see a secret duplicate)
        model = self.sudo() if whole_register else self
        return model.search(domain, limit=1, order="id")

    @api.depends("state", "deadline")
    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for doc in self:
            doc.is_overdue = doc.state == "assigned" and bool(doc.deadline) and doc.deadline < now

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise UserError(self.env._("Unsupported search on overdue."))
        positive = Domain([("state", "=", "assigned"), ("deadline", "<", fields.Datetime.now())])
        wanted = bool(value) if operator in ("=", "in") else not value
        if isinstance(value, (list, tuple)):
            wanted = True in value if operator == "in" else True not in value
        return positive if wanted else ~positive

    # what the register says about a registered document cannot change afterwards
    REGISTER_FIELDS = (
        "unit_id",
        "sender_id",
        "reference",
        "document_date",
        "date_received",
        "secrecy",
        "incoming_number",
        "register_year",
        "secret_series",
    )

    def write(self, vals):
        locked = set(self.REGISTER_FIELDS).intersection(vals)
        if locked and not self.env.su and any(doc.incoming_number for doc in self):
            labels = ", ".join(sorted(self._fields[f]._description_string(self.env) for f in locked))
            raise UserError(
                self.env._(
                    "A registered document keeps what the register says: %(fields)s cannot be changed. "
                    "Cancel it and register it again if it was wrong.",
                    fields=labels,
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_registered(self):
        if any(doc.incoming_number for doc in self):
            raise UserError(self.env._("A registered document stays in the register: cancel it instead."))

    @api.constrains("attachment_ids")
    def _check_attachments(self):
        for doc in self:
            for attachment in doc.attachment_ids:
                check_file_content(self.env, attachment.raw, attachment.name)

    @api.constrains("page_count")
    def _check_page_count(self):
        if any(doc.page_count < 0 for doc in self):
            raise ValidationError(self.env._("The page count cannot be negative."))

    # ------------------------------------------------------------------ register
    def action_register(self):
        """Enter the documents into the incoming register of their unit: the incoming number
        is the next of the unit's register of the year of reception (secret documents have
        their own series)."""
        for doc in self.sorted(lambda d: (d.date_received, d.id)):
            if doc.state != "draft":
                raise UserError(self.env._("The document %(doc)s is already registered.", doc=doc.display_name))
            missing = [
                doc._fields[fname]._description_string(self.env)
                for fname in ("sender_id", "reference", "document_date", "type_id", "summary")
                if not doc[fname]
            ]
            if missing:
                raise UserError(self.env._("Fill in before registering: %(fields)s.", fields=", ".join(missing)))
            duplicate = doc._find_duplicate()
            if duplicate:
                raise UserError(
                    self.env._(
                        "This document is already in the register as %(number)s (same sender, number and date). "
                        "Open the existing record instead of registering it twice.",
                        number=duplicate.sudo().display_name,
                    )
                )
            doc.unit_id._ensure_usable()
            year = local_year(doc.date_received)
            secret = doc.secrecy_level > 0
            number = (
                self.env["motcua.sequence.counter"]
                .sudo()
                .next_number(INCOMING_SECRET_SCOPE if secret else INCOMING_SCOPE, doc.unit_id, str(year))
            )
            doc._motcua_set_state(
                "registered",
                {
                    "register_year": year,
                    "incoming_number": number,
                    "secret_series": secret,
                    "register_date": fields.Datetime.now(),
                    "registered_by_id": self.env.uid,
                },
            )
            doc.message_post(body=self.env._("Registered as incoming number %(number)s.", number=doc.name))
        return True

    def action_open_duplicate(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.duplicate_id.id,
            "view_mode": "form",
        }

    def action_assign(self):
        """Open the handling slip (leaders)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Handling slip"),
            "res_model": "motcua.incoming.assign",
            "view_mode": "form",
            "target": "new",
            "context": {"default_document_id": self.id},
        }

    def _is_handler(self, user=None):
        user = user or self.env.user
        return user in (self.lead_user_id | self.co_user_ids) or bool(
            (self.lead_unit_id | self.co_unit_ids) & user.motcua_unit_ids
        )

    def action_done(self):
        for doc in self:
            if doc.state != "assigned":
                raise UserError(self.env._("Only a document in handling can be marked as handled."))
            if not (doc._is_handler() or self.env.user.has_group("motcua_base.group_unit_leader")):
                raise UserError(self.env._("Only the handlers of the document or a leader can close it."))
            doc._motcua_set_state("done", {"date_done": fields.Datetime.now()})
            doc.activity_ids.filtered(lambda a: a.user_id == self.env.user).action_done()
        return True

    def action_cancel(self):
        for doc in self:
            if doc.state == "done":
                raise UserError(self.env._("A handled document cannot be cancelled."))
            doc._motcua_set_state("cancelled")
        return True

    def action_draft_reply(self):
        """Start an outgoing document that answers this one."""
        self.ensure_one()
        outgoing = self.env["motcua.outgoing.document"].create(
            {
                "unit_id": (self.lead_unit_id or self.unit_id).id,
                "summary": self.env._(
                    "Reply to %(ref)s: %(summary)s", ref=self.reference or self.name, summary=self.summary or ""
                ),
                "reply_to_incoming_id": self.id,
                "secrecy": self.secrecy,
                "recipient_ids": [(0, 0, {"recipient_type": "external", "partner_id": self.sender_id.id})]
                if self.sender_id
                else [],
            }
        )
        self.sudo().reply_outgoing_id = outgoing
        return {
            "type": "ir.actions.act_window",
            "res_model": "motcua.outgoing.document",
            "res_id": outgoing.id,
            "view_mode": "form",
        }

    # ------------------------------------------------------------------ overdue
    @api.model
    def _cron_overdue_handling(self):
        """Raise an activity for the lead handler (or the unit head) of each overdue document."""
        activity_type = self.env.ref("motcua_documents.mail_activity_overdue_document")
        for doc in self.search([("is_overdue", "=", True)]):
            if doc.activity_ids.filtered(lambda a: a.activity_type_id == activity_type):
                continue
            user = doc.lead_user_id or doc.lead_unit_id.head_id or doc.unit_id.head_id or doc.assigned_by_id
            if user:
                doc.activity_schedule(
                    activity_type_id=activity_type.id,
                    user_id=user.id,
                    date_deadline=fields.Date.today(),
                    summary=self.env._(
                        "Handling deadline passed on %(deadline)s", deadline=fields.Datetime.to_string(doc.deadline)
                    ),
                )

    # ------------------------------------------------------------------ mail gateway
    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """An e-mail to a unit's alias: a received (unregistered) incoming document."""
        values = dict(custom_values or {})
        email_from = msg_dict.get("email_from") or ""
        partner = self.env["res.partner"]
        if msg_dict.get("author_id"):
            partner = partner.browse(msg_dict["author_id"])
        elif email_from:
            partner = partner.find_or_create(email_from)
        values.setdefault("summary", msg_dict.get("subject") or self.env._("(no subject)"))
        values.setdefault("sender_id", partner.id or False)
        values.setdefault("intake_channel", "email")
        values.setdefault("date_received", fields.Datetime.now())
        return super().message_new(msg_dict, custom_values=values)

    def _message_post_after_hook(self, message, msg_vals):
        result = super()._message_post_after_hook(message, msg_vals)
        if message.message_type == "email" and message.attachment_ids:
            for doc in self.filtered(lambda d: d.state == "draft" and d.intake_channel == "email"):
                doc.sudo().attachment_ids = [(4, a.id) for a in message.attachment_ids]
                pdf = message.attachment_ids.filtered(lambda a: a.mimetype == "application/pdf")[:1]
                if pdf and not doc.file:
                    try:
                        doc.sudo().write({"file": base64.b64encode(pdf.raw), "file_name": pdf.name})
                    except ValidationError as exc:
                        doc.sudo().message_post(body=str(exc))
        return result
