"""Text out of email bytes: safe strings for the database, charsets, encoded words, HTML.

Email arrives with wrong or unknown charsets, 8-bit bytes in headers, NUL bytes and broken
encoded words. Everything here returns a string that PostgreSQL and SQLite accept (valid
UTF-8, no NUL), and never raises on bad input: a wrong guess shows odd letters, it does not
lose the message.
"""

import base64
import binascii
import codecs
import quopri
import re
from html.parser import HTMLParser

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Codecs that turn bytes into something other than text as written: never trust a
# message's word for them.
_REFUSED_CODECS = {"unicode_escape", "raw_unicode_escape", "idna", "punycode", "undefined"}


def clean_text(value, limit: int | None = None) -> str:
    """`value` as a string the database accepts: surrogates decoded, control characters gone."""
    if value is None:
        return ""
    text = str(value)
    if _SURROGATE.search(text):
        # 8-bit bytes smuggled through the email package as surrogate escapes: they are
        # usually UTF-8, else a Western Windows charset.
        try:
            data = text.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            data = text.encode("utf-8", "replace")
        text = decode_bytes(data, "utf-8")
    text = _CONTROL.sub("", text)
    return text[:limit] if limit is not None else text


def _codec(charset: str | None) -> str | None:
    if not charset:
        return None
    try:
        name = codecs.lookup(str(charset).strip().strip('"').lower()).name
    except (LookupError, ValueError, TypeError):
        return None
    return None if name in _REFUSED_CODECS else name


def decode_bytes(data: bytes, charset: str | None = None) -> str:
    """Bytes in the declared charset if they really are, else UTF-8, else Windows-1252."""
    codec = _codec(charset)
    for name in (codec, "utf-8"):
        if name is None:
            continue
        try:
            return data.decode(name)
        except (UnicodeDecodeError, LookupError, ValueError):
            continue
    if codec is not None and codec != "utf-8":
        try:
            return data.decode(codec, "replace")
        except (LookupError, ValueError):
            pass
    return data.decode("cp1252", "replace")


_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=")


def _decode_word(match: re.Match) -> str:
    charset, encoding, data = match.groups()
    charset = charset.partition("*")[0]  # RFC 2231 adds "*language"
    try:
        if encoding in "bB":
            raw = base64.b64decode(data + "=" * (-len(data) % 4))
        else:
            raw = quopri.decodestring(data.encode("ascii", "replace"), header=True)
    except (ValueError, binascii.Error):
        return match.group(0)
    return decode_bytes(raw, charset)


def decode_header_value(value) -> str:
    """A header value as text: RFC 2047 encoded words (with unknown charsets too) and raw 8-bit."""
    if value is None:
        return ""
    value = clean_text(value)
    if "=?" in value:
        pieces, position, after_word = [], 0, False
        for match in _ENCODED_WORD.finditer(value):
            between = value[position : match.start()]
            # Whitespace between two encoded words is not part of the text (RFC 2047 §6.2).
            if not (after_word and not between.strip()):
                pieces.append(between)
            pieces.append(_decode_word(match))
            position, after_word = match.end(), True
        pieces.append(value[position:])
        value = clean_text("".join(pieces))
    return " ".join(value.split())


class _HTMLText(HTMLParser):
    """Readable text of an HTML email: blocks on their own lines, blockquotes as "> " lines."""

    BLOCKS = {
        "p",
        "div",
        "br",
        "tr",
        "table",
        "ul",
        "ol",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "pre",
        "blockquote",
        "section",
        "article",
        "header",
        "footer",
    }
    HIDDEN = {"script", "style", "head", "title", "template", "noscript", "svg"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.depth = 0
        self.hidden = 0
        self.href: list[str | None] = []
        self.link_text: list[str] = []

    def _flush(self):
        line = " ".join("".join(self.current).split())
        self.current = []
        prefix = "> " * self.depth
        if line or (self.lines and self.lines[-1].strip("> ")):
            self.lines.append((prefix + line).rstrip() if line else prefix.rstrip())

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.BLOCKS:
            self._flush()
            if tag == "blockquote":
                self.depth += 1
            elif tag == "li":
                self.current.append("- ")
        elif tag == "a":
            self.href.append(dict(attrs).get("href"))
            self.link_text.append("")

    def handle_startendtag(self, tag, attrs):
        if tag in ("br", "hr"):
            self._flush()

    def handle_endtag(self, tag):
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.BLOCKS:
            self._flush()
            if tag == "blockquote":
                self.depth = max(0, self.depth - 1)
        elif tag == "a" and self.href:
            href, text = self.href.pop(), self.link_text.pop()
            if href and href.startswith(("http://", "https://")) and href.rstrip("/") != text.strip().rstrip("/"):
                self.current.append(f" ({href})")

    def handle_data(self, data):
        if self.hidden:
            return
        self.current.append(data)
        if self.link_text:
            self.link_text[-1] += data

    def text(self) -> str:
        self._flush()
        lines = self.lines
        while lines and not lines[-1].strip("> "):
            lines.pop()
        return "\n".join(lines).strip()


def html_to_text(html: str) -> str:
    """The text of an HTML email for reading, searching and folding quoted history."""
    parser = _HTMLText()
    try:
        parser.feed(html or "")
        parser.close()
    except Exception:  # HTMLParser is lenient; whatever it chokes on is dropped
        pass
    return clean_text(parser.text())
