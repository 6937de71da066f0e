from odoo import fields, models

from .motcua_civil_book import EVENT_TYPES


class MotcuaProcedure(models.Model):
    _inherit = "motcua.procedure"

    civil_event_type = fields.Selection(
        EVENT_TYPES,
        "Civil-status event",
        help="A civil-status procedure: when a dossier of it is approved, the event is registered in the "
        "register book of the receiving unit and its extract becomes the dossier's result paper.",
    )
