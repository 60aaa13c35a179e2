"""SLA clocks in business hours: when the first response is due, and whether it is at risk.

The clock runs while the company is open — its weekly business hours, in its own time zone,
minus Italian public holidays — and, on days covered by one of the trainee's presence
periods, only while the trainee is on duty as well. Days outside every presence period (before
the engagement starts, after the plan ends) use the business hours alone: a schedule that
has ended must not stop the clock for ever.

Everything is computed on real elapsed time (UTC) from wall-clock intervals, so a 9:00–13:00
morning is four hours on both sides of a daylight-saving change, and a night that contains
the change is one hour shorter or longer.

Cost: one `BusinessCalendar.load` is two queries (business hours, presence periods) plus one
for the slots when the company has presence periods; everything else works in memory, a day
at a time, over at most `HORIZON_DAYS`.

For lists, compute `at_risk_cutoff(company, now)` once and pass it to `sla_state(...,
cutoff=...)` for each row (no query per row); filter with `sla_attention_q(cutoff)`.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from django.db.models import Q

from engagements.models import BusinessHours, Company
from engagements.schedule.selectors import MAX_INTERVAL_SPAN, PresenceSchedule
from inbox.models import Conversation

# The default first-response target, in business hours; `first_response_target_hours` is the
# one place that reads it, so that a per-company setting can replace it later.
FIRST_RESPONSE_TARGET_HOURS = 4
# How far ahead the due time is searched: the trial schedule (three mornings a week) plus a
# long holiday bridge stays well within it.
HORIZON_DAYS = 60
# At risk: less than this share of the target left, or less than AT_RISK_MINIMUM.
AT_RISK_SHARE = 0.25
AT_RISK_MINIMUM = timedelta(hours=1)

ON_TIME, AT_RISK, BREACHED = "on_time", "at_risk", "breached"

Interval = tuple[datetime, datetime]  # [start, end) in UTC


def first_response_target_hours(company: Company) -> float:
    return FIRST_RESPONSE_TARGET_HOURS


def _target(company: Company) -> timedelta:
    return timedelta(hours=first_response_target_hours(company))


def _at_risk_margin(company: Company) -> timedelta:
    return max(_target(company) * AT_RISK_SHARE, AT_RISK_MINIMUM)


@lru_cache(maxsize=32)
def _italian_holidays(first_year: int, last_year: int) -> frozenset[date]:
    return frozenset(holidays.Italy(years=range(first_year, last_year + 1)).keys())


def _require_aware(moment: datetime, name: str) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be an aware datetime (with a time zone), got {moment!r}.")


def _utc(day: date, clock: time, tz: ZoneInfo) -> datetime:
    # Subtracting datetimes that share a ZoneInfo uses wall-clock values, which is wrong across
    # a daylight-saving change: every comparison and sum below is done in UTC.
    return datetime.combine(day, clock, tzinfo=tz).astimezone(UTC)


def _days(first: date, last: date) -> Iterable[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def _merge(intervals: Iterable[Interval]) -> list[Interval]:
    merged: list[Interval] = []
    for a, b in sorted(intervals):
        if merged and a <= merged[-1][1]:
            if b > merged[-1][1]:
                merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def _intersect(left: list[Interval], right: list[Interval]) -> list[Interval]:
    """Two sorted lists of disjoint intervals → their intersection (two pointers, linear)."""
    result, i, j = [], 0, 0
    while i < len(left) and j < len(right):
        a, b = max(left[i][0], right[j][0]), min(left[i][1], right[j][1])
        if a < b:
            result.append((a, b))
        if left[i][1] < right[j][1]:
            i += 1
        else:
            j += 1
    return result


@dataclass
class BusinessCalendar:
    """A company's open hours, holidays and trainee schedule held in memory."""

    tz: ZoneInfo
    week: dict[int, list[tuple[time, time]]]
    schedule: PresenceSchedule | None

    @classmethod
    def load(cls, company: Company, first_day: date, last_day: date | None = None) -> "BusinessCalendar":
        """Business hours (one query) and the presence periods touching the days (one or two)."""
        week: dict[int, list[tuple[time, time]]] = {day: [] for day in range(7)}
        rows = BusinessHours.objects.for_company(company).values_list("weekday", "opens", "closes")
        # A company that has deleted all its hours keeps the default week rather than a
        # clock that never runs.
        for weekday, opens, closes in list(rows) or BusinessHours.DEFAULT_WEEK:
            week[weekday].append((opens, closes))
        schedule = PresenceSchedule.load(company, from_day=first_day, to_day=last_day)
        return cls(company.tzinfo, week, schedule if schedule.periods else None)

    def _covered_by_schedule(self, day: date) -> bool:
        return self.schedule is not None and any(period.covers(day) for period in self.schedule.periods)

    def open_intervals(self, start: datetime, end: datetime, *, with_schedule: bool = True) -> list[Interval]:
        """The stretches of [start, end) when the clock runs, in UTC, sorted and disjoint."""
        _require_aware(start, "start")
        _require_aware(end, "end")
        start, end = start.astimezone(UTC), end.astimezone(UTC)
        if end <= start:
            return []
        first_day, last_day = start.astimezone(self.tz).date(), end.astimezone(self.tz).date()
        closed = _italian_holidays(first_day.year, last_day.year)
        open_days, duty_days = [], []
        for day in _days(first_day, last_day):
            if day in closed:
                continue
            stretches = [
                (_utc(day, opens, self.tz), _utc(day, closes, self.tz)) for opens, closes in self.week[day.weekday()]
            ]
            if with_schedule and self._covered_by_schedule(day):
                duty_days.extend(stretches)
            else:
                open_days.extend(stretches)
        intervals = _merge(open_days)
        if duty_days:
            intervals = _merge(intervals + _intersect(_merge(duty_days), self._on_duty(start, end)))
        return [(max(a, start), min(b, end)) for a, b in intervals if a < end and b > start]

    def _on_duty(self, start: datetime, end: datetime) -> list[Interval]:
        result = []
        chunk_start = start
        while chunk_start < end:  # the schedule answers at most a year per call
            chunk_end = min(end, chunk_start + MAX_INTERVAL_SPAN)
            result.extend(
                (a.astimezone(UTC), b.astimezone(UTC)) for a, b in self.schedule.intervals(chunk_start, chunk_end)
            )
            chunk_start = chunk_end
        return _merge(result)

    def seconds(self, start: datetime, end: datetime) -> int:
        return int(sum((b - a).total_seconds() for a, b in self.open_intervals(start, end)))

    def add(
        self, start: datetime, duration: timedelta, *, with_schedule: bool = True, horizon_days: int = HORIZON_DAYS
    ) -> datetime | None:
        """The moment when `duration` of open time has passed after `start`, or None past the horizon.

        `with_schedule=False` counts business hours alone (e.g. for a colleague's answer).
        """
        _require_aware(start, "start")
        start = start.astimezone(UTC)
        for use_schedule in (True, False) if with_schedule else (False,):
            left = duration
            if left <= timedelta(0):
                return start.astimezone(self.tz)
            window_start = start
            for _week in range(0, horizon_days, 7):  # a week at a time: usually the first one is enough
                window_end = window_start + timedelta(days=7)
                for a, b in self.open_intervals(window_start, window_end, with_schedule=use_schedule):
                    if b - a >= left:
                        return (a + left).astimezone(self.tz)
                    left -= b - a
                window_start = window_end
            if self.schedule is None or not use_schedule:
                break
            # The trainee is never on duty during opening hours in the horizon (e.g. a schedule of
            # Saturdays only): count the business hours alone rather than give no due time.
        return None


