import phonenumbers

from odoo.exceptions import ValidationError


def normalize_vn_phone(env, number, international=False):
    """Return a valid Vietnamese phone number in national form ('0912 345 678') or, with
    ``international``, in E.164 ('+84912345678'); raise a translated ``ValidationError``."""
    raw = (number or "").strip()
    try:
        parsed = phonenumbers.parse(raw, "VN")
    except phonenumbers.NumberParseException:
        parsed = None
    if not parsed or not phonenumbers.is_valid_number(parsed):
        raise ValidationError(
            env._(
                "%(number)s is not a valid Vietnamese phone number (e.g. 0912 345 678 or 0272 3826 123).",
                number=raw or "''",
            )
        )
    if international:
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
