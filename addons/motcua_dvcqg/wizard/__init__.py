from . import motcua_dvcqg_catalogue_import
