from . import test_access, test_openapi, test_partner_api
