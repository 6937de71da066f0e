from .demo import DEMO_PASSWORD, demo_certificate, demo_scan
from .qr_stamp import stamp_qr
