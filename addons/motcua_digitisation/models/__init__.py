from . import motcua_citizen_paper, motcua_dossier, motcua_dossier_paper, motcua_unit
