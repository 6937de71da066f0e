import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Shape of a code of the national procedure database, e.g. 1.011442.000.00.00.H38
NATIONAL_CODE = re.compile(r"^\d\.\d{6}\.\d{3}\.\d{2}\.\d{2}\.H\d{2}$")


class MotcuaDvcqgProcedureMap(models.Model):
    """A local procedure and its code in the national procedure database (MaTTHC)."""

    _name = "motcua.dvcqg.procedure.map"
    _description = "National procedure code of a procedure"
    _order = "national_code"
    _rec_name = "national_code"

    procedure_id = fields.Many2one(
        "motcua.procedure",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('current_id', '=', False)]",
        help="The current version of the procedure: its former versions share its national code.",
    )
    national_code = fields.Char(string="National code (MaTTHC)", required=True, index=True)
    national_name = fields.Char(string="National name (TenTTHC)")
    imported_at = fields.Datetime(readonly=True)

    _procedure_uniq = models.UniqueIndex("(procedure_id)", "A procedure has one national code.")

    @api.constrains("national_code")
    def _check_national_code(self):
        for mapping in self:
            if not NATIONAL_CODE.match(mapping.national_code or ""):
                raise ValidationError(
                    self.env._(
                        "%(code)s is not a national procedure code: it is shaped like 1.011442.000.00.00.H38.",
                        code=mapping.national_code,
                    )
                )

    @api.model
    def _motcua_code_of(self, procedure):
        """The national code of ``procedure`` (or of the current version it was archived into)."""
        current = procedure.current_id or procedure
        return self.sudo().search([("procedure_id", "=", current.id)], limit=1).national_code or False
