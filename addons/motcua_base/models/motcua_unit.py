from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import ValidationError

DEFAULT_CUTOFF_HOUR = 15.0

UNIT_TYPES = [
    ("province", "Province"),
    ("district", "District (historical)"),
    ("commune", "Commune / ward"),
    ("department", "Department / agency"),
    ("desk", "One-stop desk"),
]


class MotcuaUnit(models.Model):
    """An administrative unit: a node of the province's tree of any depth.

    Province > [district] > commune, with departments, agencies and one-stop desks under
    any of them. Units are never deleted once used: they end (``date_end``) when merged.
    """

    _name = "motcua.unit"
    _description = "Administrative unit"
    _inherit = ["mail.thread"]
    _parent_store = True
    _parent_name = "parent_id"
    _order = "complete_name"
    _rec_names_search = ["complete_name", "code", "identifier_code", "abbreviation"]

    name = fields.Char(required=True, tracking=True, translate=False)
    complete_name = fields.Char(compute="_compute_complete_name", store=True, recursive=True)
    unit_type = fields.Selection(UNIT_TYPES, string="Type", required=True, default="department", tracking=True)
    code = fields.Char(
        string="Official code",
        tracking=True,
        help="Code of the unit in the official list (e.g. the ward code of the General Statistics Office).",
    )
    identifier_code = fields.Char(
        string="Electronic identifier",
        tracking=True,
        help="Electronic identifier code of the agency (Decision 20/2020/QĐ-TTg), "
        "used in dossier codes, e.g. 000.00.12.H62.",
    )
    abbreviation = fields.Char(
        tracking=True,
        help="Abbreviation used in the symbol of outgoing documents, e.g. UBND in 15/QĐ-UBND.",
    )
    parent_id = fields.Many2one("motcua.unit", string="Parent unit", index=True, ondelete="restrict", tracking=True)
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("motcua.unit", "parent_id", string="Sub-units")
    partner_id = fields.Many2one("res.partner", string="Contact", help="Address, phone and e-mail of the unit.")
    street = fields.Char(related="partner_id.street", readonly=False)
    phone = fields.Char(related="partner_id.phone", readonly=False)
    email = fields.Char(related="partner_id.email", readonly=False)
    head_id = fields.Many2one("res.users", tracking=True)
    member_ids = fields.Many2many(
        "res.users",
        "motcua_unit_res_users_rel",
        "unit_id",
        "user_id",
    )
    calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working time",
        help="Working hours and days off used for the deadlines of this unit. "
        "Empty: the parent unit's, else the administrative working time.",
    )
    motcua_late_cutoff = fields.Boolean(
        string="15:00 rule",
        help="Work received or handed over after the cut-off time starts counting on the next working day. "
        "Applies to the sub-units too.",
    )
    motcua_cutoff_hour = fields.Float(
        string="Cut-off time",
        help="Empty: the parent unit's, else 15:00.",
    )
    date_start = fields.Date(string="Valid from", tracking=True)
    date_end = fields.Date(string="Valid until", tracking=True, help="Set when the unit is merged or dissolved.")
    is_historical = fields.Boolean(
        string="Historical",
        compute="_compute_is_historical",
        search="_search_is_historical",
    )
    active = fields.Boolean(default=True, tracking=True)
    note = fields.Html()

    _identifier_code_uniq = models.UniqueIndex(
        "(identifier_code) WHERE identifier_code IS NOT NULL",
        "Another unit already uses this electronic identifier.",
    )
    # A merged unit may hand its official code on (Long An's 80 went to the new Tây Ninh).
    _code_uniq = models.UniqueIndex(
        "(code, unit_type, COALESCE(date_end, '9999-12-31'::date)) WHERE code IS NOT NULL",
        "Another unit of this type already uses this official code.",
    )

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for unit in self:
            if unit.parent_id:
                unit.complete_name = f"{unit.parent_id.complete_name} / {unit.name}"
            else:
                unit.complete_name = unit.name

    @api.depends("date_end")
    def _compute_is_historical(self):
        today = fields.Date.context_today(self)
        for unit in self:
            unit.is_historical = bool(unit.date_end and unit.date_end < today)

    def _search_is_historical(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        today = fields.Date.context_today(self)
        historical = [("date_end", "!=", False), ("date_end", "<", today)]
        if (operator == "=") == value:
            return historical
        return ["|", ("date_end", "=", False), ("date_end", ">=", today)]

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for unit in self:
            if unit.date_start and unit.date_end and unit.date_end < unit.date_start:
                raise ValidationError(self.env._("The unit %(unit)s cannot end before it starts.", unit=unit.name))

    @api.model_create_multi
    def create(self, vals_list):
        members = any(vals.get("member_ids") for vals in vals_list)
        if members:
            self.env["res.users"]._motcua_check_unit_manager()
        units = super().create(vals_list)
        if members:
            self.env.registry.clear_cache()
        return units

    def write(self, vals):
        if "member_ids" in vals:
            self.env["res.users"]._motcua_check_unit_manager()
        result = super().write(vals)
        if "member_ids" in vals:
            # record rules read the users' units: their cached domains are stale now
            self.env.registry.clear_cache()
        return result

    def _compute_display_name(self):
        for unit in self:
            unit.display_name = unit.complete_name or unit.name

    # ------------------------------------------------------------------ settings along the tree
    def _motcua_lineage(self):
        """This unit, then its parent, up to the root (one read, along ``parent_path``)."""
        self.ensure_one()
        ids = [int(part) for part in (self.parent_path or "").split("/") if part]
        return self.browse(reversed(ids)) if ids else self

    def _motcua_setting(self, field_name, default=None):
        """A setting of this unit: its own value, else the nearest ancestor's (unset inherits),
        else ``default``."""
        for unit in self._motcua_lineage():
            if unit[field_name]:
                return unit[field_name]
        return default

    @api.model
    @api.private
    def _motcua_unset_inherited(self, field_name, default):
        """Empty ``field_name`` wherever a unit holds what it would inherit anyway (its parent's
        value, or ``default`` at the root): for settings that used to be stored on every unit."""
        units = self.with_context(active_test=False).search([], order="parent_path")
        for unit in units:  # parents first: a child compares with its parent's settled value
            inherited = unit.parent_id._motcua_setting(field_name, default) if unit.parent_id else default
            if unit[field_name] and unit[field_name] == inherited:
                unit[field_name] = False

    # ------------------------------------------------------------------ working time
    def _get_calendar(self):
        """The working time of this unit: its own, else the nearest ancestor's, else the default."""
        return self._motcua_setting("calendar_id") or self._motcua_default_calendar()

    @api.model
    def _motcua_default_calendar(self):
        """The default working time (``env.ref`` without its existence query on every deadline: the
        xmlid is resolved by Odoo's cache, which forgets it when the record is deleted)."""
        calendar_id = self.env["ir.model.data"]._xmlid_to_res_id(
            "motcua_base.calendar_administrative", raise_if_not_found=True
        )
        return self.env["resource.calendar"].browse(calendar_id)

    def _motcua_local(self, moment):
        """A naive UTC datetime as an aware datetime in this unit's working-time zone."""
        return self._get_calendar()._motcua_localize(moment)

    def _motcua_local_now(self):
        return self._motcua_local(fields.Datetime.now())

    def _motcua_local_date(self, moment):
        """The local day of a naive UTC datetime (registers and periods count in local days)."""
        return self._motcua_local(moment).date()

    def _motcua_effective_start(self, moment):
        """When the clock starts for work arriving at ``moment`` (naive UTC).

        With the 15:00 rule (on this unit or an ancestor), work arriving at or after the cut-off
        time counts from the start of the next working day.
        """
        self.ensure_one()
        if not self._motcua_setting("motcua_late_cutoff"):
            return moment
        local = self._motcua_local(moment)
        cutoff = self._motcua_setting("motcua_cutoff_hour", DEFAULT_CUTOFF_HOUR)
        if local.hour + local.minute / 60.0 < cutoff:
            return moment
        next_day = local.tzinfo.localize(datetime.combine(local.date() + timedelta(days=1), time.min))
        start = self._get_calendar()._motcua_next_working_moment(next_day)
        return start.astimezone(pytz.utc).replace(tzinfo=None)

    def add_working_time(self, start, days=0, hours=0):
        """``start`` plus working days and hours in this unit's working time (naive UTC)."""
        return self._get_calendar().add_working_time(start, days=days, hours=hours)

    def working_time_between(self, start, end):
        """Working hours between two naive-UTC datetimes in this unit's working time."""
        return self._get_calendar().working_time_between(start, end)

    def _ensure_usable(self):
        """Raise a clear error unless every unit in ``self`` can receive new work."""
        for unit in self:
            if not unit.active or unit.is_historical:
                raise ValidationError(
                    self.env._(
                        "The unit %(unit)s is no longer active and cannot receive new work.", unit=unit.display_name
                    )
                )
