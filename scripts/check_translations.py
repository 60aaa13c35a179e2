"""Fail when the Italian catalogue misses a translation or keeps a fuzzy one."""

import sys
from pathlib import Path

import polib

CATALOGUE = Path(__file__).resolve().parent.parent / "locale" / "it" / "LC_MESSAGES" / "django.po"


def main() -> int:
    po = polib.pofile(str(CATALOGUE))
    missing = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    for msgid in missing:
        print(f"untranslated: {msgid!r}")
    for msgid in fuzzy:
        print(f"fuzzy: {msgid!r}")
    if missing or fuzzy:
        print(f"{CATALOGUE}: {len(missing)} untranslated, {len(fuzzy)} fuzzy.")
        return 1
    print(f"{CATALOGUE}: {len(po.translated_entries())} strings, all translated.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
