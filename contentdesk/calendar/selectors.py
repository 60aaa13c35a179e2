"""Reads of the calendar: the days of a month or week with their items and empty slots.

Every view builds its days through `calendar_days`, and so does the drag and drop when it
redraws the two days an item left and reached: one code path, one query count.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Count, F, QuerySet, Window
from django.db.models.functions import RowNumber, TruncDate
from django.utils import timezone

from contentdesk.calendar.cadence import Slot, cadence_slots, local_day_bounds
from contentdesk.models import ContentChannel, ContentItem
from engagements.models import Membership

DAYS_IN_WEEK = 7


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def month_grid_days(month: date) -> list[date]:
    """Monday-first whole weeks around the month (five or six of them)."""
    first = week_start(month)
    next_month = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
    last = next_month - timedelta(days=1)
    last = last + timedelta(days=DAYS_IN_WEEK - 1 - last.weekday())
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def week_days(monday: date) -> list[date]:
    return [monday + timedelta(days=n) for n in range(DAYS_IN_WEEK)]


@dataclass(frozen=True)
class Filters:
    channel_id: int | None = None
    status: str | None = None
    author_id: int | None = None

    def apply(self, items: QuerySet) -> QuerySet:
        if self.channel_id is not None:
            items = items.filter(channel_id=self.channel_id)
        if self.status:
            items = items.filter(status=self.status)
        if self.author_id is not None:
            items = items.filter(author_id=self.author_id)
        return items


@dataclass(frozen=True)
class Entry:
    """One line of a day: an item, or an empty slot to fill."""

    at: datetime
    item: ContentItem | None = None
    slot: Slot | None = None


@dataclass
class Day:
    day: date
    is_today: bool
    is_past: bool
    in_period: bool = True
    entries: list[Entry] = field(default_factory=list)
    # Entries of the day not drawn (the month shows the first few; the week shows them all).
    more: int = 0

    @property
    def items(self) -> list[ContentItem]:
        return [entry.item for entry in self.entries if entry.item is not None]

    @property
    def is_empty(self) -> bool:
        return not self.entries

    @property
    def dom_id(self) -> str:
        return f"cal-day-{self.day:%Y-%m-%d}"


def channels_of(company) -> list[ContentChannel]:
    """All the company's channels, active first (one query; the filter and the page share it)."""
    return list(ContentChannel.objects.for_company(company).order_by("-is_active", "name"))


def authors_of(company) -> list:
    """The company's members, who may write and so be filtered on (one query)."""
    memberships = (
        Membership.objects.for_company(company).select_related("user").order_by("user__first_name", "user__email")
    )
    return [m.user for m in memberships]


def calendar_days(
    company,
    days: list[date],
    *,
    filters: Filters,
    with_slots: bool = True,
    period: tuple[date, date] | None = None,
    now: datetime | None = None,
    per_day: int | None = None,
) -> list[Day]:
    """`days` (sorted, contiguous or not) with their items and their empty future slots.

    Queries: the items of the range from the first to the last day, with channel and author;
    the cadence slots (active cadences, then the items that fill them; see `cadence_slots`).
    Slots follow the channel filter only: whether a slot is filled does not depend on who
    wrote the item or its status, so they stay visible with the other filters.

    With `per_day`, each day keeps its first `per_day` entries (items and slots in time order)
    and counts the others in `Day.more`: the same query reads only the first items of each
    local day, with the day's total from a window count (no query more, however full the day).
    """
    tz = company.tzinfo
    now = now or timezone.now()
    today = timezone.localtime(now, tz).date()
    start, end = local_day_bounds(days[0], days[-1], tz)
    by_day = {
        day: Day(
            day=day,
            is_today=day == today,
            is_past=day < today,
            in_period=period is None or period[0] <= day <= period[1],
        )
        for day in days
    }
    items = filters.apply(ContentItem.objects.for_company(company).between(start, end)).for_calendar()
    unread: dict[date, int] = {}
    if per_day is not None:
        local_day = TruncDate("scheduled_at", tzinfo=tz)
        items = items.annotate(
            day_rank=Window(RowNumber(), partition_by=[local_day], order_by=[F("scheduled_at").asc(), F("pk").asc()]),
            day_total=Window(Count("pk"), partition_by=[local_day]),
        ).filter(day_rank__lte=per_day)
    for item in items:
        local = timezone.localtime(item.scheduled_at, tz)
        if local.date() in by_day:
            by_day[local.date()].entries.append(Entry(at=local, item=item))
            if per_day is not None:
                unread[local.date()] = item.day_total - item.day_rank
    if with_slots:
        for slot in cadence_slots(company=company, start=start, end=end, channel_id=filters.channel_id):
            # A slot already gone is not one to fill any more; a filled one needs nothing.
            if not slot.filled and slot.at >= now and slot.day in by_day:
                by_day[slot.day].entries.append(Entry(at=slot.at, slot=slot))
    for cell in by_day.values():
        cell.entries.sort(key=lambda entry: (entry.at, entry.item is None))
        if per_day is not None:
            # The items not read all come after the last one read: they and whatever is past
            # the first `per_day` entries are the day's "more".
            cell.more = unread.get(cell.day, 0) + max(len(cell.entries) - per_day, 0)
            del cell.entries[per_day:]
    return [by_day[day] for day in days]


def list_items(company, *, filters: Filters, newest_first: bool = False) -> QuerySet:
    """Every item, unscheduled ideas included (after the dated ones, whatever the order)."""
    order = F("scheduled_at").desc(nulls_last=True) if newest_first else F("scheduled_at").asc(nulls_last=True)
    items = filters.apply(ContentItem.objects.for_company(company)).select_related("channel", "author")
    return items.order_by(order, "-pk" if newest_first else "pk")
