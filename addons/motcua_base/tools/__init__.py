from .amount_words import amount_to_words_vi
from .citizen_id import validate_citizen_id
from .codes import CODE_ALPHABET, random_code
from .local_time import VN_TZ, local_day_start, local_now, local_year, to_local
from .masking import mask_digits, mask_name
from .phone import normalize_vn_phone
from .qr import qr_data_uri, qr_png
from .rpc import read_write
from .text import strip_diacritics
from .upload import check_file_content, sniff_mimetype
from .working_time_label import days_label, working_time_label
