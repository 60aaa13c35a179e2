"""Write Italian translations into locale/it/LC_MESSAGES/django.po.

Reads a JSON object on standard input: {"msgid": "msgstr", "singular msgid": ["uno", "molti"]}
(plural entries are keyed by their singular msgid; an entry with a context is keyed
"context\u0004msgid", as gettext itself joins them). Clears the fuzzy flag of each entry it
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
        # Keyed as gettext joins them, so that "Active" for a channel and "Active" for a
        # cadence (different contexts, different Italian genders) never overwrite each other.
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if key not in translations:
            continue
        value = translations[key]
        if isinstance(value, list):
            entry.msgstr_plural = {0: value[0], 1: value[1]}
        else:
            entry.msgstr = value
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
        found.add(key)
    po.save()
    missing = sorted(set(translations) - found)
    for msgid in missing:
        print(f"not in the catalogue: {msgid!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
