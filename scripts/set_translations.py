"""Write Italian translations into locale/it/LC_MESSAGES/django.po.

Reads a JSON object on standard input: {"msgid": "msgstr", "singular msgid": ["uno", "molti"]}
(plural entries are keyed by their singular msgid). Clears the fuzzy flag of each entry it
sets and names the msgids it could not find (run makemessages first).
"""

import json
import sys
from pathlib import Path

import polib

CATALOGUE = Path(__file__).resolve().parent.parent / "locale" / "it" / "LC_MESSAGES" / "django.po"


def main() -> int:
    translations = json.load(sys.stdin)
    po = polib.pofile(str(CATALOGUE), wrapwidth=79)
    found = set()
    for entry in po:
        if entry.msgid not in translations:
            continue
        value = translations[entry.msgid]
        if isinstance(value, list):
            entry.msgstr_plural = {0: value[0], 1: value[1]}
        else:
            entry.msgstr = value
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = entry.previous_msgid_plural = None
        found.add(entry.msgid)
    po.save()
    missing = sorted(set(translations) - found)
    for msgid in missing:
        print(f"not in the catalogue: {msgid!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
