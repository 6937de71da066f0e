from odoo import api, fields, models

from odoo.addons.motcua_dossier.models.motcua_dossier_states import STATES


class MotcuaDvcqgStatusMap(models.Model):
    """A local dossier state and the national status it is reported as (TrangThaiHoSo)."""

    _name = "motcua.dvcqg.status.map"
    _description = "National status of a dossier state"
    _order = "state"
    _rec_name = "state"

    state = fields.Selection(STATES, required=True)
    national_status = fields.Char(string="National status (TrangThaiHoSo)", required=True)
    note = fields.Char(help="What the national portal calls this status.")

    _state_uniq = models.UniqueIndex("(state)", "A state has one national status.")

    @api.model
    def _motcua_status_of(self, state):
        return self.sudo().search([("state", "=", state)], limit=1).national_status or False
