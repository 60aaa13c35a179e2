from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parent.parent / "locale"


def test_italian_catalogue_translates_every_string():
    po = polib.pofile(str(LOCALE / "it" / "LC_MESSAGES" / "django.po"))
    assert po.percent_translated() == 100, [e.msgid for e in po.untranslated_entries()]
    assert not po.fuzzy_entries()


def test_both_catalogues_are_shipped_with_the_same_strings():
    italian = {e.msgid for e in polib.pofile(str(LOCALE / "it" / "LC_MESSAGES" / "django.po"))}
    english = {e.msgid for e in polib.pofile(str(LOCALE / "en" / "LC_MESSAGES" / "django.po"))}
    assert italian == english
    assert len(italian) > 100


def test_placeholders_survive_translation():
    for entry in polib.pofile(str(LOCALE / "it" / "LC_MESSAGES" / "django.po")):
        if entry.msgid_plural:
            continue
        for placeholder in ("%(", "<strong>", "<code>"):
            assert entry.msgid.count(placeholder) == entry.msgstr.count(placeholder), entry.msgid
