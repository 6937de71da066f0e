from . import motcua_unit_import
