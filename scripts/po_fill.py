"""Fill the empty entries of a .po file from a {msgid: msgstr} dict (whitespace-insensitive keys).

    .venv/bin/python scripts/po_fill.py addons/motcua_x/i18n/vi.po translations.py
where translations.py defines a dict ``T``. Prints the msgids still empty.
"""

import re
import runpy
import sys

import polib


def norm(text):
    return re.sub(r"\s+", " ", text).strip()


def main(po_path, dict_path):
    table = {norm(k): v for k, v in runpy.run_path(dict_path)["T"].items()}
    po = polib.pofile(po_path)
    for entry in po:
        if not entry.msgstr and entry.msgid and norm(entry.msgid) in table:
            entry.msgstr = table[norm(entry.msgid)]
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
    po.save(po_path)
    for entry in po.untranslated_entries():
        print("untranslated:", repr(entry.msgid))


if __name__ == "__main__":
    main(*sys.argv[1:3])
