from . import res_partner
from . import motcua_civil_book
from . import motcua_civil_event
from . import motcua_civil_report
from . import motcua_procedure
from . import motcua_dossier
