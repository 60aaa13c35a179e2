"""The email of a newsletter item: HTML at email-client width, a plain-text alternative, links.

Links: every http(s) link of the item's body is one of `newsletter_links(item)`, in order of
first appearance. In a real delivery each becomes ``/nl/c/<token>/`` where the token signs
(delivery, link index): the click view can only ever redirect to a link of this list, so a
forged or foreign address has nothing to point at (no open redirect). Each link carries the
UTM parameters that attribute an enquiry to the item. Test sends and the preview use the
direct links (with UTM), so they never count as clicks.

Images: content images are written in the body as their library address
(``/c/<slug>/calendar/images/<id>/file/``, which needs a login). In the email they become an
absolute, signed public address (``/nl/img/<token>/``) that serves the picture only if it
belongs to the item's company. We chose links over inline CID attachments: a newsletter goes
to hundreds of people at a limited rate, and attaching every picture to every message would
multiply its size (and the SMTP time) for pictures most clients fetch anyway; CID parts also
show up as attachments in several clients. Other absolute image addresses are kept; any other
relative address is dropped (it could not load in a mail client).
"""

import re
from html import unescape
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import escape, strip_tags
from django.utils.text import slugify

from contentdesk.newsletter.headers import unsubscribe_page_url
from contentdesk.newsletter.tokens import _make, _read
from engagements.markdown import render_markdown

CLICK_SALT = "contentdesk.newsletter.click"
IMAGE_SALT = "contentdesk.newsletter.image"
HREF = re.compile(r'href="([^"]*)"')
SRC = re.compile(r'<img([^>]*?) src="([^"]*)"')
IMAGE_PATH = re.compile(r"^/c/([^/]+)/calendar/images/(\d+)/file/(?:\?size=thumbnail)?$")


def body_html(item) -> str:
    return render_markdown(item.body)


def newsletter_links(item, html: str | None = None) -> list[str]:
    """The item's own web links, in order of first appearance: what tracked links point into."""
    html = body_html(item) if html is None else html
    links = []
    for raw in HREF.findall(html):
        url = unescape(raw)
        if urlsplit(url).scheme in ("http", "https") and url not in links:
            links.append(url)
    return links


def campaign(item) -> str:
    return slugify(item.title)[:60] or f"newsletter-{item.pk}"


def with_utm(url: str, item) -> str:
    """`url` with the newsletter's UTM parameters; values already in the link are kept."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    present = {key for key, _value in query}
    utm = {
        "utm_source": "newsletter",
        "utm_medium": "email",
        "utm_campaign": campaign(item),
        "utm_content": item.utm_content,
    }
    query += [(key, value) for key, value in utm.items() if key not in present]
    return urlunsplit(parts._replace(query=urlencode(query)))


def click_token(delivery_id: int, link_index: int) -> str:
    return _make(CLICK_SALT, delivery_id, link_index)


def read_click_token(token: str) -> tuple[int, int]:
    """(delivery id, link index); tokens.BadToken if changed or not ours."""
    return _read(CLICK_SALT, token)


def tracked_url(delivery_id: int, link_index: int) -> str:
    return settings.SITE_URL + reverse("newsletter_click", kwargs={"token": click_token(delivery_id, link_index)})


def image_token(image_id: int, company_id: int) -> str:
    return _make(IMAGE_SALT, image_id, company_id)


def read_image_token(token: str) -> tuple[int, int]:
    return _read(IMAGE_SALT, token)


def _images(html: str, item) -> str:
    slug = item.company.slug

    def replace(match):
        attributes, src = match.group(1), unescape(match.group(2))
        own = IMAGE_PATH.match(src)
        if own and own.group(1) == slug:
            token = image_token(int(own.group(2)), item.company_id)
            src = settings.SITE_URL + reverse("newsletter_image", kwargs={"token": token})
        elif urlsplit(src).scheme not in ("http", "https"):
            return f"<img{attributes}"  # no loadable source: the alt text stays
        return f'<img{attributes} src="{escape(src)}"'

    return SRC.sub(replace, html)


def _links(html: str, item, links: list[str], delivery_id: int | None) -> str:
    def replace(match):
        url = unescape(match.group(1))
        if url not in links:
            return match.group(0)  # mailto:, tel:
        target = tracked_url(delivery_id, links.index(url)) if delivery_id else with_utm(url, item)
        return f'href="{escape(target)}"'

    return HREF.sub(replace, html)


def subject_of(send) -> str:
    return (send.subject if send is not None else "") or ""


def render_newsletter(item, *, subject: str = "", sender_name: str = "", delivery=None, subscription=None) -> dict:
    """{"subject", "html", "text", "links"} of one email of `item`.

    With a delivery, links are tracked and the footer's unsubscribe link is the recipient's;
    without (preview, test send), links are direct and the footer shows where the link goes.
    """
    html = body_html(item)
    links = newsletter_links(item, html)
    content = _links(_images(html, item), item, links, delivery.pk if delivery is not None else None)
    unsubscribe_url = (
        unsubscribe_page_url(subscription.pk, delivery.pk if delivery is not None else None) if subscription else ""
    )
    context = {
        "item": item,
        "subject": subject or item.title,
        "sender_name": sender_name or item.company.name,
        "content": content,
        "unsubscribe_url": unsubscribe_url,
    }
    text_links = [
        (tracked_url(delivery.pk, i) if delivery is not None else with_utm(url, item)) for i, url in enumerate(links)
    ]
    context["text_body"] = _plain_text(html, links, text_links)
    return {
        "subject": context["subject"],
        "html": render_to_string("contentdesk/newsletter/mail/newsletter.html", context),
        "text": render_to_string("contentdesk/newsletter/mail/newsletter.txt", context),
        "links": links,
    }


BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote|pre|tr|table|ul|ol)>|<br\s*/?>", re.IGNORECASE)
ANCHOR = re.compile(r'<a [^>]*href="([^"]*)"[^>]*>(.*?)</a>', re.IGNORECASE | re.DOTALL)


def _plain_text(html: str, links: list[str], targets: list[str]) -> str:
    """The body as readable text: paragraphs on their own lines, each link's address after it."""

    def anchor(match):
        url, label = unescape(match.group(1)), strip_tags(match.group(2)).strip()
        if url in links:
            return f"{label} ({targets[links.index(url)]})"
        return label

    text = ANCHOR.sub(anchor, html)
    text = re.sub(r"<li[^>]*>", "- ", text)
    text = BLOCK_END.sub("\n\n", text)
    text = unescape(strip_tags(text))
    lines = [line.strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
