from . import motcua_dvcqg_procedure_map
from . import motcua_dvcqg_status_map
from . import motcua_dvcqg_agency_map
from . import motcua_dvcqg_message
from . import motcua_dossier
from . import res_config_settings
from . import motcua_dossier_interagency
