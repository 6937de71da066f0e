"""Vietnamese identity numbers.

* Citizen ID (CCCD, 12 digits): 1–3 the province where the birth was registered, 4 the
  century and sex (0/1 = 1900s male/female, 2/3 = 2000s, 4/5 = 2100s, 6/7 = 2200s,
  8/9 = 1800s), 5–6 the last two digits of the birth year, 7–12 random. There is no public
  check digit, so the structure and its consistency with sex and birth date are checked.
* The old identity card (CMND) has 9 digits.
"""

from odoo.exceptions import ValidationError

# Province codes of birth registration (Circular 07/2016/TT-BCA, Circular 59/2021/TT-BCA).
PROVINCE_CODES = frozenset(
    "001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 "
    "035 036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 "
    "070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096".split()
)
# century digit -> (first year of the century, sex)
CENTURY_SEX = {
    "0": (1900, "male"),
    "1": (1900, "female"),
    "2": (2000, "male"),
    "3": (2000, "female"),
    "4": (2100, "male"),
    "5": (2100, "female"),
    "6": (2200, "male"),
    "7": (2200, "female"),
    "8": (1800, "male"),
    "9": (1800, "female"),
}


def validate_citizen_id(env, number, sex=None, birth_date=None):
    """Return the ID number without spaces, or raise a translated ``ValidationError``.

    ``sex`` ('male'/'female') and ``birth_date`` are checked against the 12-digit number when
    given; a 9-digit old ID number is accepted on its structure alone.
    """
    value = (number or "").replace(" ", "").replace(".", "")
    if not value.isdigit() or not value.isascii():
        raise ValidationError(env._("The ID number %(number)s may contain digits only.", number=number))
    if len(value) == 9:
        return value
    if len(value) != 12:
        raise ValidationError(
            env._(
                "The ID number %(number)s must have 12 digits (citizen ID) or 9 digits (old identity card).",
                number=number,
            )
        )
    if value[:3] not in PROVINCE_CODES:
        raise ValidationError(
            env._(
                "The citizen ID %(number)s does not start with the code of a province (%(code)s).",
                number=number,
                code=value[:3],
            )
        )
    century, id_sex = CENTURY_SEX[value[3]]
    if sex in ("male", "female") and sex != id_sex:
        raise ValidationError(
            env._(
                "The citizen ID %(number)s belongs to a person of the other sex: its 4th digit (%(digit)s) "
                "does not match.",
                number=number,
                digit=value[3],
            )
        )
    if birth_date:
        if birth_date.year // 100 * 100 != century:
            raise ValidationError(
                env._(
                    "The citizen ID %(number)s does not match the birth date %(date)s: its 4th digit (%(digit)s) "
                    "is for people born from %(start)s to %(end)s.",
                    number=number,
                    date=birth_date,
                    digit=value[3],
                    start=century,
                    end=century + 99,
                )
            )
        if int(value[4:6]) != birth_date.year % 100:
            raise ValidationError(
                env._(
                    "The citizen ID %(number)s does not match the birth year %(year)s: its 5th and 6th digits "
                    "(%(digits)s) are the last two digits of the birth year.",
                    number=number,
                    year=birth_date.year,
                    digits=value[4:6],
                )
            )
    return value
