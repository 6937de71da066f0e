"""19.0.1.1.0: a unit's working time and cut-off time are inherited from its parent when empty
(issue 14). They used to be stored on every unit by a default, so no unit inherited anything:
empty them where they equal what the unit would inherit, which keeps every deadline as it was."""

from odoo import SUPERUSER_ID, api

from odoo.addons.motcua_base.models.motcua_unit import DEFAULT_CUTOFF_HOUR


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
    Unit = env["motcua.unit"]
    Unit._motcua_unset_inherited("calendar_id", env.ref("motcua_base.calendar_administrative"))
    Unit._motcua_unset_inherited("motcua_cutoff_hour", DEFAULT_CUTOFF_HOUR)
