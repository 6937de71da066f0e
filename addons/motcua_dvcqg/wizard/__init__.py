from . import motcua_dvcqg_catalogue_import
from . import motcua_dvcqg_backfill
