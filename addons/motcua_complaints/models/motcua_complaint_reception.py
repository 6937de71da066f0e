from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

CLASSIFICATIONS = [
    ("complaint", "Complaint"),
    ("denunciation", "Denunciation"),
    ("proposal", "Proposal / feedback"),
    ("other", "Other"),
]
OUTCOMES = [
    ("guided", "Guided"),
    ("accepted", "Petition received"),
    ("transferred", "Transferred to another agency"),
]


class MotcuaComplaintReception(models.Model):
    """An entry of the citizen reception register (Law on Citizen Reception 2013)."""

    _name = "motcua.complaint.reception"
    _description = "Citizen reception"
    _inherit = ["mail.thread", "motcua.unit.mixin", "motcua.monitor.readonly.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(string="Number", readonly=True, copy=False, default="/")
    date = fields.Datetime(required=True, default=fields.Datetime.now, tracking=True)
    receiver_id = fields.Many2one(
        "res.users", string="Received by", required=True, default=lambda self: self.env.user, tracking=True
    )
    receiver_role = fields.Selection(
        [("leader", "Leader"), ("officer", "Reception officer")], required=True, default="officer"
    )
    schedule_id = fields.Many2one("motcua.complaint.schedule", string="Reception session", ondelete="set null")
    citizen_ids = fields.One2many("motcua.complaint.reception.citizen", "reception_id", string="Citizens")
    citizen_count = fields.Integer(string="Citizens received", compute="_compute_citizen_count", store=True)
    summary = fields.Text(string="Content", required=True)
    classification = fields.Selection(CLASSIFICATIONS, required=True, default="complaint", tracking=True)
    outcome = fields.Selection(OUTCOMES, tracking=True)
    transferred_to = fields.Char(string="Transferred to")
    petition_ids = fields.One2many("motcua.complaint.petition", "reception_id", string="Petitions")

    @api.depends("citizen_ids")
    def _compute_citizen_count(self):
        for reception in self:
            reception.citizen_count = len(reception.sudo().citizen_ids)

    @api.constrains("outcome", "transferred_to")
    def _check_outcome(self):
        for reception in self:
            if reception.outcome == "transferred" and not (reception.transferred_to or "").strip():
                raise ValidationError(self.env._("Say to which agency the citizen was transferred."))

    @api.model_create_multi
    def create(self, vals_list):
        receptions = super().create(vals_list)
        for reception in receptions:
            year = reception.date.year
            number = (
                self.env["motcua.sequence.counter"]
                .sudo()
                .next_number("motcua.complaint.reception", reception.unit_id, str(year))
            )
            reception.name = f"TCD-{year}-{number:05d}"
        return receptions

    def write(self, vals):
        if not self.env.su and not self.env.user.has_group("motcua_base.group_administrator"):
            self._check_protection_fields(vals)
        return super().write(vals)

    def _check_protection_fields(self, vals):
        """Who received the citizens and whether they came to denounce decide who sees them:
        the receiver is recorded once, and a denunciation stays one."""
        for reception in self:
            if "receiver_id" in vals and vals["receiver_id"] != reception.receiver_id.id:
                raise AccessError(
                    self.env._(
                        "The receiver of %(number)s is recorded once; ask an administrator to correct it.",
                        number=reception.name,
                    )
                )
            if (
                "classification" in vals
                and reception.classification == "denunciation"
                and vals["classification"] != "denunciation"
            ):
                raise UserError(
                    self.env._(
                        "%(number)s received a denunciation: its classification cannot be changed, the "
                        "identity of the citizens received stays protected.",
                        number=reception.name,
                    )
                )

    def action_create_petition(self):
        self.ensure_one()
        if self.classification == "other":
            raise UserError(self.env._("Classify the reception as a complaint, denunciation or proposal first."))
        citizen = self.citizen_ids[:1]
        petition = self.env["motcua.complaint.petition"].create(
            {
                "subject": self.summary.splitlines()[0][:200],
                "content": self.summary,
                "petition_type": self.classification,
                "source": "reception",
                "reception_id": self.id,
                "unit_id": self.unit_id.id,
                "date_received": self.date,
                "petitioner_name": citizen.name,
                "petitioner_id_number": citizen.id_number,
                "petitioner_address": citizen.address,
                "petitioner_phone": citizen.phone,
            }
        )
        self.outcome = "accepted"
        return {
            "type": "ir.actions.act_window",
            "res_model": "motcua.complaint.petition",
            "res_id": petition.id,
            "view_mode": "form",
        }


class MotcuaComplaintReceptionCitizen(models.Model):
    """A citizen received (a group can be several people). Hidden for denunciations."""

    _name = "motcua.complaint.reception.citizen"
    _description = "Citizen received"
    _inherit = ["motcua.monitor.readonly.mixin"]

    reception_id = fields.Many2one("motcua.complaint.reception", required=True, index=True, ondelete="cascade")
    name = fields.Char(string="Full name", required=True)
    id_number = fields.Char(string="ID number")
    address = fields.Char()
    phone = fields.Char()

    def write(self, vals):
        if (
            "reception_id" in vals
            and not self.env.su
            and any(citizen.reception_id.id != vals["reception_id"] for citizen in self)
        ):
            raise UserError(self.env._("A citizen received stays on the reception that received them."))
        return super().write(vals)
