from . import motcua_complaint_rule
from . import motcua_complaint_identity
from . import motcua_complaint_petition
from . import motcua_complaint_petition_online
from . import motcua_complaint_extension
from . import motcua_complaint_reception
from . import motcua_complaint_schedule
