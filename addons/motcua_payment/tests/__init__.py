from . import test_obligation, test_payment, test_payment_portal, test_payment_security
