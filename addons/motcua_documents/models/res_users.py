from odoo import api, fields, models

from .motcua_document_mixin import SECRECY_LEVELS, SECRECY_RANK


class ResUsers(models.Model):
    _inherit = "res.users"

    motcua_secrecy_clearance = fields.Selection(
        SECRECY_LEVELS,
        string="Secrecy clearance",
        default="normal",
        required=True,
        help="The highest secrecy level of official documents this user may read "
        "(besides the secret documents they handle).",
    )
    motcua_clearance_level = fields.Integer(compute="_compute_motcua_clearance_level")

    @api.depends("motcua_secrecy_clearance")
    def _compute_motcua_clearance_level(self):
        for user in self:
            user.motcua_clearance_level = SECRECY_RANK.get(user.motcua_secrecy_clearance, 0)

    def write(self, vals):
        result = super().write(vals)
        if "motcua_secrecy_clearance" in vals:
            # record rules use the clearance: their cached domains are stale now
            self.env.registry.clear_cache()
        return result
