from odoo import fields, models

CONTACT_KINDS = [("leader", "Leader"), ("contact", "Contact")]


class MotcuaPortalContact(models.Model):
    """A leader or a contact point shown on a unit's site (public information of the office)."""

    _name = "motcua.portal.contact"
    _description = "Unit site contact"
    _order = "unit_id, kind desc, sequence, id"

    unit_id = fields.Many2one("motcua.unit", required=True, index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    kind = fields.Selection(CONTACT_KINDS, required=True, default="leader")
    name = fields.Char(required=True)
    job_title = fields.Char(string="Title", help="e.g. Chairman of the People's Committee.")
    phone = fields.Char(string="Office phone")
    email = fields.Char(string="Office e-mail")
