from . import motcua_unit
from . import motcua_procedure_field
from . import motcua_procedure
from . import motcua_dossier
from . import motcua_dossier_step
from . import motcua_sms_gateway
from . import motcua_sms_message
from . import motcua_dossier_dashboard
