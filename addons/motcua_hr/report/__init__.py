from . import motcua_hr_staff_list
