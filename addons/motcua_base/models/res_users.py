from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..tools import VN_TZ

OFFICE_LANG = "vi_VN"


class ResUsers(models.Model):
    _inherit = "res.users"

    motcua_unit_ids = fields.Many2many(
        "motcua.unit",
        "motcua_unit_res_users_rel",
        "user_id",
        "unit_id",
        string="Units",
        help="The administrative units this user works for. One-stop staff see the records "
        "of these units and of the units below them.",
    )
    motcua_default_unit_id = fields.Many2one(
        "motcua.unit",
        string="Default unit",
        compute="_compute_motcua_default_unit_id",
        help="The first of the user's units: proposed on new records.",
    )

    @api.depends("motcua_unit_ids")
    def _compute_motcua_default_unit_id(self):
        for user in self:
            user.motcua_default_unit_id = user.motcua_unit_ids[:1]

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + ["motcua_unit_ids", "motcua_default_unit_id"]

    @api.model
    def default_get(self, fields):
        """A user created by an administrator (Settings > Users) works in a Vietnamese office:
        Vietnamese (when installed) and the local time zone, whatever the administrator's own."""
        values = super().default_get(fields)
        if self.env.context.get("is_action_res_users"):
            if "lang" in fields and self.env["res.lang"]._get_code(OFFICE_LANG):
                values["lang"] = OFFICE_LANG
            if "tz" in fields:
                values["tz"] = VN_TZ
        return values

    def _get_invalidation_fields(self):
        # the record rules of the suite read the user's units: their cached domains go stale
        return super()._get_invalidation_fields() | {"motcua_unit_ids"}

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("motcua_unit_ids") for vals in vals_list):
            self._motcua_check_unit_manager()
        return super().create(vals_list)

    def write(self, vals):
        if "motcua_unit_ids" in vals:
            self._motcua_check_unit_manager()
        return super().write(vals)

    @api.model
    def _motcua_check_unit_manager(self):
        """Units grant access to records: only one-stop administrators place users in units
        (other modules do it on their behalf, with their own scope checks, as superuser)."""
        if not self.env.su and not self.env.user.has_group("motcua_base.group_administrator"):
            raise AccessError(
                self.env._(
                    "Only one-stop administrators can change the units of a user: the units decide "
                    "which records the user sees."
                )
            )

    def _motcua_is_read_only_monitor(self):
        """A province monitor reads the work of every unit and changes none of it."""
        self.ensure_one()
        return self.has_group("motcua_base.group_province_monitor") and not self.has_group(
            "motcua_base.group_administrator"
        )
