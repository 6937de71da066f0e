from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.motcua_base.tools import amount_to_words_vi, working_time_label

LEVELS = [
    ("province", "Province"),
    ("district", "District (historical)"),
    ("commune", "Commune / ward"),
    ("central", "Central"),
]
ONLINE_LEVELS = [
    ("full", "Full online"),
    ("partial", "Partly online"),
    ("none", "Not online"),
]
PAPER_TYPES = [
    ("original", "Original"),
    ("copy", "Copy"),
    ("certified", "Certified copy"),
    ("original_or_copy", "Original or copy"),
]
STEP_ROLES = [
    ("receiving", "Receiving officer"),
    ("specialist", "Specialist"),
    ("leader", "Unit leader"),
]
# Fields whose change makes a new version once dossiers use the procedure.
VERSIONED_FIELDS = {
    "name",
    "field_id",
    "level",
    "unit_id",
    "duration_days",
    "duration_hours",
    "fee",
    "charge",
    "paper_ids",
    "result_paper",
    "step_ids",
    "online_level",
}


class MotcuaProcedure(models.Model):
    """An administrative procedure (thủ tục hành chính) of the catalogue.

    Procedures are versioned: once dossiers use a procedure, a change of its rules keeps the
    former rules as an archived version record (the dossiers move to it, so they keep the rules
    they were received under) and the procedure continues under the next version number.
    """

    _name = "motcua.procedure"
    _description = "Administrative procedure"
    _inherit = ["mail.thread"]
    _order = "code, version desc"
    _rec_names_search = ["code", "name"]

    code = fields.Char(required=True, tracking=True, help="Code in the national procedure database.")
    name = fields.Char(required=True, tracking=True)
    field_id = fields.Many2one("motcua.procedure.field", index=True, tracking=True)
    level = fields.Selection(LEVELS, string="Deciding level", required=True, default="commune", tracking=True)
    unit_id = fields.Many2one(
        "motcua.unit",
        string="Deciding unit",
        tracking=True,
        help="Leave empty when every unit of the level decides (e.g. every commune).",
    )
    duration_days = fields.Float(string="Processing time (working days)", tracking=True)
    duration_hours = fields.Float(string="Processing time (working hours)", tracking=True)
    duration_label = fields.Char(
        string="Processing time",
        compute="_compute_duration_label",
        help="The legal time as the law writes it: 3 working days, 4 working hours.",
    )
    fee = fields.Integer(string="Fee (VND)", tracking=True)
    charge = fields.Integer(string="Charge (VND)", tracking=True)
    paper_ids = fields.One2many("motcua.procedure.paper", "procedure_id", string="Required papers", copy=True)
    result_paper = fields.Char(string="Result paper", tracking=True)
    online_level = fields.Selection(ONLINE_LEVELS, default="none", required=True, tracking=True)
    step_ids = fields.One2many("motcua.procedure.step", "procedure_id", string="Steps", copy=True)
    is_demo_value = fields.Boolean(
        string="Demo values", help="Times and fees are demonstration values, not the official ones."
    )
    version = fields.Integer(default=1, readonly=True, copy=False, tracking=True)
    date_from = fields.Date(string="Valid from", default=fields.Date.context_today, copy=False)
    date_to = fields.Date(string="Valid until", copy=False, readonly=True)
    current_id = fields.Many2one(
        "motcua.procedure",
        string="Current version",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Set on former versions.",
    )
    former_version_ids = fields.One2many(
        "motcua.procedure", "current_id", string="Former versions", context={"active_test": False}
    )
    active = fields.Boolean(default=True)
    dossier_ids = fields.One2many("motcua.dossier", "procedure_id")
    dossier_count = fields.Integer(compute="_compute_dossier_count")
    note = fields.Html(string="Description")

    _code_version_uniq = models.UniqueIndex(
        "(code) WHERE current_id IS NULL",
        "Another procedure already uses this code.",
    )
    _duration_positive = models.Constraint(
        "CHECK(duration_days >= 0 AND duration_hours >= 0)",
        "The processing time cannot be negative.",
    )
    _fee_positive = models.Constraint("CHECK(fee >= 0 AND charge >= 0)", "Fees cannot be negative.")

    def _compute_dossier_count(self):
        groups = dict(
            self.env["motcua.dossier"]._read_group([("procedure_id", "in", self.ids)], ["procedure_id"], ["__count"])
        )
        for procedure in self:
            procedure.dossier_count = groups.get(procedure, 0)

    def _compute_display_name(self):
        for procedure in self:
            name = f"[{procedure.code}] {procedure.name}" if procedure.code else procedure.name or ""
            if procedure.current_id:
                name += self.env._(" (version %(version)s)", version=procedure.version)
            procedure.display_name = name

    @api.constrains("name", "duration_days", "duration_hours")
    def _check_duration(self):
        for procedure in self:
            if not procedure.duration_days and not procedure.duration_hours:
                raise ValidationError(
                    self.env._("The procedure %(code)s needs a legal processing time.", code=procedure.code)
                )

    @api.constrains("step_ids")
    def _check_steps(self):
        for procedure in self:
            if procedure.step_ids and abs(sum(procedure.step_ids.mapped("share")) - 100) > 0.01:
                raise ValidationError(
                    self.env._("The shares of the steps of %(code)s must add up to 100%%.", code=procedure.code)
                )

    def write(self, vals):
        if VERSIONED_FIELDS & set(vals) and not self.env.context.get("motcua_no_version"):
            for procedure in self.filtered(lambda p: not p.current_id):
                procedure._motcua_archive_version()
        return super().write(vals)

    def _motcua_archive_version(self):
        """Keep the current rules as a former version when dossiers use them."""
        self.ensure_one()
        dossiers = (
            self.env["motcua.dossier"].sudo().with_context(active_test=False).search([("procedure_id", "=", self.id)])
        )
        if not dossiers:
            return
        today = fields.Date.context_today(self)
        former = (
            self.sudo()
            .with_context(motcua_no_version=True, mail_notrack=True)
            .copy(
                {
                    "version": self.version,
                    "date_from": self.date_from,
                    "date_to": today,
                    "current_id": self.id,
                    "active": False,
                    "code": self.code,
                }
            )
        )
        dossiers.with_context(mail_notrack=True).write({"procedure_id": former.id})
        super(MotcuaProcedure, self.with_context(motcua_no_version=True)).write(
            {"version": self.version + 1, "date_from": today}
        )
        self.message_post(
            body=self.env._(
                "Rules changed while dossiers use them: version %(old)s is kept for those dossiers, "
                "this is version %(new)s.",
                old=former.version,
                new=self.version,
            )
        )

    @api.depends("duration_days", "duration_hours")
    @api.depends_context("lang")
    def _compute_duration_label(self):
        for procedure in self:
            procedure.duration_label = working_time_label(self.env, procedure.duration_days, procedure.duration_hours)

    @api.model
    def _motcua_amount_words(self, amount):
        return amount_to_words_vi(amount or 0, capitalize=True)

    def _motcua_accepts_online(self):
        """Citizens may submit a dossier online for this procedure (the current version, active)."""
        self.ensure_one()
        return bool(self.active and not self.current_id and self.online_level != "none")

    def _motcua_online_units(self):
        """The units a citizen may send an online dossier of this procedure to: the deciding unit,
        or every current unit of the level with an electronic identifier."""
        self.ensure_one()
        if self.unit_id:
            return self.unit_id
        return (
            self.env["motcua.unit"]
            .sudo()
            .search(
                [
                    ("unit_type", "=", "commune" if self.level == "commune" else "province"),
                    ("identifier_code", "!=", False),
                    ("active", "=", True),
                ]
            )
            .filtered(lambda u: not u.is_historical)
        )

    def action_view_dossiers(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("motcua_dossier.motcua_dossier_action")
        action["domain"] = [("procedure_id", "in", (self | self.former_version_ids).ids)]
        action["context"] = {}
        return action


class MotcuaPaperMixin(models.AbstractModel):
    """A paper of a checklist: what the procedure requires, what a dossier received."""

    _name = "motcua.paper.mixin"
    _description = "Paper of a checklist"

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    paper_type = fields.Selection(PAPER_TYPES, string="Original / copy", required=True, default="original")
    quantity = fields.Integer(default=1)
    mandatory = fields.Boolean()

    _quantity_positive = models.Constraint("CHECK(quantity > 0)", "The number of copies must be positive.")


class MotcuaProcedurePaper(models.Model):
    _name = "motcua.procedure.paper"
    _inherit = ["motcua.paper.mixin"]
    _description = "Required paper of a procedure"
    _order = "procedure_id, sequence, id"

    procedure_id = fields.Many2one("motcua.procedure", required=True, ondelete="cascade", index=True)
    mandatory = fields.Boolean(default=True)


class MotcuaProcedureStep(models.Model):
    _name = "motcua.procedure.step"
    _description = "Step template of a procedure"
    _order = "procedure_id, sequence, id"

    procedure_id = fields.Many2one("motcua.procedure", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    unit_id = fields.Many2one(
        "motcua.unit", string="Handling unit", help="Leave empty for the unit that received the dossier."
    )
    role = fields.Selection(STEP_ROLES, default="specialist", required=True)
    share = fields.Float(string="Share of time (%)", default=100.0)

    _share_positive = models.Constraint("CHECK(share > 0 AND share <= 100)", "A share is between 0 and 100%.")
