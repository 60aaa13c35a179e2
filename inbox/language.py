"""The language of an enquiry, detected from its text with lingua.

The detector knows only the languages our customers write in, which keeps it fast and
accurate; it is built once per process, and its language models load on the first call.
"""

from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

LANGUAGES = (Language.ITALIAN, Language.ENGLISH, Language.GERMAN, Language.FRENCH, Language.SPANISH)
# Refuse to guess when the two likeliest languages score this close: "ok" or "DN50 PN16"
# say nothing about the writer, and the default (the form's language) is a better answer.
MINIMUM_RELATIVE_DISTANCE = 0.1
# The opening of a long message is plenty, and detection time grows with the text.
MAX_CHARS = 2000
MIN_LETTERS = 3


@cache
def _detector() -> LanguageDetector:
    return (
        LanguageDetectorBuilder.from_languages(*LANGUAGES)
        .with_minimum_relative_distance(MINIMUM_RELATIVE_DISTANCE)
        .build()
    )


def detect_language(text: str, default: str = "") -> str:
    """ISO 639-1 code of the text's language ("it", "en", "de", "fr", "es"), or `default`."""
    text = (text or "").strip()[:MAX_CHARS]
    if sum(ch.isalpha() for ch in text) < MIN_LETTERS:
        return default
    language = _detector().detect_language_of(text)
    return language.iso_code_639_1.name.lower() if language is not None else default
