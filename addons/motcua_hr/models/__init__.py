from . import motcua_hr_salary_scale
from . import motcua_hr_rank
from . import motcua_hr_position
from . import motcua_hr_base_salary
from . import hr_version
from . import hr_employee
from . import motcua_hr_history
from . import res_users
