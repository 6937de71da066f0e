from . import motcua_unit
from . import motcua_unit_mixin
from . import motcua_working_day
from . import resource_calendar
from . import motcua_sequence_counter
from . import res_users
from . import ir_actions_report
from . import motcua_rate_limit
