from . import motcua_rating_reason
from . import rating_rating
from . import motcua_dossier
from . import motcua_sms_inbound
from . import motcua_dossier_rating_demo
from . import motcua_public_figures
