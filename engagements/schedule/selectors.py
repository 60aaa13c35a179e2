"""Is the trainee on duty? When next? The answers the inbox SLA clock and the Today page use.

Public functions (each loads the company's periods and slots in two queries, whatever the
number of periods, days or weeks involved):

* `trainee_on_duty(company, at, *, trainee=None) -> bool`
* `next_on_duty(company, after, *, trainee=None) -> datetime | None`
* `on_duty_intervals(company, start, end, *, trainee=None) -> list[tuple[datetime, datetime]]`

`trainee=None` means "any trainee of the company": anybody with a schedule there who is still
a member. Moments may be given in any time zone (they must be aware); answers are aware
datetimes in the company's time zone. Slots are wall-clock times: 9:00–13:00 is 9:00–13:00
local time on both sides of a daylight-saving change. A slot is on duty from its start
included to its end excluded.

Pages that already hold the periods (or need several answers) build a `PresenceSchedule`
once and ask it, instead of calling the functions repeatedly.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from engagements.models import Company
from engagements.schedule.models import PresencePeriod

# on_duty_intervals refuses longer spans: a year is the longest the SLA clock and the
# monthly/yearly reports need, and a cap keeps a careless call from building a huge list.
MAX_INTERVAL_SPAN = timedelta(days=366)


def _require_aware(moment: datetime, name: str) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be an aware datetime (with a time zone), got {moment!r}.")


def _utc(day: date, clock, tz: ZoneInfo) -> datetime:
    """`day` at wall-clock `clock` in `tz`, as UTC.

    Computing in UTC matters: Python compares and subtracts datetimes that share a tzinfo by
    their wall-clock values, which is wrong across a daylight-saving change.
    """
    return datetime.combine(day, clock, tzinfo=tz).astimezone(UTC)


def _check_span(start: datetime, end: datetime) -> None:
    _require_aware(start, "start")
    _require_aware(end, "end")
    if end - start > MAX_INTERVAL_SPAN:
        raise ValueError(
            f"on_duty_intervals covers at most {MAX_INTERVAL_SPAN.days} days per call "
            f"(asked {start.isoformat()} to {end.isoformat()}): ask for longer spans one year at a time."
        )


def _trainee_id(trainee) -> int | None:
    return getattr(trainee, "pk", trainee)


@dataclass(frozen=True)
class _Slot:
    weekday: int
    starts_at: object
    ends_at: object
    first_day: date
    last_day: date | None  # None: open-ended


class PresenceSchedule:
    """Presence periods held in memory, answering without further queries."""

    def __init__(self, tz: ZoneInfo, periods: Iterable[PresencePeriod]):
        self.tz = tz
        self.periods = list(periods)
        self._slots = [
            _Slot(slot.weekday, slot.starts_at, slot.ends_at, period.starts_on, period.ends_on)
            for period in self.periods
            for slot in period.slots.all()
        ]

    @classmethod
    def load(cls, company: Company, *, trainee=None, from_day: date | None = None, to_day: date | None = None):
        """Two queries: the periods touching [from_day, to_day] (either may be open) and their slots."""
        periods = PresencePeriod.objects.for_company(company).of_members()
        if trainee is not None:
            periods = periods.filter(trainee_id=_trainee_id(trainee))
        if from_day is not None:
            periods = periods.overlapping(from_day, to_day)
        elif to_day is not None:
            periods = periods.filter(starts_on__lte=to_day)
        return cls(company.tzinfo, periods.with_slots())

    def for_trainee(self, trainee) -> "PresenceSchedule":
        trainee_id = _trainee_id(trainee)
        return PresenceSchedule(self.tz, [p for p in self.periods if p.trainee_id == trainee_id])

    def on_duty(self, at: datetime) -> bool:
        _require_aware(at, "at")
        local = at.astimezone(self.tz)
        day, clock = local.date(), local.time()
        return any(
            slot.weekday == day.weekday()
            and slot.first_day <= day
            and (slot.last_day is None or day <= slot.last_day)
            and slot.starts_at <= clock < slot.ends_at
            for slot in self._slots
        )

    def next_on_duty(self, after: datetime) -> datetime | None:
        """`after` itself (in the company's zone) when on duty then, else the next slot's start.

        No loop over days: for each weekly slot the first occurrence is found by arithmetic,
        so a period starting in six months costs the same as one starting tomorrow.
        """
        _require_aware(after, "after")
        if self.on_duty(after):
            return after.astimezone(self.tz)
        local = after.astimezone(self.tz)
        today, clock = local.date(), local.time()
        best = None
        for slot in self._slots:
            day = max(today, slot.first_day)
            day += timedelta(days=(slot.weekday - day.weekday()) % 7)
            if day == today and slot.starts_at <= clock:
                day += timedelta(days=7)
            start = _utc(day, slot.starts_at, self.tz)
            if start <= after:  # a start inside the hour skipped by DST can fall before `after`
                day += timedelta(days=7)
                start = _utc(day, slot.starts_at, self.tz)
            if slot.last_day is not None and day > slot.last_day:
                continue
            if best is None or start < best:
                best = start
        return None if best is None else best.astimezone(self.tz)

    def intervals(self, start: datetime, end: datetime) -> list[tuple[datetime, datetime]]:
        """On-duty stretches within [start, end), clipped to it, merged when they overlap or touch."""
        _check_span(start, end)
        if end <= start:
            return []
        start, end = start.astimezone(UTC), end.astimezone(UTC)
        first_day = start.astimezone(self.tz).date()
        last_day = end.astimezone(self.tz).date()
        raw = []
        for slot in self._slots:
            lo = max(first_day, slot.first_day)
            hi = last_day if slot.last_day is None else min(last_day, slot.last_day)
            day = lo + timedelta(days=(slot.weekday - lo.weekday()) % 7)
            while day <= hi:  # one step per week, within the slot's period and the span
                raw.append((_utc(day, slot.starts_at, self.tz), _utc(day, slot.ends_at, self.tz)))
                day += timedelta(days=7)
        clipped = sorted((max(a, start), min(b, end)) for a, b in raw if a < end and b > start)
        merged: list[tuple[datetime, datetime]] = []
        for a, b in clipped:
            if merged and a <= merged[-1][1]:
                if b > merged[-1][1]:
                    merged[-1] = (merged[-1][0], b)
            else:
                merged.append((a, b))
        return [(a.astimezone(self.tz), b.astimezone(self.tz)) for a, b in merged]


def trainee_on_duty(company: Company, at: datetime, *, trainee=None) -> bool:
    """Whether the trainee (None: any trainee of the company) is on duty at the moment `at`."""
    _require_aware(at, "at")
    day = at.astimezone(company.tzinfo).date()
    return PresenceSchedule.load(company, trainee=trainee, from_day=day, to_day=day).on_duty(at)


def next_on_duty(company: Company, after: datetime, *, trainee=None) -> datetime | None:
    """The earliest moment at or after `after` when the trainee (None: anyone) is on duty.

    That is `after` itself when on duty at that moment, otherwise the start of the next
    on-duty stretch; an aware datetime in the company's time zone, or None when no presence
    is planned from then on.
    """
    _require_aware(after, "after")
    day = after.astimezone(company.tzinfo).date()
    return PresenceSchedule.load(company, trainee=trainee, from_day=day).next_on_duty(after)


def on_duty_intervals(company: Company, start: datetime, end: datetime, *, trainee=None):
    """The merged on-duty stretches between `start` and `end` (at most 366 days apart).

    A list of (from, to) aware datetimes in the company's time zone, sorted, clipped to the
    span; stretches of several trainees that overlap or touch are merged into one.
    """
    _check_span(start, end)
    tz = company.tzinfo
    return PresenceSchedule.load(
        company, trainee=trainee, from_day=start.astimezone(tz).date(), to_day=end.astimezone(tz).date()
    ).intervals(start, end)
