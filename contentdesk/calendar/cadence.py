"""Cadence slots: the recurring times a channel should get something, from `Cadence` rows.

How a slot's time is computed
    A cadence's `rule` is an RFC 5545 RRULE without DTSTART. DTSTART is built as a *naive*
    local datetime (`starts_on` + `time_of_day`) and dateutil expands the rule on naive wall
    clock times; each occurrence is then localised in the company's time zone with zoneinfo.
    So LinkedIn "Tuesday 10:00" is 10:00 in Rome in January and in July, although 10:00 is
    09:00 UTC in winter and 08:00 UTC in summer.

Local times that do not exist, or exist twice (see `localise`)
    RFC 5545 §3.3.5 settles both, and calendar programs follow it:
    * a time skipped by the spring change (02:30 on the last Sunday of March in Europe/Rome)
      is read with the offset in force *before* the gap, so the slot moves forward by the
      gap: 02:30 becomes 03:30 that day only;
    * a time that happens twice in the autumn (02:30 on the last Sunday of October) is the
      *first* of the two (still summer time).
    Python's `fold=0` means exactly this, so `localise` is one line; it is kept as a function
    because the calendar's drag and drop uses the same rule when it keeps an item's time of
    day on another date.

When a slot is filled
    An item fills a slot when it is planned for the slot's channel on the slot's local day
    (company time zone) and is not cancelled; any other status counts (an idea with a date
    is already a plan). Each item fills one slot, earliest slot first: on a day with two
    LinkedIn slots, one LinkedIn post fills the 10:00 slot and the 16:00 one stays empty.
    The time of the item does not matter: a post planned at 11:30 fills the 10:00 slot.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from dateutil.rrule import rrule, rrulestr

from contentdesk.models import Cadence, ContentChannel, ContentItem

# Occurrences are searched on naive local times; one day either side covers any UTC offset,
# and the aware result is then cut exactly to the asked range.
_SEARCH_MARGIN = timedelta(days=1)


def localise(naive: datetime, tz: tzinfo) -> datetime:
    """The aware time of a wall-clock time in `tz`, following RFC 5545 for gaps and overlaps.

    fold=0 takes the offset before the transition: a time in the spring gap moves forward by
    the gap (02:30 → 03:30) and an ambiguous autumn time is its first occurrence. The round
    trip through UTC writes the moved time as it reads on the wall.
    """
    return naive.replace(tzinfo=tz, fold=0).astimezone(UTC).astimezone(tz)


def local_day_bounds(first: date, last: date, tz: tzinfo) -> tuple[datetime, datetime]:
    """[start of `first`, start of the day after `last`) as aware times in `tz`."""
    return localise(datetime.combine(first, time.min), tz), localise(
        datetime.combine(last + timedelta(days=1), time.min), tz
    )


def cadence_rule(cadence: Cadence) -> rrule | None:
    """The cadence's rule anchored at its first day and time; None if the rule cannot be read."""
    dtstart = datetime.combine(cadence.starts_on, cadence.time_of_day)
    try:
        rule = rrulestr(cadence.rule, dtstart=dtstart)
    except (ValueError, TypeError):
        # A rule typed in the admin that dateutil rejects shows no slots rather than a 500.
        return None
    return rule if isinstance(rule, rrule) else None


def cadence_occurrences(cadence: Cadence, start: datetime, end: datetime, tz: tzinfo) -> list[datetime]:
    """The aware times, in `tz`, of the cadence's slots within [start, end)."""
    if not cadence.is_active:
        return []
    rule = cadence_rule(cadence)
    if rule is None:
        return []
    low = start.astimezone(tz).replace(tzinfo=None) - _SEARCH_MARGIN
    high = end.astimezone(tz).replace(tzinfo=None) + _SEARCH_MARGIN
    found = []
    for naive in rule.between(low, high, inc=True):
        if cadence.ends_on is not None and naive.date() > cadence.ends_on:
            break
        aware = localise(naive, tz)
        if start <= aware < end:
            found.append(aware)
    return found


@dataclass(frozen=True)
class Slot:
    cadence: Cadence
    at: datetime  # aware, in the company's time zone
    filled: bool

    @property
    def channel(self) -> ContentChannel:
        return self.cadence.channel

    @property
    def day(self) -> date:
        return self.at.date()


def slots_between(
    cadences: Iterable[Cadence],
    start: datetime,
    end: datetime,
    tz: tzinfo,
    planned: Iterable[tuple[int, datetime]],
) -> list[Slot]:
    """Every slot of `cadences` in [start, end), in time order, each marked filled or empty.

    `planned` holds (channel id, planned time) of the items that can fill a slot: those not
    cancelled, in the same range (see the module's docstring for the rule).
    """
    items_per_day = Counter((channel_id, when.astimezone(tz).date()) for channel_id, when in planned)
    occurrences = sorted(
        ((at, cadence) for cadence in cadences for at in cadence_occurrences(cadence, start, end, tz)),
        key=lambda pair: (pair[0], pair[1].channel_id, pair[1].pk or 0),
    )
    used: Counter = Counter()
    slots = []
    for at, cadence in occurrences:
        key = (cadence.channel_id, at.date())
        slots.append(Slot(cadence=cadence, at=at, filled=used[key] < items_per_day[key]))
        used[key] += 1
    return slots


def cadence_slots(*, company, start: datetime, end: datetime, channel_id: int | None = None) -> list[Slot]:
    """The company's slots in [start, end). Queries: the active cadences with their channels;
    if there are any, the (channel, time) of the items planned in the range."""
    cadences = Cadence.objects.for_company(company).filter(is_active=True, channel__is_active=True)
    if channel_id is not None:
        cadences = cadences.filter(channel_id=channel_id)
    cadences = list(cadences.select_related("channel"))
    if not cadences:
        return []
    planned = (
        ContentItem.objects.for_company(company)
        .exclude(status=ContentItem.Status.CANCELLED)
        .between(start, end)
        .filter(channel_id__in={c.channel_id for c in cadences})
        .values_list("channel_id", "scheduled_at")
    )
    return slots_between(cadences, start, end, company.tzinfo, planned)
