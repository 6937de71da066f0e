"""Amounts of money in Vietnamese words, as they are written on official forms.

``num2words(..., lang="vi")`` drops "không trăm" and "linh" in the middle of a number
(2,025 → "hai nghìn hai mươi lăm"); public forms write every group in full:
2,025 → "hai nghìn không trăm hai mươi lăm đồng".
"""

DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
# Group names for 10^3, 10^6, 10^9; beyond that the names repeat over "tỷ".
SCALES = ["", "nghìn", "triệu", "tỷ"]


def _read_triple(number, full):
    """Words of 0 <= number < 1000; ``full`` says whether a group precedes it."""
    hundreds, rest = divmod(number, 100)
    tens, units = divmod(rest, 10)
    words = []
    if hundreds or full:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and (hundreds or full):
            words.append("linh")
    elif tens == 1:
        words.append("mười")
    else:
        words += [DIGITS[tens], "mươi"]
    if units:
        if units == 1 and tens >= 2:
            words.append("mốt")
        elif units == 5 and tens >= 1:
            words.append("lăm")
        else:
            words.append(DIGITS[units])
    return words


def _scale_name(index):
    """Name of the group 10^(3*index): nghìn, triệu, tỷ, nghìn tỷ, triệu tỷ, tỷ tỷ…"""
    if index == 0:
        return []
    names = []
    while index > 3:
        names.insert(0, "tỷ")
        index -= 3
    return [SCALES[index]] + names if index else names


def number_to_words_vi(number):
    """Words of a non-negative integer: 1005000 → 'một triệu không trăm linh năm nghìn'."""
    number = int(number)
    if number < 0:
        return "âm " + number_to_words_vi(-number)
    if number == 0:
        return DIGITS[0]
    groups = []
    while number:
        number, group = divmod(number, 1000)
        groups.append(group)
    words = []
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if not group:
            continue
        words += _read_triple(group, full=bool(words))
        words += _scale_name(index)
    return " ".join(words)


def amount_to_words_vi(amount, currency="đồng", capitalize=False):
    """An amount of VND in words: 2025 → 'hai nghìn không trăm hai mươi lăm đồng'.

    Only whole đồng are read (the đồng has no subunit in use); ``capitalize`` gives the
    form "Hai nghìn … đồng" printed after "Bằng chữ:".
    """
    text = number_to_words_vi(round(amount))
    if currency:
        text = f"{text} {currency}"
    return text[:1].upper() + text[1:] if capitalize else text
