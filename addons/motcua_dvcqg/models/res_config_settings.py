from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    """Where and how the outbox is sent; stored in system parameters, which only the system
    administrators read (the credentials are also restricted on the field)."""

    _inherit = "res.config.settings"

    motcua_dvcqg_url = fields.Char(
        string="National portal endpoint",
        config_parameter="motcua_dvcqg.url",
        groups="base.group_system",
        help="Base URL of the national portal's services (through the provincial integration platform); "
        "each message is posted to <URL>/<service>.",
    )
    motcua_dvcqg_catalogue_url = fields.Char(
        string="National catalogue endpoint",
        config_parameter="motcua_dvcqg.catalogue_url",
        groups="base.group_system",
        help="URL of the national procedure catalogue service (LayDanhSachTTHC), read with the same "
        "credentials; empty: <national portal endpoint>/LayDanhSachTTHC.",
    )
    motcua_dvcqg_username = fields.Char(
        string="National portal user", config_parameter="motcua_dvcqg.username", groups="base.group_system"
    )
    motcua_dvcqg_password = fields.Char(
        string="National portal password", config_parameter="motcua_dvcqg.password", groups="base.group_system"
    )
    motcua_dvcqg_timeout = fields.Integer(
        string="National portal timeout (s)", config_parameter="motcua_dvcqg.timeout", default=10
    )
    motcua_dvcqg_max_attempts = fields.Integer(
        string="National portal attempts", config_parameter="motcua_dvcqg.max_attempts", default=8
    )
    motcua_dvcqg_retry_minutes = fields.Integer(
        string="First retry after (minutes)",
        config_parameter="motcua_dvcqg.retry_minutes",
        default=5,
        help="The delay doubles after each failed attempt (at most a day).",
    )
