from . import motcua_indicator_group, motcua_indicator, motcua_indicator_value, res_config_settings
