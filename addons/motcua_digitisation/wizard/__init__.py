from . import motcua_eresult_wizard, motcua_paper_scan_wizard
