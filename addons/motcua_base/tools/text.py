import unicodedata


def strip_diacritics(text):
    """Vietnamese without its marks, for SMS and ASCII-only channels:
    "Hồ sơ đã có kết quả" -> "Ho so da co ket qua"."""
    text = (text or "").replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
