import base64

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.motcua_base.tools import local_year

OUTGOING_SCOPE = "motcua.outgoing.document"
OUTGOING_SECRET_SCOPE = "motcua.outgoing.document.secret"


class MotcuaOutgoingDocument(models.Model):
    """An outgoing official document (văn bản đi): drafted, reviewed, approved by its
    signer, issued with the next number of the unit's register of the year, distributed."""

    _name = "motcua.outgoing.document"
    _description = "Outgoing document"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "motcua.unit.mixin",
        "motcua.document.mixin",
        "motcua.monitor.readonly.mixin",
        "motcua.workflow.mixin",
    ]
    _order = "issue_date desc, id desc"
    _rec_names_search = ["name", "summary"]
    _motcua_transitions = {
        "draft": ("review", "approval", "cancelled"),
        "review": ("approval", "draft", "cancelled"),
        "approval": ("approved", "draft", "cancelled"),
        "approved": ("issued", "draft", "cancelled"),
        "issued": ("distributed",),
        # distributing again sends to the recipients added since
        "distributed": ("distributed",),
    }

    name = fields.Char(string="Number and symbol", readonly=True, copy=False, index=True)
    state = fields.Selection(
        [
            ("draft", "Drafting"),
            ("review", "Review"),
            ("approval", "Awaiting approval"),
            ("approved", "Approved"),
            ("issued", "Issued"),
            ("distributed", "Distributed"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    drafter_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, required=True, tracking=True, index=True
    )
    reviewer_id = fields.Many2one("res.users", tracking=True, index=True)
    signer_id = fields.Many2one(
        "res.users", tracking=True, index=True, help="The leader who approves and signs the document."
    )
    approved_date = fields.Datetime(readonly=True, copy=False)
    number = fields.Integer(readonly=True, copy=False, index=True)
    register_year = fields.Integer(readonly=True, copy=False, index=True)
    secret_series = fields.Boolean(readonly=True, copy=False)
    issue_date = fields.Datetime(readonly=True, copy=False, tracking=True)
    issued_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    is_public = fields.Boolean(
        string="Published for the public",
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        help="Shown with its file on the unit's public site (legal documents the unit issued). "
        "A leader publishes an issued, unclassified document.",
    )
    recipient_ids = fields.One2many("motcua.outgoing.recipient", "document_id", string="Recipients", copy=True)
    reply_to_incoming_id = fields.Many2one("motcua.incoming.document", string="Reply to", index=True, copy=False)
    sign_visible = fields.Boolean(
        string="Visible signature", default=True, help="Stamp the signer and the signing time on the first page."
    )

    _number_uniq = models.UniqueIndex(
        "(unit_id, register_year, secret_series, number) WHERE number IS NOT NULL",
        "This number is already used in the outgoing register.",
    )

    @api.constrains("signer_id")
    def _check_signer(self):
        for doc in self.filtered("signer_id"):
            if not doc.signer_id.has_group("motcua_base.group_unit_leader"):
                raise ValidationError(
                    self.env._(
                        "The signer %(user)s is not a leader: only leaders sign documents.", user=doc.signer_id.name
                    )
                )

    @api.depends("name", "summary", "secrecy")
    def _compute_display_name(self):
        # a display name travels (chatter of linked records, many2one labels, access logs, to
        # readers without clearance): the summary of a secret draft is never part of it
        labels = dict(self._fields["secrecy"]._description_selection(self.env))
        for doc in self:
            if doc.name:
                doc.display_name = doc.name
            elif doc.secrecy_level:
                doc.display_name = self.env._("Draft (%(secrecy)s)", secrecy=labels[doc.secrecy])
            else:
                doc.display_name = self.env._("Draft: %(summary)s", summary=(doc.summary or "")[:60])

    # an issued document is what it is: number, symbol, content and file
    ISSUED_FIELDS = (
        "unit_id",
        "type_id",
        "summary",
        "secrecy",
        "file",
        "file_name",
        "signer_id",
        "number",
        "name",
        "register_year",
        "secret_series",
        "issue_date",
    )

    @api.model_create_multi
    def create(self, vals_list):
        if any("is_public" in vals for vals in vals_list):
            self._motcua_check_public_write()
        return super().create(vals_list)

    def write(self, vals):
        if "is_public" in vals:
            self._motcua_check_public_write()
        locked = set(self.ISSUED_FIELDS).intersection(vals)
        if locked and not self.env.su and any(doc.number for doc in self):
            labels = ", ".join(sorted(self._fields[f]._description_string(self.env) for f in locked))
            raise UserError(
                self.env._(
                    "An issued document cannot be changed (%(fields)s): issue a new document that amends it.",
                    fields=labels,
                )
            )
        return super().write(vals)

    def _is_leader(self):
        return self.env.user.has_group("motcua_base.group_unit_leader")

    # ------------------------------------------------------------------ publication
    def _motcua_check_public_write(self):
        if not self.env.su:
            raise AccessError(self.env._("A document is published for the public with its Publish button only."))

    def action_publish_public(self):
        """A leader shows issued, unclassified documents with their file on the unit's site."""
        if not self._is_leader():
            raise AccessError(self.env._("Only a leader of the unit can publish a document for the public."))
        self.check_access("write")
        self._check_state(["issued", "distributed"], self.env._("Publishing for the public"))
        for doc in self:
            if doc.secrecy != "normal":
                raise UserError(
                    self.env._("The document %(doc)s is classified: it cannot be published.", doc=doc.display_name)
                )
            if not doc.file:
                raise UserError(self.env._("The document %(doc)s has no file to publish.", doc=doc.display_name))
        self.sudo().write({"is_public": True})
        return True

    def action_unpublish_public(self):
        if not self._is_leader():
            raise AccessError(self.env._("Only a leader of the unit can withdraw a document from the public."))
        self.check_access("write")
        self.sudo().write({"is_public": False})
        return True

    @api.model
    @api.private
    def _motcua_public_documents(self, units, limit=10, document_id=None):
        """The documents ``units`` published for the public, newest first (sudo: for the public
        pages, which show their number, date, summary and file only)."""
        domain = [("is_public", "=", True), ("secrecy", "=", "normal"), ("unit_id", "in", units.ids)]
        if document_id:
            domain.append(("id", "=", document_id))
        return self.sudo().search(domain, order="issue_date desc, id desc", limit=limit)

    # ------------------------------------------------------------------ workflow
    def action_submit(self):
        self._check_state("draft")
        for doc in self:
            if not doc.summary or not doc.type_id:
                raise UserError(self.env._("Give the document a type and a summary before submitting it."))
            doc._motcua_set_state("review" if doc.reviewer_id else "approval")
            doc._notify_next()
        return True

    def action_review_ok(self):
        self._check_state("review")
        for doc in self:
            if self.env.user != doc.reviewer_id and not self._is_leader():
                raise AccessError(self.env._("Only the reviewer of the document or a leader can pass the review."))
            if not doc.signer_id:
                raise UserError(self.env._("Choose the signer before sending the document for approval."))
            doc._motcua_set_state("approval")
            doc._notify_next()
        return True

    def action_approve(self):
        self._check_state("approval")
        for doc in self:
            if not doc.signer_id:
                raise UserError(self.env._("The document has no signer: choose the leader who signs it."))
            if self.env.user != doc.signer_id:
                raise AccessError(
                    self.env._("Only the signer %(signer)s can approve this document.", signer=doc.signer_id.name)
                )
            doc._motcua_set_state("approved", {"approved_date": fields.Datetime.now()})
            doc.message_post(body=self.env._("Approved by %(signer)s.", signer=self.env.user.name))
        return True

    def action_return_draft(self):
        self._check_state(["review", "approval", "approved"])
        for doc in self:
            allowed = self.env.user in (doc.reviewer_id | doc.signer_id | doc.drafter_id) or self._is_leader()
            if not allowed:
                raise AccessError(
                    self.env._(
                        "Only the drafter, the reviewer, the signer or a leader can send the document back to drafting."
                    )
                )
            doc._motcua_set_state("draft", {"approved_date": False})
        return True

    def action_cancel(self):
        self._check_state(["draft", "review", "approval", "approved"])
        self._motcua_set_state("cancelled")
        return True

    def _notify_next(self):
        user = self.reviewer_id if self.state == "review" else self.signer_id
        if user:
            self.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=user.id,
                summary=self.env._("Review") if self.state == "review" else self.env._("Approve and sign"),
            )

    def action_issue(self):
        """Give the approved documents their number and issue them. The number is taken only
        once every check has passed, so a refused issue consumes no number."""
        self._check_state("approved")
        for doc in self.sorted("id"):
            if not doc.signer_id or not doc.approved_date:
                raise UserError(self.env._("A document cannot be issued without a signer's approval."))
            if not doc.unit_id.abbreviation:
                raise UserError(
                    self.env._("The unit %(unit)s has no abbreviation for the document symbol.", unit=doc.unit_id.name)
                )
            if doc.file and doc.signature_state not in ("none", "unsigned", "valid"):
                raise UserError(
                    self.env._(
                        "The signed file of %(doc)s fails verification (%(state)s): it cannot be issued.",
                        doc=doc.display_name,
                        state=dict(self._fields["signature_state"]._description_selection(self.env))[
                            doc.signature_state
                        ],
                    )
                )
            doc.unit_id._ensure_usable()
            now = fields.Datetime.now()
            year = local_year(now)
            secret = doc.secrecy_level > 0
            number = (
                self.env["motcua.sequence.counter"]
                .sudo()
                .next_number(OUTGOING_SECRET_SCOPE if secret else OUTGOING_SCOPE, doc.unit_id, str(year))
            )
            doc._motcua_set_state(
                "issued",
                {
                    "number": number,
                    "register_year": year,
                    "secret_series": secret,
                    "issue_date": now,
                    "issued_by_id": self.env.uid,
                    "name": doc._format_symbol(number),
                },
            )
            doc.message_post(body=self.env._("Issued as %(name)s.", name=doc.name))
            if doc.reply_to_incoming_id:
                doc.reply_to_incoming_id.sudo().message_post(
                    body=self.env._("Replied by outgoing document %(name)s.", name=doc.name)
                )
        return True

    def _format_symbol(self, number):
        """15/QĐ-UBND; an official letter (no type abbreviation) is 15/UBND. Numbers below 10
        are written with a leading zero (Decree 30/2020)."""
        unit_abbr = self.unit_id.abbreviation
        type_abbr = self.type_id.abbreviation
        symbol = f"{type_abbr}-{unit_abbr}" if type_abbr else unit_abbr
        return "%02d/%s" % (number, symbol)

    def action_distribute(self):
        """Send the issued document to its recipients: internal units receive an incoming
        document, external ones an e-mail with the file."""
        self._check_state(["issued", "distributed"])
        for doc in self:
            if not doc.recipient_ids:
                raise UserError(
                    self.env._("Add the recipients of %(doc)s before distributing it.", doc=doc.display_name)
                )
            doc.recipient_ids.filtered(lambda r: not r.date_sent)._send()
            doc._motcua_set_state("distributed")
        return True

    # ------------------------------------------------------------------ signing
    def action_sign(self):
        """Sign the PDF with the certificate of the unit (the signer or an administrator)."""
        self._check_state(["approval", "approved"])
        for doc in self:
            if self.env.user != doc.signer_id and not self.env.user.has_group("motcua_base.group_administrator"):
                raise AccessError(self.env._("Only the signer of the document can sign it."))
            if not doc.file or not (doc.file_name or "").lower().endswith(".pdf"):
                raise UserError(self.env._("Attach the PDF of the document before signing it."))
            signed = self.env["motcua.unit.certificate"]._motcua_sign_pdf(
                doc.unit_id, base64.b64decode(doc.file), visible=doc.sign_visible, reason=doc.summary or ""
            )
            doc.write({"file": base64.b64encode(signed)})
            doc.message_post(body=self.env._("Signed with the certificate of %(unit)s.", unit=doc.unit_id.name))
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_except_numbered(self):
        if any(doc.number for doc in self):
            raise UserError(self.env._("An issued document stays in the register: cancel it instead."))
