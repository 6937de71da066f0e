import secrets

# Capital letters and digits a person reads off paper without confusing them (no I, O, 0, 1).
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def random_code(length, group=0):
    """A code a guesser cannot enumerate (32 ** length possibilities), drawn with `secrets`;
    with `group`, dashes every `group` characters: random_code(12, 4) -> "K7QX-M2RA-9TZC"."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _i in range(length))
    if not group:
        return raw
    return "-".join(raw[i : i + group] for i in range(0, length, group))
