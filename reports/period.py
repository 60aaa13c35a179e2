"""The month a dashboard or a report is about, and the months it is compared with.

A month is a calendar month of the company's time zone: its first and last day as dates; the
metrics functions turn them into instants (midnight to midnight in that zone).
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date

from django.utils import timezone

MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")
EARLIEST_YEAR = 2000


def add_months(month: date, n: int) -> date:
    index = month.year * 12 + (month.month - 1) + n
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True, order=True)
class Month:
    first: date  # always the first day

    @classmethod
    def of(cls, day: date) -> "Month":
        return cls(day.replace(day=1))

    @classmethod
    def parse(cls, value: str | None) -> "Month | None":
        """`2026-11` → November 2026; anything else, or a year out of range, → None."""
        match = MONTH_PATTERN.match((value or "").strip())
        if not match:
            return None
        year, month = int(match.group(1)), int(match.group(2))
        if not (EARLIEST_YEAR <= year <= 2100 and 1 <= month <= 12):
            return None
        return cls(date(year, month, 1))

    @property
    def last(self) -> date:
        return self.first.replace(day=calendar.monthrange(self.first.year, self.first.month)[1])

    @property
    def param(self) -> str:
        """The value of `?month=`."""
        return f"{self.first:%Y-%m}"

    def shifted(self, months: int) -> "Month":
        return Month(add_months(self.first, months))

    @property
    def previous(self) -> "Month":
        return self.shifted(-1)

    @property
    def next(self) -> "Month":
        return self.shifted(1)

    @property
    def year_before(self) -> "Month":
        return self.shifted(-12)


def company_today(company) -> date:
    return timezone.localdate(timezone=company.tzinfo)


@dataclass(frozen=True)
class MonthChoice:
    """What `?month=` asked for, resolved: the month shown and why another was shown, if so."""

    month: Month
    current: Month
    problem: str = ""  # "malformed" or "future"; empty when the request was honoured

    @property
    def is_current(self) -> bool:
        return self.month == self.current


def choose_month(raw: str | None, company) -> MonthChoice:
    """The month to show: `raw` when it is a month up to the current one, else the current one."""
    current = Month.of(company_today(company))
    if raw is None or raw == "":
        return MonthChoice(current, current)
    month = Month.parse(raw)
    if month is None:
        return MonthChoice(current, current, "malformed")
    if month > current:
        return MonthChoice(current, current, "future")
    return MonthChoice(month, current)
