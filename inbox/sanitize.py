"""HTML that is safe to show in the inbox, with nh3 (the Rust ammonia sanitizer).

Enquiries arrive from anyone on the internet: whatever HTML they carry is cut down to a small
set of formatting tags before it is stored. Scripts, styles, frames and forms go with their
content; event handlers, inline styles and classes are dropped; links keep only http(s),
mailto and tel addresses and always open without access to our page or our referrer.
Images are left out on purpose: a remote image is a read receipt for whoever sent it.
"""

import re

import nh3
from django.utils.html import urlize

ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "dd",
    "del",
    "div",
    "dl",
    "dt",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "ins",
    "li",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "ol": {"start"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}
# Removed together with everything inside them (the other unknown tags keep their text).
REMOVED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math", "form"}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
LINK_REL = "noopener noreferrer nofollow"


def sanitize_html(html: str) -> str:
    """The safe subset of `html`: formatting and links only."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags=REMOVED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    ).strip()


_BLANK_LINES = re.compile(r"\n\s*\n")


def text_to_html(text: str) -> str:
    """Plain text as HTML: escaped, paragraphs at blank lines, line breaks kept, addresses linked."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return ""
    paragraphs = []
    for block in _BLANK_LINES.split(text):
        linked = urlize(block.strip(), nofollow=True, autoescape=True)
        paragraphs.append("<p>" + linked.replace("\n", "<br>\n") + "</p>")
    return sanitize_html("\n".join(paragraphs))
