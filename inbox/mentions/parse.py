"""From the bytes of a feed to the entries we keep, with feedparser.

Everything a feed says is untrusted text from the internet: titles and summaries are kept as
plain text (tags stripped, entities decoded), addresses only when they are http(s).
"""

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from html import unescape
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import feedparser
from django.utils import timezone
from django.utils.html import strip_tags

from inbox.mentions.fetch import FeedError, feed_link_in_page
from inbox.mentions.models import FeedProblem

MAX_ENTRIES = 200
TITLE_LENGTH = 500
SUMMARY_LENGTH = 2000
SOURCE_LENGTH = 200
LINK_LENGTH = 1000
# Parameters that say how someone arrived, not what the page is.
TRACKING_PARAMETERS = {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref", "ref_src"}
# feedparser flags these, but the feed was read correctly all the same.
HARMLESS_PROBLEMS = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class FeedEntry:
    key: str
    entry_id: str
    title: str
    link: str
    source: str
    summary: str
    published_at: datetime


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    entries: list[FeedEntry]


def plain_text(value: str, length: int) -> str:
    text = _SPACES.sub(" ", unescape(strip_tags(value or ""))).strip()
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _http_url(value: str) -> str:
    value = (value or "").strip()
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or len(value) > LINK_LENGTH:
        return ""
    return value


def unwrap_redirect(url: str) -> str:
    """Google Alerts links go through google.com/url?url=<article>: keep the article."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if (host.startswith("google.") or ".google." in host) and parts.path == "/url":
        target = dict(parse_qsl(parts.query)).get("url") or dict(parse_qsl(parts.query)).get("q")
        if target and _http_url(target):
            return target
    return url


def normalise_link(url: str) -> str:
    """The address that identifies the article: no fragment, no tracking, host in lower case."""
    parts = urlsplit(url)
    query = [
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not name.lower().startswith("utm_") and name.lower() not in TRACKING_PARAMETERS
    ]
    host = (parts.hostname or "").lower()
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    path = parts.path.rstrip("/") or "/"
    # http and https of one article are the same article.
    return urlunsplit(("https", host, path, urlencode(query), ""))


def mention_key(link: str, entry_id: str) -> str:
    basis = f"link:{normalise_link(link)}" if link else f"id:{entry_id}"
    return hashlib.sha256(basis.encode()).hexdigest()


def _site(link: str) -> str:
    host = (urlsplit(link).hostname or "").lower()
    return host.removeprefix("www.")


def _published(entry, now: datetime) -> datetime:
    for name in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(name)
        if value:
            try:
                moment = datetime(*value[:6], tzinfo=UTC)
            except (TypeError, ValueError):
                continue
            # A date in the future is a mistake of the feed: the mention is new now.
            return min(moment, now + timedelta(minutes=5))
    return now


def _entry(entry, now: datetime) -> FeedEntry | None:
    link = unwrap_redirect(_http_url(entry.get("link", "")))
    entry_id = (entry.get("id") or "").strip()[:500]
    if not link and not entry_id:
        return None
    summary = plain_text(entry.get("summary", ""), SUMMARY_LENGTH)
    title = plain_text(entry.get("title", ""), TITLE_LENGTH) or plain_text(summary, 120) or link or entry_id
    source = entry.get("source") or {}
    site = plain_text(source.get("title", "") if hasattr(source, "get") else "", SOURCE_LENGTH) or _site(link)
    return FeedEntry(
        key=mention_key(link, entry_id),
        entry_id=entry_id,
        title=title[:TITLE_LENGTH],
        link=link,
        source=site[:SOURCE_LENGTH],
        summary=summary,
        published_at=_published(entry, now),
    )


def parse_feed(body: bytes, *, headers: dict | None = None, url: str = "", now: datetime | None = None) -> ParsedFeed:
    """The feed's title and entries (each once, at most MAX_ENTRIES), or FeedError."""
    now = now or timezone.now()
    parsed = feedparser.parse(body, response_headers=headers or {})
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if not parsed.get("version"):
        if problem is None or b"<html" in body[:2000].lower():
            raise FeedError(FeedProblem.NOT_A_FEED, url, feed_link=feed_link_in_page(body, url))
        raise FeedError(FeedProblem.BROKEN, str(problem))
    if problem is not None and not isinstance(problem, HARMLESS_PROBLEMS):
        # An XML error may cut entries short: nothing is stored from a half-read feed.
        raise FeedError(FeedProblem.BROKEN, str(problem))
    entries, seen = [], set()
    for raw in parsed.entries[:MAX_ENTRIES]:
        entry = _entry(raw, now)
        if entry is not None and entry.key not in seen:
            seen.add(entry.key)
            entries.append(entry)
    return ParsedFeed(title=plain_text(parsed.feed.get("title", ""), 120), entries=entries)
