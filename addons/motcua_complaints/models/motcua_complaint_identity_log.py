from odoo import fields, models


class MotcuaComplaintIdentityLog(models.Model):
    """Who read a protected denouncer identity, when, on which petition. Append-only."""

    _name = "motcua.complaint.identity.log"
    _description = "Access log of protected identities"
    _order = "id desc"
    _rec_name = "petition_id"

    user_id = fields.Many2one(
        "res.users", string="Read by", required=True, readonly=True, index=True, ondelete="restrict"
    )
    date = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now)
    petition_id = fields.Many2one(
        "motcua.complaint.petition", required=True, readonly=True, index=True, ondelete="cascade"
    )
    access_type = fields.Selection(
        [
            ("read", "Read"),
            ("search", "Searched"),
            ("export", "Exported"),
            ("report", "Printed"),
            ("download", "Document downloaded"),
            ("write", "Changed"),
        ],
        required=True,
        readonly=True,
        default="read",
    )
    field_names = fields.Char(string="Fields", readonly=True)
