"""Write services of web mentions: feeds, polling, and what people do with a mention.

Reading a feed is network work and never happens inside a transaction: the feed is claimed
with a conditional update (so that two runs never read it at once), read, and then the new
entries and the feed's state are written in one short transaction.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from engagements.models import Company
from inbox.mentions.fetch import FeedError, fetch
from inbox.mentions.models import FeedProblem, Mention, MentionFeed
from inbox.mentions.parse import FeedEntry, ParsedFeed, parse_feed

logger = logging.getLogger(__name__)

# The beat runs every 30 minutes; a little less here, so that no run finds a feed "not yet due".
POLL_INTERVAL = timedelta(minutes=25)
# A claim this old was left by a run that died: a fetch never takes more than a minute.
CLAIM_EXPIRES = timedelta(minutes=10)
POLL_BATCH = 200


@dataclass(frozen=True)
class PollResult:
    feed_id: int
    stored: int = 0
    not_modified: bool = False
    problem: str = ""


# --- feeds -------------------------------------------------------------------------------------


def mention_feed_check(*, url: str, interactive: bool = False) -> tuple[ParsedFeed, dict]:
    """Read the feed at `url` once: its entries and the validators for the next conditional GET.

    Raises FeedError (with a FeedProblem) when it cannot be read or is not a feed.
    """
    result = fetch(url, interactive=interactive)
    parsed = parse_feed(result.body, headers=result.headers, url=url)
    return parsed, {"etag": result.etag, "last_modified": result.last_modified}


def mention_feed_save(
    *, company: Company, user, name: str, url: str, is_active: bool = True, feed: MentionFeed | None = None
) -> tuple[MentionFeed, int]:
    """Create or change a feed; a new address is read first and must be a feed (else FeedError).

    Answers the feed and how many mentions its first reading stored. Without a name, the
    feed's own title is used. Someone waits for the answer: the reading has short time limits.
    """
    now = timezone.now()
    # Compared with the stored address: a ModelForm has already put the new one on `feed`.
    stored_url = MentionFeed.objects.filter(pk=feed.pk).values_list("url", flat=True).first() if feed else None
    address_changed = stored_url != url
    parsed, validators = mention_feed_check(url=url, interactive=True) if address_changed else (None, {})
    name = (name or "").strip() or (parsed.title if parsed else "") or url[:120]
    with transaction.atomic():
        if feed is None:
            feed = MentionFeed(company=company, created_by=user)
        feed.name, feed.url, feed.is_active = name[:120], url, is_active
        if address_changed:
            feed.etag = validators["etag"]
            feed.last_modified = validators["last_modified"]
            feed.last_polled_at = feed.last_success_at = now
            feed.last_error = feed.last_error_detail = ""
        feed.save()
        stored = mentions_store(feed=feed, entries=parsed.entries, now=now) if parsed else 0
    return feed, stored


def mention_feed_delete(*, feed: MentionFeed) -> None:
    """Remove the feed; its mentions stay (without a feed) in the list and in the figures."""
    feed.delete()


# --- polling -----------------------------------------------------------------------------------


def mentions_store(*, feed: MentionFeed, entries: list[FeedEntry], now: datetime | None = None) -> int:
    """Store the entries not seen before by the feed's company; answers how many were new.

    The unique (company, key) constraint is the real guard: an entry stored meanwhile by
    another feed's run is skipped by the database, never stored twice.
    """
    if not entries:
        return 0
    now = now or timezone.now()
    keys = {entry.key for entry in entries}
    known = set(Mention.objects.for_company(feed.company_id).filter(key__in=keys).values_list("key", flat=True))
    new = [
        Mention(
            company_id=feed.company_id,
            feed=feed,
            key=entry.key,
            entry_id=entry.entry_id,
            title=entry.title,
            link=entry.link,
            source=entry.source,
            summary=entry.summary,
            published_at=entry.published_at,
            found_at=now,
        )
        for entry in entries
        if entry.key not in known
    ]
    Mention.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


def _record_failure(feed_id: int, error: FeedError, now: datetime) -> None:
    MentionFeed.objects.filter(pk=feed_id).update(
        polling_since=None, last_polled_at=now, last_error=error.problem, last_error_detail=error.detail
    )


def mention_feed_poll(
    *, feed_id: int, force: bool = False, interactive: bool = False, now: datetime | None = None
) -> PollResult | None:
    """Read one feed and store its new entries; None when it is not due or another run has it.

    `force` reads it even if it was read less than POLL_INTERVAL ago, and `interactive` with
    short time limits (both for the "read now" button).
    """
    now = now or timezone.now()
    feeds = MentionFeed.objects.filter(pk=feed_id, is_active=True).claimable(now=now, stale_after=CLAIM_EXPIRES)
    if not force:
        feeds = feeds.due(now=now, interval=POLL_INTERVAL)
    if not feeds.update(polling_since=now):
        return None
    feed = MentionFeed.objects.get(pk=feed_id)
    try:
        result = fetch(feed.url, etag=feed.etag, last_modified=feed.last_modified, interactive=interactive)
        parsed = None if result.not_modified else parse_feed(result.body, headers=result.headers, url=feed.url)
    except FeedError as error:
        logger.info("Mention feed %s not read: %s", feed_id, error)
        _record_failure(feed_id, error, now)
        return PollResult(feed_id=feed_id, problem=error.problem)
    except Exception as exc:
        logger.exception("Mention feed %s: unexpected error.", feed_id)
        _record_failure(feed_id, FeedError(FeedProblem.BROKEN, f"{exc.__class__.__name__}: {exc}"), now)
        return PollResult(feed_id=feed_id, problem=FeedProblem.BROKEN)
    try:
        with transaction.atomic():
            stored = mentions_store(feed=feed, entries=parsed.entries, now=now) if parsed else 0
            MentionFeed.objects.filter(pk=feed_id).update(
                polling_since=None,
                last_polled_at=now,
                last_success_at=now,
                last_error="",
                last_error_detail="",
                etag=result.etag,
                last_modified=result.last_modified,
            )
    except Exception:
        # Rolled back: free the feed for the next run rather than wait for the claim to expire.
        MentionFeed.objects.filter(pk=feed_id).update(polling_since=None)
        raise
    return PollResult(feed_id=feed_id, stored=stored, not_modified=result.not_modified)


def mention_feeds_poll_due(
    *, company: Company | None = None, force: bool = False, now: datetime | None = None
) -> list[PollResult]:
    """Read every active feed that is due (all active feeds with `force`), of one company or all."""
    now = now or timezone.now()
    feeds = MentionFeed.objects.active()
    if company is not None:
        feeds = feeds.for_company(company)
    if not force:
        feeds = feeds.due(now=now, interval=POLL_INTERVAL)
    # Least recently read first, so that a long list is worked through over several runs.
    order = (F("last_polled_at").asc(nulls_first=True), "pk")
    feed_ids = list(feeds.order_by(*order).values_list("pk", flat=True)[:POLL_BATCH])
    results = []
    for feed_id in feed_ids:
        result = mention_feed_poll(feed_id=feed_id, force=force, now=now)
        if result is not None:
            results.append(result)
    return results


# --- what people do with a mention ------------------------------------------------------------


def mention_set_status(*, mention: Mention, status: str, user, now: datetime | None = None) -> None:
    """New, handled or dismissed; who changed it and when is kept."""
    now = now or timezone.now()
    Mention.objects.filter(pk=mention.pk).update(status=status, status_changed_at=now, status_changed_by=user)
    mention.status, mention.status_changed_at, mention.status_changed_by = status, now, user


def _handled(mention: Mention, user, now: datetime) -> dict:
    if mention.status != Mention.Status.NEW:
        return {}
    return {"status": Mention.Status.HANDLED, "status_changed_at": now, "status_changed_by": user}


def _conversation_text(mention: Mention) -> str:
    lines = [mention.title]
    if mention.summary:
        lines += ["", mention.summary]
    found = mention.source or (mention.feed.name if mention.feed_id else "")
    if mention.link:
        lines += ["", f"{found}: {mention.link}" if found else mention.link]
    return "\n".join(lines)


def mention_to_conversation(*, mention: Mention, user, now: datetime | None = None):
    """Open an inbox conversation about the mention (once: a second call answers the first one).

    The conversation's first message carries the title, summary and address of the mention,
    its referrer is the mention's address, and its contact is the site that published it.
    """
    from inbox.language import detect_language
    from inbox.models import Conversation
    from inbox.sanitize import text_to_html
    from inbox.services import contact_upsert, conversation_open

    now = now or timezone.now()
    with transaction.atomic():
        # Locked, so that of two clicks at once only the first opens a conversation.
        mention = Mention.objects.select_for_update(of=("self",)).select_related("feed", "company").get(pk=mention.pk)
        if mention.conversation_id:
            existing = Conversation.objects.for_company(mention.company).filter(pk=mention.conversation_id).first()
            if existing is not None:
                return existing
        text = _conversation_text(mention)
        site = mention.source or (mention.feed.name if mention.feed_id else "")
        contact = contact_upsert(company=mention.company, email="", name=site)
        conversation = conversation_open(
            company=mention.company,
            channel=None,
            contact=contact,
            subject=mention.title,
            text=text,
            html=text_to_html(text),
            language=detect_language(text),
            referrer=mention.link,
            received_at=now,
        )
        changes = {"conversation": conversation, "conversation_opened_at": now, **_handled(mention, user, now)}
        Mention.objects.filter(pk=mention.pk).update(**changes)
    return conversation


def mention_to_content_idea(*, mention: Mention, user, now: datetime | None = None) -> int:
    """A content idea from the mention on the content desk (once); answers the idea's id."""
    from contentdesk.services import content_idea_create

    now = now or timezone.now()
    with transaction.atomic():
        mention = Mention.objects.select_for_update(of=("self",)).select_related("company").get(pk=mention.pk)
        if mention.content_idea_id:
            return mention.content_idea_id
        brief = "\n\n".join(part for part in (mention.summary, mention.source) if part)
        idea = content_idea_create(
            company=mention.company, user=user, title=mention.title, brief=brief, source_url=mention.link
        )
        changes = {"content_idea_id": idea.pk, "content_idea_created_at": now, **_handled(mention, user, now)}
        Mention.objects.filter(pk=mention.pk).update(**changes)
    return idea.pk
