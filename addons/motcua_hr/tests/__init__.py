from . import test_access
from . import test_history
from . import test_retirement
from . import test_roles
from . import test_salary
from . import test_staff_list
from . import test_step_schedule
from . import test_upcoming
