"""A spam score for enquiries from a few plain signals, so that junk waits in the spam folder.

Each signal has a weight (the chance, roughly, that it alone means spam); the score combines
them as independent evidence, 1 − ∏(1 − weight), so it stays between 0 and 1 and every extra
signal raises it less. An enquiry at or above `SPAM_THRESHOLD` is spam. Nothing is dropped:
spam is kept, and a person can move it back to the inbox.

Signals:
* the honeypot field was filled (only robots see it): certain spam;
* many links in the text;
* known spam words, Italian or English (SEO offers, loans, crypto, dating…);
* a subject written all in capitals;
* a very short text that is mostly a link;
* an address at a throwaway mail service.
"""

import re

SPAM_THRESHOLD = 0.6

WEIGHT_MANY_LINKS = 0.35  # three or more links
WEIGHT_LOTS_OF_LINKS = 0.6  # six or more
WEIGHT_SPAM_WORD = 0.25  # each distinct word or phrase, up to MAX_SPAM_WORDS of them
MAX_SPAM_WORDS = 4
WEIGHT_SHOUTED_SUBJECT = 0.3
WEIGHT_SHORT_TEXT_WITH_LINK = 0.5
WEIGHT_THROWAWAY_EMAIL = 0.4

SHORT_TEXT_CHARS = 40
SHOUTED_SUBJECT_MIN_LETTERS = 8

SPAM_PHRASES = (
    # English
    "viagra",
    "cialis",
    "casino",
    "crypto",
    "bitcoin",
    "forex",
    "backlinks",
    "backlink",
    "guest post",
    "seo services",
    "first page of google",
    "increase your traffic",
    "web traffic",
    "lead generation",
    "loan offer",
    "dating",
    "escort",
    "porn",
    "you have won",
    "congratulations you",
    "click here",
    "work from home",
    "make money",
    "unsubscribe",
    # Italian
    "prima pagina di google",
    "posizionamento seo",
    "servizi seo",
    "aumentare il traffico",
    "aumenta le vendite del 300",
    "prestito immediato",
    "guadagna da casa",
    "guadagno garantito",
    "investimento garantito",
    "hai vinto",
    "clicca qui",
    "criptovalute",
)
_PHRASES = re.compile(r"\b(" + "|".join(re.escape(phrase) for phrase in SPAM_PHRASES) + r")\b", re.IGNORECASE)
_LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)

THROWAWAY_DOMAINS = frozenset(
    {
        "10minutemail.com",
        "burnermail.io",
        "dispostable.com",
        "emailondeck.com",
        "fakeinbox.com",
        "getnada.com",
        "guerrillamail.com",
        "guerrillamail.net",
        "maildrop.cc",
        "mailinator.com",
        "mintemail.com",
        "mohmal.com",
        "sharklasers.com",
        "spamgourmet.com",
        "temp-mail.org",
        "tempmail.com",
        "throwawaymail.com",
        "trashmail.com",
        "yopmail.com",
    }
)


def _throwaway(email: str) -> bool:
    domain = (email or "").rpartition("@")[2].strip().lower().rstrip(".")
    # Subdomains count too (e.g. "x.mailinator.com").
    return any(domain == d or domain.endswith("." + d) for d in THROWAWAY_DOMAINS)


def _shouted(subject: str) -> bool:
    letters = [ch for ch in subject or "" if ch.isalpha()]
    return len(letters) >= SHOUTED_SUBJECT_MIN_LETTERS and all(ch.isupper() for ch in letters)


def spam_signals(*, text: str, subject: str, email: str, honeypot_filled: bool = False) -> dict[str, float]:
    """The signals found, with their weights: what `spam_score` combines (and what to show)."""
    text = text or ""
    signals: dict[str, float] = {}
    if honeypot_filled:
        signals["honeypot"] = 1.0
    links = _LINK.findall(text)
    if len(links) >= 6:
        signals["many_links"] = WEIGHT_LOTS_OF_LINKS
    elif len(links) >= 3:
        signals["many_links"] = WEIGHT_MANY_LINKS
    words = sorted({match.lower() for match in _PHRASES.findall(f"{subject or ''}\n{text}")})
    for word in words[:MAX_SPAM_WORDS]:
        signals[f"word:{word}"] = WEIGHT_SPAM_WORD
    if _shouted(subject):
        signals["shouted_subject"] = WEIGHT_SHOUTED_SUBJECT
    if links and len(_LINK.sub("", text).strip()) < SHORT_TEXT_CHARS:
        signals["short_text_with_link"] = WEIGHT_SHORT_TEXT_WITH_LINK
    if _throwaway(email):
        signals["throwaway_email"] = WEIGHT_THROWAWAY_EMAIL
    return signals


def spam_score(*, text: str, subject: str, email: str, honeypot_filled: bool = False) -> float:
    """0 (looks genuine) to 1 (certainly spam); spam from `SPAM_THRESHOLD` up."""
    chance_genuine = 1.0
    for weight in spam_signals(text=text, subject=subject, email=email, honeypot_filled=honeypot_filled).values():
        chance_genuine *= 1.0 - weight
    return round(1.0 - chance_genuine, 3)


def is_spam(score: float | None) -> bool:
    return score is not None and score >= SPAM_THRESHOLD
