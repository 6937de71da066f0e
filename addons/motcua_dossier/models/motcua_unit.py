from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import ValidationError

DEFAULT_CODE_PATTERN = "{identifier}-{yymmdd}-{seq:04d}"


class MotcuaUnit(models.Model):
    _inherit = "motcua.unit"

    motcua_late_cutoff = fields.Boolean(
        string="15:00 rule",
        help="Dossiers received or handed over after 15:00 start counting on the next working day.",
    )
    motcua_cutoff_hour = fields.Float(string="Cut-off time", default=15.0)
    motcua_dossier_code_pattern = fields.Char(
        string="Dossier code pattern",
        default=DEFAULT_CODE_PATTERN,
        help="Placeholders: {identifier} (electronic identifier of the unit), {yymmdd}, {yyyy}, {seq:04d}.",
    )
    motcua_apology_limit = fields.Integer(
        string="Apologies per dossier", default=1,
        help="How many times a late dossier may get an apology and a new appointment.",
    )

    @api.constrains("motcua_dossier_code_pattern")
    def _check_motcua_dossier_code_pattern(self):
        for unit in self:
            pattern = unit.motcua_dossier_code_pattern
            if not pattern:
                continue
            try:
                pattern.format(identifier="X", yymmdd="261125", yyyy="2026", seq=1)
            except (KeyError, ValueError, IndexError):
                raise ValidationError(self.env._(
                    "The dossier code pattern %(pattern)s is not valid: use only {identifier}, {yymmdd}, "
                    "{yyyy} and {seq:04d}.", pattern=pattern))
            if "{seq" not in pattern:
                raise ValidationError(self.env._("The dossier code pattern must contain the sequence {seq:04d}."))

    def _motcua_identifier_unit(self):
        """This unit or its nearest ancestor with an electronic identifier (or the unit itself)."""
        self.ensure_one()
        unit = self
        while unit:
            if unit.identifier_code:
                return unit
            unit = unit.parent_id
        return self

    def _motcua_setting_unit(self, field_name):
        """The nearest unit (self or ancestor) where ``field_name`` is set."""
        self.ensure_one()
        unit = self
        while unit:
            if unit[field_name]:
                return unit
            unit = unit.parent_id
        return self

    def _motcua_local(self, moment):
        """Naive UTC -> aware datetime in the unit's working-time zone."""
        return self._get_calendar()._motcua_localize(moment)

    def _motcua_effective_start(self, moment):
        """When the clock starts for work arriving at ``moment`` (naive UTC).

        With the 15:00 rule (on this unit or an ancestor), work arriving after the cut-off time
        counts from the start of the next working day.
        """
        self.ensure_one()
        rule_unit = self._motcua_setting_unit("motcua_late_cutoff")
        if not rule_unit.motcua_late_cutoff:
            return moment
        local = self._motcua_local(moment)
        cutoff = rule_unit.motcua_cutoff_hour or 15.0
        if local.hour + local.minute / 60.0 < cutoff:
            return moment
        next_day = local.tzinfo.localize(datetime.combine(local.date() + timedelta(days=1), time.min))
        start = self._get_calendar()._motcua_next_working_moment(next_day)
        return start.astimezone(pytz.utc).replace(tzinfo=None)
