"""Markdown written by the company's people (content, lessons, notes), shown as safe HTML.

markdown-it-py renders CommonMark with raw HTML turned off; nh3 then keeps only formatting,
links and images, so a pasted script or an event handler never reaches a page, whoever wrote it.
"""

import nh3
from markdown_it import MarkdownIt

from inbox.sanitize import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, LINK_REL, REMOVED_WITH_CONTENT

_renderer = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")

TAGS = ALLOWED_TAGS | {"img"}
ATTRIBUTES = ALLOWED_ATTRIBUTES | {"img": {"src", "alt", "title"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def render_markdown(text: str) -> str:
    """`text` as sanitized HTML; empty text gives an empty string."""
    if not text or not text.strip():
        return ""
    html = _renderer.render(text)
    return nh3.clean(
        html,
        tags=TAGS,
        clean_content_tags=REMOVED_WITH_CONTENT,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    ).strip()