def _calendar_from(company: Company, first: datetime, last: datetime | None = None) -> BusinessCalendar:
    """The calendar from `first` to `HORIZON_DAYS` after `last` (default: `first`)."""
    tz = company.tzinfo
    last_day = (last or first).astimezone(tz).date() + timedelta(days=HORIZON_DAYS + 1)
    return BusinessCalendar.load(company, first.astimezone(tz).date(), last_day)


def business_seconds(company: Company, start: datetime, end: datetime) -> int:
    """Seconds of open time (business hours, no holidays, trainee on duty) between two moments."""
    _require_aware(start, "start")
    _require_aware(end, "end")
    if end <= start:
        return 0
    tz = company.tzinfo
    calendar = BusinessCalendar.load(company, start.astimezone(tz).date(), end.astimezone(tz).date())
    return calendar.seconds(start, end)


def first_response_due(company: Company, received_at: datetime) -> datetime:
    """When the first response to an enquiry received at `received_at` is due (company time zone)."""
    _require_aware(received_at, "received_at")
    due = _calendar_from(company, received_at).add(received_at, _target(company))
    # Only a company closed for the whole horizon gets here: fall back to wall-clock time.
    return due or (received_at + _target(company)).astimezone(company.tzinfo)


def at_risk_cutoff(company: Company, now: datetime) -> datetime:
    """Unanswered conversations due before this moment are at risk (or breached) at `now`.

    At risk means less than the margin of open time is left before the due time, i.e. the due
    time comes before `now` plus the margin in open time.
    """
    _require_aware(now, "now")
    margin = _at_risk_margin(company)
    return _calendar_from(company, now).add(now, margin) or (now + margin).astimezone(company.tzinfo)


def sla_attention_q(cutoff: datetime) -> Q:
    """Conversations awaiting a first response that are at risk or breached (given the cutoff)."""
    return Q(first_response_at__isnull=True, first_response_due_at__lt=cutoff) & ~Q(
        status__in=[Conversation.Status.RESOLVED, Conversation.Status.SPAM]
    )


def sla_state(conversation, now: datetime, *, cutoff: datetime | None = None) -> str | None:
    """ "on_time", "at_risk" or "breached" while the first response is awaited, else None.

    Pass `cutoff=at_risk_cutoff(company, now)` when asking for many conversations of one
    company: then no query is made. Without it, at most three queries.
    """
    if conversation.first_response_at is not None or conversation.status in (
        Conversation.Status.RESOLVED,
        Conversation.Status.SPAM,
    ):
        return None
    due = conversation.first_response_due_at
    if due is not None and now >= due:
        return BREACHED
    if cutoff is None or due is None:
        company = conversation.company
        calendar = _calendar_from(company, min(now, conversation.created_at), max(now, conversation.created_at))
        if due is None:
            due = calendar.add(conversation.created_at, _target(company)) or conversation.created_at + _target(company)
            if now >= due:
                return BREACHED
        if cutoff is None:
            cutoff = calendar.add(now, _at_risk_margin(company)) or now + _at_risk_margin(company)
    return AT_RISK if due < cutoff else ON_TIME
