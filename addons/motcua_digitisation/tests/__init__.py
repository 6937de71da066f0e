from . import test_eresult, test_http, test_reuse, test_scan, test_scanner_folder, test_tour
