from .qr_stamp import stamp_qr
