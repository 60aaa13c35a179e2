"""The calendar as an iCal feed (RFC 5545), for Google Calendar, Outlook and Apple Calendar.

A feed is the company's whole calendar or one person's: what they write, and what waits for
their approval. Calendar apps poll the address every few hours and update events by UID;
SEQUENCE grows with every move and status change so that they take the new version.
"""

from datetime import UTC, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from contentdesk.models import CalendarFeed, ContentEvent, ContentItem

S = ContentItem.Status

# An item is a moment (a post goes out at 10:00); calendars draw it as a short event.
EVENT_DURATION = timedelta(minutes=30)
# Calendar apps fetch the whole feed each time: a year of history is plenty and keeps it small.
HISTORY = timedelta(days=365)
REFRESH_INTERVAL = timedelta(hours=1)

ICAL_STATUS = {
    S.IDEA: "TENTATIVE",
    S.DRAFT: "TENTATIVE",
    S.IN_REVIEW: "TENTATIVE",
    S.APPROVED: "CONFIRMED",
    S.SCHEDULED: "CONFIRMED",
    S.PUBLISHED: "CONFIRMED",
    S.CANCELLED: "CANCELLED",
}


def site_domain() -> str:
    return urlsplit(settings.SITE_URL).hostname or "staffetta.local"


def event_uid(item: ContentItem) -> str:
    """Stable for the item's whole life: the same event in the calendar app, however it changes."""
    return f"content-{item.pk}-{item.company_id}@{site_domain()}"


def feed_url(feed: CalendarFeed) -> str:
    return settings.SITE_URL + reverse("content_ical", kwargs={"token": feed.token})


def item_path(company, item_pk: int) -> str:
    """The item's page; the calendar while the item pages are not installed."""
    try:
        return reverse("content_item", kwargs={"company_slug": company.slug, "item_id": item_pk})
    except NoReverseMatch:
        return reverse("content_calendar", kwargs={"company_slug": company.slug})


def item_url(company, item_pk: int) -> str:
    return settings.SITE_URL + item_path(company, item_pk)


def feed_items(feed: CalendarFeed, membership=None, *, now=None) -> QuerySet:
    """What the feed shows: planned items (not cancelled) of the last year and the future.

    A personal feed (`membership` is the person's role in the company) shows the items they
    write and, if they approve, those waiting for approval.
    """
    now = now or timezone.now()
    items = (
        ContentItem.objects.for_company(feed.company)
        .filter(scheduled_at__isnull=False, scheduled_at__gte=now - HISTORY)
        .exclude(status=S.CANCELLED)
    )
    if feed.user_id is not None:
        mine = Q(author_id=feed.user_id)
        if membership is not None and membership.can("content.approve"):
            mine |= Q(status=S.IN_REVIEW)
        items = items.filter(mine)
    changes = Q(events__kind__in=[ContentEvent.Kind.RESCHEDULED, ContentEvent.Kind.STATUS])
    return (
        items.select_related("channel")
        .annotate(sequence=Count("events", filter=changes))
        .order_by("scheduled_at", "pk")
    )


def feed_name(feed: CalendarFeed) -> str:
    if feed.user_id is None:
        return _("%(company)s · content calendar") % {"company": feed.company.name}
    return _("%(company)s · my content") % {"company": feed.company.name}


def feed_language(feed: CalendarFeed) -> str:
    return (feed.user.language if feed.user_id else "") or feed.company.language or settings.LANGUAGE_CODE


def _description(item: ContentItem, url: str) -> str:
    lines = [
        _("Status: %(status)s") % {"status": item.get_status_display()},
        _("Channel: %(channel)s") % {"channel": item.channel.name},
    ]
    if item.tag:
        lines.append(_("Pillar or campaign: %(tag)s") % {"tag": item.tag})
    if item.published_url:
        lines.append(_("Published at: %(url)s") % {"url": item.published_url})
    if item.brief:
        lines += ["", Truncator(item.brief).chars(400)]
    lines += ["", _("Open in Staffetta: %(url)s") % {"url": url}]
    return "\n".join(lines)


def item_event(item: ContentItem, *, stamp) -> Event:
    url = item_url(item.company, item.pk)
    event = Event()
    event.add("uid", event_uid(item))
    event.add("dtstamp", stamp)
    event.add("dtstart", item.scheduled_at.astimezone(UTC))
    event.add("dtend", (item.scheduled_at + EVENT_DURATION).astimezone(UTC))
    event.add("summary", f"{item.channel.name} · {item.title}")
    event.add("description", _description(item, url))
    event.add("url", url)
    event.add("status", ICAL_STATUS[item.status])
    event.add("last-modified", item.updated_at.astimezone(UTC))
    event.add("sequence", getattr(item, "sequence", 0))
    event.add("transp", "TRANSPARENT")  # a post going out does not make anyone busy
    if item.tag:
        event.add("categories", [item.tag])
    return event


def feed_calendar(feed: CalendarFeed, items, *, now=None) -> bytes:
    """The feed as iCalendar bytes, written in the feed owner's language."""
    now = (now or timezone.now()).astimezone(UTC)
    with translation.override(feed_language(feed)):
        calendar = Calendar()
        calendar.add("prodid", "-//Staffetta//Content calendar//IT")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        name = feed_name(feed)
        calendar.add("name", name)
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", feed.company.timezone)
        calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", REFRESH_INTERVAL)
        for item in items:
            item.company = feed.company  # one company per feed: no query per item
            calendar.add_component(item_event(item, stamp=now))
    return calendar.to_ical()
