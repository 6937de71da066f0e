"""Minimal disclosure of a person on public pages and to readers without the right to see them
(Decree 13/2023, Personal Data Protection Law 2025): one shape everywhere in MotCua."""

import re


def mask_name(name):
    """Initials, with the length of each word but the last hinted: "Nguyễn Văn An" -> "N*** V** A"."""
    words = (name or "").split()
    if not words:
        return ""
    masked = [word[0] + "*" * min(len(word) - 1, 3) for word in words[:-1]]
    masked.append(words[-1][0])
    return " ".join(masked)


def mask_digits(value, keep=3):
    """An ID or phone number with only its last `keep` digits: "080090001234" -> "*********234"."""
    digits = re.sub(r"\D", "", value or "")
    if not digits:
        return ""
    keep = min(keep, len(digits) // 3)
    return "*" * (len(digits) - keep) + digits[len(digits) - keep :]
