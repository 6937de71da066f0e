from . import motcua_dossier_action_wizard
from . import motcua_dossier_register_wizard
from . import motcua_dossier_register_export
