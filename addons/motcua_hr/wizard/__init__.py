from . import motcua_hr_upcoming
