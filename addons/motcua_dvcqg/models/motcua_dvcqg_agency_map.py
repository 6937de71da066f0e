from odoo import api, fields, models


class MotcuaDvcqgAgencyMap(models.Model):
    """A unit and its agency code on the national portal (MaDonVi). Without a mapping, the unit's
    electronic identifier code is used (the national portal knows the agencies by it)."""

    _name = "motcua.dvcqg.agency.map"
    _description = "National agency code of a unit"
    _order = "agency_code"
    _rec_name = "agency_code"

    unit_id = fields.Many2one("motcua.unit", required=True, index=True, ondelete="cascade")
    agency_code = fields.Char(string="Agency code (MaDonVi)", required=True)

    _unit_uniq = models.UniqueIndex("(unit_id)", "A unit has one agency code.")

    @api.model
    def _motcua_code_of(self, unit):
        unit = unit.sudo()
        mapping = self.sudo().search([("unit_id", "=", unit.id)], limit=1)
        return mapping.agency_code or unit.identifier_code or False
