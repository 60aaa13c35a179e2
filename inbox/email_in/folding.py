"""Where a customer's email stops being new: quoted history and signature, folded in the view.

`split_quoted(text)` answers (what the customer wrote now, the rest). The rest starts at the
earliest of: a signature delimiter ("-- "), an attribution line ("On … wrote:", "Il giorno …
ha scritto:"…), an Outlook header block ("-----Original Message-----", "Da: … Inviato: …"),
or a run of "> " lines that goes on to the end. Replies written between quoted lines stay
visible: only a quote that nothing new follows is folded. When nothing would remain, nothing
is folded.
"""

import re

SIGNATURE_LINES = {"-- ", "--"}
ATTRIBUTION = re.compile(
    r"^\s*("
    r"on\s.{1,250}\swrote\s*:"
    r"|il\s.{1,250}\s(ha\sscritto|scrisse)\s*:"
    r"|in\sdata\s.{1,250}\s(ha\sscritto|scrisse)\s*:"
    r"|am\s.{1,250}\sschrieb\s.{0,250}:"
    r"|le\s.{1,250}\sa\s[ée]crit\s*:"
    r"|el\s.{1,250}\sescribi[óo]\s*:"
    r")\s*$",
    re.IGNORECASE,
)
ORIGINAL_MESSAGE = re.compile(
    r"^\s*-{2,}\s*(original message|messaggio originale|ursprüngliche nachricht|message d'origine|"
    r"mensaje original)\s*-{2,}\s*$",
    re.IGNORECASE,
)
OUTLOOK_RULE = re.compile(r"^\s*_{20,}\s*$")
HEADER_FROM = re.compile(r"^\s*\*?(from|da|de|von)\s*:\*?\s*\S", re.IGNORECASE)
HEADER_NEXT = re.compile(
    r"^\s*\*?(sent|inviato|data|date|envoy[ée]|gesendet|enviado|to|a|an|à|para|cc|subject|oggetto|objet|betreff|asunto)"
    r"\s*:",
    re.IGNORECASE,
)
HEADER_LOOKAHEAD = 5


def _is_quote(line: str) -> bool:
    return line.lstrip().startswith(">")


def _is_outlook_header(lines: list[str], index: int) -> bool:
    if not HEADER_FROM.match(lines[index]):
        return False
    following = [line for line in lines[index + 1 : index + 1 + HEADER_LOOKAHEAD] if line.strip()]
    return any(HEADER_NEXT.match(line) for line in following)


def _marker_at(lines: list[str], index: int) -> bool:
    line = lines[index]
    if line.rstrip("\r") in SIGNATURE_LINES or ORIGINAL_MESSAGE.match(line):
        return True
    if ATTRIBUTION.match(line):
        return True
    # Gmail wraps a long attribution: "On Mon, 5 Feb 2024 at 10:00, Mario Rossi <" + "m@x.it> wrote:"
    if index + 1 < len(lines) and not _is_quote(line) and ATTRIBUTION.match(f"{line} {lines[index + 1].strip()}"):
        return True
    if OUTLOOK_RULE.match(line):
        following = [line for line in lines[index + 1 : index + 3] if line.strip()]
        return bool(following) and bool(HEADER_FROM.match(following[0]))
    return _is_outlook_header(lines, index)


def _trailing_quote_start(lines: list[str]) -> int | None:
    """The first line of a quote that runs to the end (blank lines allowed), with its attribution."""
    start = None
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if not line.strip():
            continue
        if _is_quote(line):
            start = index
            continue
        break
    if start is None:
        return None
    # "Mario wrote:" just above the quote belongs to it, whatever the language.
    above = start - 1
    while above >= 0 and not lines[above].strip():
        above -= 1
    if above >= 0 and lines[above].rstrip().endswith(":") and len(lines[above]) <= 300:
        return above
    return start


def split_quoted(text: str) -> tuple[str, str]:
    """(the new text, the quoted history and signature) of an email's text; ("text", "") if none."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    cut = None
    for index in range(len(lines)):
        if _marker_at(lines, index):
            cut = index
            break
    limit = cut if cut is not None else len(lines)
    quote_start = _trailing_quote_start(lines[:limit])
    if quote_start is not None:
        cut = quote_start
    if cut is None:
        return text.strip("\n"), ""
    body = "\n".join(lines[:cut]).rstrip()
    rest = "\n".join(lines[cut:]).strip("\n")
    if not body.strip() or not rest.strip():
        return text.strip("\n"), ""
    return body, rest
