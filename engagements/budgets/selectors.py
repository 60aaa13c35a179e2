"""Reads: planned vs spent per channel and per month, each figure summed in SQL.

Every function runs a fixed number of queries (two for a month, two for a range of months)
however many lines and spends the company has; Python only arranges the few summed rows.
"""

import calendar
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from engagements.budgets.models import ZERO, BudgetLine, Channel, Spend, first_of_month
from engagements.models import Company


def add_months(month: date, n: int) -> date:
    index = month.year * 12 + (month.month - 1) + n
    return date(index // 12, index % 12 + 1, 1)


def last_day_of_month(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


@dataclass(frozen=True)
class Figures:
    planned: Decimal = ZERO
    spent: Decimal = ZERO
    pending: Decimal = ZERO

    @property
    def remaining(self) -> Decimal:
        return self.planned - self.spent

    @property
    def over_plan(self) -> bool:
        return self.spent > self.planned

    @property
    def over_by(self) -> Decimal:
        return self.spent - self.planned

    @property
    def percent_of_plan(self) -> int | None:
        """Spent as a whole percentage of planned (may pass 100); None without a plan."""
        if self.planned <= 0:
            return None
        return int(self.spent * 100 / self.planned)

    @property
    def percent_spent(self) -> int:
        """Spent as a whole percentage of planned, 0–100 (100 when over plan)."""
        if self.planned <= 0:
            return 100 if self.spent > 0 else 0
        return min(100, int(self.spent * 100 / self.planned))


@dataclass(frozen=True)
class ChannelFigures(Figures):
    channel: str = ""

    @property
    def label(self) -> str:
        return Channel(self.channel).label


@dataclass(frozen=True)
class MonthSummary:
    month: date
    channels: list[ChannelFigures] = field(default_factory=list)
    total: Figures = Figures()
    pending_count: int = 0


def _decimal(value) -> Decimal:
    return ZERO if value is None else Decimal(value)


def budget_month_summary(company: Company, month: date) -> MonthSummary:
    """Planned, spent (approved) and pending per channel, every channel listed, and totals."""
    month = first_of_month(month)
    planned = {
        row["channel"]: _decimal(row["planned"])
        for row in BudgetLine.objects.for_company(company).for_month(month).planned_by_channel()
    }
    spends = {row["channel"]: row for row in Spend.objects.for_company(company).in_month(month).totals_by_channel()}
    channels = [
        ChannelFigures(
            channel=channel,
            planned=planned.get(channel, ZERO),
            spent=_decimal(spends.get(channel, {}).get("spent")),
            pending=_decimal(spends.get(channel, {}).get("pending")),
        )
        for channel in Channel.values
    ]
    total = Figures(
        planned=sum((c.planned for c in channels), ZERO),
        spent=sum((c.spent for c in channels), ZERO),
        pending=sum((c.pending for c in channels), ZERO),
    )
    pending_count = sum(row["pending_count"] for row in spends.values())
    return MonthSummary(month=month, channels=channels, total=total, pending_count=pending_count)


@dataclass(frozen=True)
class MonthFigures(Figures):
    month: date = date.min


def budget_months_overview(company: Company, first: date, last: date) -> list[MonthFigures]:
    """Planned vs spent (approved) for every month from `first` to `last`, empty months included."""
    first, last = first_of_month(first), first_of_month(last)
    planned = {
        row["month"]: _decimal(row["planned"])
        for row in BudgetLine.objects.for_company(company).between_months(first, last).planned_by_month()
    }
    spent = {
        row["month"]: row
        for row in Spend.objects.for_company(company).between(first, last_day_of_month(last)).totals_by_month()
    }
    months = []
    month = first
    while month <= last:
        row = spent.get(month, {})
        months.append(
            MonthFigures(
                month=month,
                planned=planned.get(month, ZERO),
                spent=_decimal(row.get("spent")),
                pending=_decimal(row.get("pending")),
            )
        )
        month = add_months(month, 1)
    return months


def budget_year_overview(company: Company, year: int) -> list[MonthFigures]:
    """Twelve rows, January to December of `year`."""
    return budget_months_overview(company, date(year, 1, 1), date(year, 12, 1))


def pending_spends(company: Company):
    """Every spend waiting for the owner, oldest first (whatever its month)."""
    return Spend.objects.for_company(company).pending().with_people().order_by("spent_on", "recorded_at", "pk")


def month_spends(company: Company, month: date):
    return Spend.objects.for_company(company).in_month(month).with_people().newest_first()
