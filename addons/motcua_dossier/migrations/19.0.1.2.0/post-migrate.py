"""19.0.1.2.0: the dossier code pattern and the apology limit of a unit are inherited from its
parent when empty (issue 14). They used to be stored on every unit by a default: empty them where
they equal what the unit would inherit, which keeps every code and limit as it was."""

from odoo import SUPERUSER_ID, api

from odoo.addons.motcua_dossier.models.motcua_unit import DEFAULT_CODE_PATTERN


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
    Unit = env["motcua.unit"]
    Unit._motcua_unset_inherited("motcua_dossier_code_pattern", DEFAULT_CODE_PATTERN)
    Unit._motcua_unset_inherited("motcua_apology_limit", 1)
