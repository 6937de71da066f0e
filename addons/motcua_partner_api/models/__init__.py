from . import motcua_api_scope, motcua_api_partner, motcua_api_key, motcua_api_call, motcua_procedure, motcua_rate_limit
