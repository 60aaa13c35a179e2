"""Is someone there to answer the chat, and if not, when will they be?

The trainee's presence schedule (engagements.schedule) decides; Italian public holidays are
days off whatever the schedule says, as for the SLA clock. A company with no presence planned
from today on (before the engagement, or after it) falls back to its business hours, so that
the widget never promises an answer that nobody is planned to give.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays
from django.utils import formats, translation
from django.utils.translation import gettext as _

from engagements.schedule.selectors import PresenceSchedule
from inbox.sla import BusinessCalendar

# Looked ahead this far for the next presence; past it, "as soon as possible".
HORIZON = timedelta(days=60)
# Languages that write day and month names in lower case inside a sentence.
LOWERCASE_DATE_NAMES = {"it"}


@dataclass(frozen=True)
class Availability:
    on_duty: bool
    next_at: datetime | None  # when someone is next there (None: not planned), aware


def _holidays(start: datetime, end: datetime):
    return holidays.Italy(years=range(start.year, end.year + 1))


def availability(company, now: datetime) -> Availability:
    """Two queries (presence periods and their slots), three more for the business-hours fallback."""
    tz = company.tzinfo
    today = now.astimezone(tz).date()
    schedule = PresenceSchedule.load(company, from_day=today)
    if not schedule.periods:
        return _from_business_hours(company, now)
    closed = _holidays(now, now + HORIZON)
    moment = now
    while moment < now + HORIZON:
        found = schedule.next_on_duty(moment)
        if found is None:
            return Availability(False, None)
        if found.date() not in closed:
            return Availability(found <= now, found)
        moment = datetime.combine(found.date() + timedelta(days=1), datetime.min.time(), tzinfo=tz)
    return Availability(False, None)


def _from_business_hours(company, now: datetime) -> Availability:
    tz = company.tzinfo
    calendar = BusinessCalendar.load(
        company, now.astimezone(tz).date(), (now + timedelta(days=15)).astimezone(tz).date()
    )
    intervals = calendar.open_intervals(now, now + timedelta(days=14), with_schedule=False)
    if not intervals:
        return Availability(False, None)
    start = intervals[0][0].astimezone(tz)
    return Availability(start <= now, max(start, now.astimezone(tz)))


def visitor_zone(name: str | None, default: ZoneInfo) -> ZoneInfo:
    """The visitor's time zone as the browser names it, when it is a real one."""
    if not name or len(name) > 64:
        return default
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return default


def notice(state: Availability, *, now: datetime, zone: ZoneInfo, language: str) -> str:
    """What the widget says about the answer, in `language`, times in the visitor's zone."""
    with translation.override(language):
        if state.on_duty:
            return _("We are here: write to us and we will answer you in this chat.")
        if state.next_at is None:
            return _("We are away right now: we will answer you as soon as possible.")
        when = state.next_at.astimezone(zone)
        days = (when.date() - now.astimezone(zone).date()).days
        time = formats.time_format(when, "G:i")
        if days == 0:
            return _("We are away right now: we will answer you today from %(time)s.") % {"time": time}
        if days == 1:
            return _("We are away right now: we will answer you tomorrow from %(time)s.") % {"time": time}
        day = formats.date_format(when, "l j F")
        if language in LOWERCASE_DATE_NAMES:
            day = day.lower()  # "lunedì 30 novembre": Django's catalogue capitalises them as titles
        return _("We are away right now: we will answer you on %(day)s from %(time)s.") % {"day": day, "time": time}
