from odoo import api, fields, models
from odoo.exceptions import ValidationError

DEFAULT_CODE_PATTERN = "{identifier}-{yymmdd}-{seq:04d}"


class MotcuaUnit(models.Model):
    _inherit = "motcua.unit"

    motcua_dossier_code_pattern = fields.Char(
        string="Dossier code pattern",
        help="Placeholders: {identifier} (electronic identifier of the unit), {yymmdd}, {yyyy}, {seq:04d}. "
        "Empty: the parent unit's, else " + DEFAULT_CODE_PATTERN + ".",
    )
    motcua_apology_limit = fields.Integer(
        string="Apologies per dossier",
        help="How many times a late dossier may get an apology and a new appointment. "
        "Empty: the parent unit's, else 1.",
    )

    motcua_external = fields.Boolean(
        string="Agency outside this system",
        help="An agency of another province or ministry that works in its own system (inter-agency "
        "dossiers): a dossier transferred to it waits for its answer, which the staff of the unit that "
        "sent it record. Give it its electronic identifier code.",
    )

    @api.constrains("motcua_external", "identifier_code")
    def _check_motcua_external(self):
        for unit in self:
            if unit.motcua_external and not unit.identifier_code:
                raise ValidationError(
                    self.env._("Give the electronic identifier code of the outside agency %(unit)s.", unit=unit.name)
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
                raise ValidationError(
                    self.env._(
                        "The dossier code pattern %(pattern)s is not valid: use only {identifier}, {yymmdd}, "
                        "{yyyy} and {seq:04d}.",
                        pattern=pattern,
                    )
                )
            if "{seq" not in pattern:
                raise ValidationError(self.env._("The dossier code pattern must contain the sequence {seq:04d}."))

    def _motcua_identifier_unit(self):
        """This unit or its nearest ancestor with an electronic identifier (or the unit itself)."""
        return next((unit for unit in self._motcua_lineage() if unit.identifier_code), self)
