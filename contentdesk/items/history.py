"""An item's history in words: "Anna moved it from Draft to In review — 12 Nov 10:04"."""

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from contentdesk.models import ContentEvent, ContentItem

STATUS_LABELS = dict(ContentItem.Status.choices)

ICONS = {
    ContentEvent.Kind.CREATED: "plus-circle",
    ContentEvent.Kind.STATUS: "arrow-right-circle",
    ContentEvent.Kind.RESCHEDULED: "calendar-event",
    ContentEvent.Kind.EDITED: "pencil",
    ContentEvent.Kind.RESULTS: "bar-chart",
}


@dataclass(frozen=True)
class HistoryEntry:
    text: str
    when: str
    at: datetime
    icon: str
    note: str


def short_when(value: datetime | None, now: datetime | None = None) -> str:
    """`12 nov 10:04` in the active time zone and language; the year only when it is not this one."""
    if value is None:
        return ""
    local = timezone.localtime(value)
    now = timezone.localtime(now or timezone.now())
    return date_format(local, "j b H:i" if local.year == now.year else "j b Y H:i")


def _who(event: ContentEvent) -> str:
    if event.by is None:
        return _("Someone")
    return event.by.first_name or event.by.display_name


def describe(event: ContentEvent, now: datetime | None = None) -> str:
    values = {
        "who": _who(event),
        "from": STATUS_LABELS.get(event.from_status, event.from_status),
        "to": STATUS_LABELS.get(event.to_status, event.to_status),
        "from_time": short_when(event.from_time, now),
        "to_time": short_when(event.to_time, now),
    }
    kind = event.kind
    if kind == ContentEvent.Kind.CREATED:
        if event.to_time:
            return _("%(who)s created it as %(to)s, planned for %(to_time)s") % values
        return _("%(who)s created it as %(to)s") % values
    if kind == ContentEvent.Kind.STATUS:
        return _("%(who)s moved it from %(from)s to %(to)s") % values
    if kind == ContentEvent.Kind.RESCHEDULED:
        if event.from_time is None:
            return _("%(who)s planned it for %(to_time)s") % values
        if event.to_time is None:
            return _("%(who)s removed its date (it was %(from_time)s)") % values
        return _("%(who)s moved it from %(from_time)s to %(to_time)s") % values
    if kind == ContentEvent.Kind.EDITED:
        return _("%(who)s edited it") % values
    if kind == ContentEvent.Kind.RESULTS:
        return _("%(who)s recorded its results") % values
    return _("%(who)s changed it") % values


def item_history(events: list[ContentEvent], now: datetime | None = None) -> list[HistoryEntry]:
    """The events as sentences, newest first."""
    now = now or timezone.now()
    return [
        HistoryEntry(
            text=describe(event, now),
            when=short_when(event.at, now),
            at=event.at,
            icon=ICONS.get(event.kind, "dot"),
            note=event.note,
        )
        for event in reversed(events)
    ]
