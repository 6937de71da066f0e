from .amount_words import amount_to_words_vi
from .citizen_id import validate_citizen_id
from .phone import normalize_vn_phone
from .qr import qr_data_uri, qr_png
from .working_time_label import days_label, working_time_label
