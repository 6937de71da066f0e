from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

PETITION_TYPES = [
    ("complaint", "Complaint"),
    ("denunciation", "Denunciation"),
    ("proposal", "Proposal / feedback"),
]
INSTANCES = [("first", "First instance"), ("second", "Second instance")]
DAY_KINDS = [("calendar", "Calendar days"), ("working", "Working days")]


class MotcuaComplaintRule(models.Model):
    """Statutory time limits of a type of petition, valid over a period.

    The figures come from the Law on Complaints 2011 and the Law on Denunciations 2018; an
    administrator edits them or adds a new dated version when the law changes. A petition
    copies the figures of the rule it is accepted under, so later edits never move its
    deadline.
    """

    _name = "motcua.complaint.rule"
    _description = "Time limits of petitions"
    _order = "petition_type, instance, date_from desc"

    name = fields.Char(required=True)
    petition_type = fields.Selection(PETITION_TYPES, string="Type", required=True)
    instance = fields.Selection(
        INSTANCES,
        help="For complaints: the instance this rule applies to. Leave empty for other types.",
    )
    date_from = fields.Date(string="Valid from", required=True)
    date_to = fields.Date(string="Valid until")
    legal_basis = fields.Char()
    filing_limit_days = fields.Integer(
        string="Filing time (days)",
        help="Days after the petitioner learnt of the decision or act within which the petition "
        "may be filed. 0 means no limit.",
    )
    accept_days = fields.Integer(string="Acceptance time", required=True)
    accept_day_kind = fields.Selection(DAY_KINDS, string="Acceptance counted in", required=True, default="calendar")
    resolve_days = fields.Integer(string="Resolution time", required=True)
    resolve_days_complex = fields.Integer(string="Resolution time (complex)", required=True)
    resolve_days_remote = fields.Integer(string="Resolution time (remote area)", required=True)
    resolve_days_remote_complex = fields.Integer(string="Resolution time (remote area, complex)", required=True)
    resolve_day_kind = fields.Selection(DAY_KINDS, string="Resolution counted in", required=True, default="calendar")
    extension_days = fields.Integer(string="Days per extension", help="At most this many days per extension.")
    max_extensions = fields.Integer(string="Extensions allowed")
    anonymous_policy = fields.Selection(
        [
            ("information", "Record as information and verify it when specific"),
            ("archive", "Record as information and file it"),
        ],
        default="information",
        help="How an anonymous denunciation is handled. The law does not accept it as a "
        "denunciation; it is recorded as information.",
    )
    note = fields.Text()
    active = fields.Boolean(default=True)

    @api.constrains("date_from", "date_to", "petition_type", "instance", "active")
    def _check_no_overlap(self):
        for rule in self:
            if rule.date_to and rule.date_to < rule.date_from:
                raise ValidationError(self.env._("A rule cannot end before it starts."))
            if rule.petition_type == "complaint" and not rule.instance:
                raise ValidationError(self.env._("A complaint rule must say which instance it applies to."))
            others = self.search(
                [
                    ("id", "!=", rule.id),
                    ("petition_type", "=", rule.petition_type),
                    ("instance", "=", rule.instance),
                ]
            )
            for other in others:
                if (not other.date_to or other.date_to >= rule.date_from) and (
                    not rule.date_to or rule.date_to >= other.date_from
                ):
                    raise ValidationError(
                        self.env._(
                            "The rule %(rule)s overlaps the period of %(other)s; end the older rule first.",
                            rule=rule.name,
                            other=other.name,
                        )
                    )

    @api.constrains(
        "accept_days",
        "resolve_days",
        "resolve_days_complex",
        "resolve_days_remote",
        "resolve_days_remote_complex",
        "extension_days",
        "max_extensions",
        "filing_limit_days",
    )
    def _check_figures(self):
        for rule in self:
            figures = [
                rule.accept_days,
                rule.resolve_days,
                rule.resolve_days_complex,
                rule.resolve_days_remote,
                rule.resolve_days_remote_complex,
            ]
            if any(f <= 0 for f in figures):
                raise ValidationError(self.env._("Acceptance and resolution times must be positive."))
            if rule.extension_days < 0 or rule.max_extensions < 0 or rule.filing_limit_days < 0:
                raise ValidationError(self.env._("Extensions and filing time cannot be negative."))

    @api.model
    def _find(self, petition_type, instance, when):
        """The rule of ``petition_type`` (and complaint ``instance``) valid on date ``when``."""
        day = fields.Date.to_date(when)
        domain = [
            ("petition_type", "=", petition_type),
            ("date_from", "<=", day),
            "|",
            ("date_to", "=", False),
            ("date_to", ">=", day),
        ]
        if petition_type == "complaint":
            domain.append(("instance", "=", instance or "first"))
        rule = self.sudo().search(domain, order="date_from desc", limit=1)
        if not rule:
            raise UserError(
                self.env._(
                    "No time-limit rule is configured for this type of petition on %(date)s; "
                    "ask an administrator to add one.",
                    date=day,
                )
            )
        return rule

    def _resolve_days_for(self, is_complex, is_remote):
        self.ensure_one()
        if is_remote:
            return self.resolve_days_remote_complex if is_complex else self.resolve_days_remote
        return self.resolve_days_complex if is_complex else self.resolve_days

    @api.model
    def _add_days(self, start, days, kind, unit):
        """``start`` (naive UTC datetime) plus ``days`` calendar or working days of ``unit``."""
        if kind == "working":
            return unit.add_working_time(start, days=days)
        return start + timedelta(days=days)
