from . import res_partner
from . import motcua_civil_book
from . import motcua_civil_event
from . import motcua_civil_verification_attempt
from . import motcua_civil_report
