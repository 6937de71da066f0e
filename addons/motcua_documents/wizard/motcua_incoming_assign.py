from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class MotcuaIncomingAssign(models.TransientModel):
    """The handling slip (phiếu xử lý): a leader assigns the lead handler, co-handlers,
    instructions and a deadline in working days."""

    _name = "motcua.incoming.assign"
    _description = "Handling slip"

    document_id = fields.Many2one("motcua.incoming.document", required=True, ondelete="cascade")
    lead_user_id = fields.Many2one("res.users", string="Lead handler", domain="[('share', '=', False)]")
    lead_unit_id = fields.Many2one("motcua.unit", string="Lead unit")
    co_user_ids = fields.Many2many("res.users", string="Co-handlers", domain="[('share', '=', False)]")
    co_unit_ids = fields.Many2many("motcua.unit", string="Co-handling units")
    instructions = fields.Text()
    handling_days = fields.Integer(string="Working days", default=5)
    deadline = fields.Datetime(compute="_compute_deadline")

    @api.depends("handling_days", "document_id", "lead_unit_id")
    def _compute_deadline(self):
        now = fields.Datetime.now()
        for wizard in self:
            unit = wizard.lead_unit_id or wizard.document_id.unit_id
            wizard.deadline = (
                unit.add_working_time(now, days=wizard.handling_days) if unit and wizard.handling_days > 0 else False
            )

    def action_confirm(self):
        self.ensure_one()
        if not self.env.user.has_group("motcua_base.group_unit_leader"):
            raise AccessError(self.env._("Only a leader can assign the handling of a document."))
        doc = self.document_id
        doc.check_access("write")
        if doc.state not in ("registered", "assigned"):
            raise UserError(self.env._("Register the document before assigning its handling."))
        if not (self.lead_user_id or self.lead_unit_id):
            raise ValidationError(self.env._("Choose the lead handler: a person or a unit."))
        if self.handling_days <= 0:
            raise ValidationError(self.env._("The handling time must be at least one working day."))
        if self.lead_user_id and self.lead_user_id in self.co_user_ids:
            raise ValidationError(self.env._("The lead handler cannot also be a co-handler."))
        deadline = self.deadline
        doc.sudo()._motcua_set_state(
            "assigned",
            {
                "lead_user_id": self.lead_user_id.id,
                "lead_unit_id": self.lead_unit_id.id,
                "co_user_ids": [(6, 0, self.co_user_ids.ids)],
                "co_unit_ids": [(6, 0, self.co_unit_ids.ids)],
                "instructions": self.instructions,
                "handling_days": self.handling_days,
                "deadline": deadline,
                "assigned_by_id": self.env.uid,
                "date_assigned": fields.Datetime.now(),
            },
        )
        users = self.lead_user_id or self.lead_unit_id.head_id
        for user in users:
            doc.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=user.id,
                date_deadline=fields.Date.context_today(self, deadline),
                summary=self.env._("Handle incoming document %(doc)s", doc=doc.display_name),
                note=self.instructions or "",
            )
        doc.message_post(
            body=self.env._(
                "Assigned to %(lead)s by %(leader)s, due %(deadline)s.",
                lead=self.lead_user_id.name or self.lead_unit_id.complete_name,
                leader=self.env.user.name,
                deadline=fields.Datetime.to_string(deadline),
            )
        )
        doc.message_subscribe(partner_ids=(self.lead_user_id | self.co_user_ids).partner_id.ids)
        return {"type": "ir.actions.act_window_close"}
