import pytest

from inbox.language import detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Buongiorno, vorrei un preventivo per 200 valvole a sfera DN50 PN16 in acciaio inox.", "it"),
        ("Good morning, could you send us a quotation for 200 stainless steel ball valves?", "en"),
        ("Guten Tag, wir benötigen ein Angebot für 200 Kugelhähne aus Edelstahl.", "de"),
        ("Bonjour, nous aurions besoin d'un devis pour 200 vannes à boisseau sphérique.", "fr"),
        ("Buenos días, necesitamos un presupuesto para 200 válvulas de bola de acero.", "es"),
    ],
)
def test_the_language_of_an_enquiry_is_detected(text, expected):
    assert detect_language(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "ok", "123 456", "DN50"])
def test_too_little_text_gives_the_default(text):
    assert detect_language(text, default="it") == "it"


def test_without_a_default_an_undecidable_text_gives_an_empty_string():
    assert detect_language("?!") == ""


def test_a_language_we_do_not_detect_is_never_invented():
    # Dutch is not among the languages built into the detector: one of ours, or the default.
    assert detect_language("Goedemorgen, wij hebben een offerte nodig voor kogelkranen.", default="x") in {
        "it",
        "en",
        "de",
        "fr",
        "es",
        "x",
    }


def test_very_long_texts_are_cut_before_detection():
    assert detect_language("Vorremmo ricevere la vostra offerta per le valvole. " * 2000) == "it"
