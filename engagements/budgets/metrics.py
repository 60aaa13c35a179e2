"""Budget figures for a company and a period, for dashboards and the monthly report.

`metrics` answers Decimals (the monthly reviews read it); `figures` answers the same figures per
channel as a JSON-ready dict, the interface every app offers to the dashboards
(`reports.registry`). Two queries whatever the size of the period.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Sum

from engagements.budgets.models import ZERO, BudgetLine, Channel, Spend
from engagements.models import Company

CENT = Decimal("0.01")


@dataclass(frozen=True)
class BudgetMetrics:
    planned: Decimal
    spent: Decimal
    pending: Decimal
    pending_count: int

    @property
    def remaining(self) -> Decimal:
        return self.planned - self.spent

    @property
    def over_plan(self) -> bool:
        return self.spent > self.planned


def metrics(company: Company, start: date, end: date) -> BudgetMetrics:
    """Spent (approved) vs planned from `start` to `end`, both days included.

    Budgets are planned per month, so `planned` counts every month the period touches in full
    (a period of 10–20 March plans all of March); spends count only the days inside the period.
    `pending` and `pending_count` are the spends of the period still waiting for the owner.
    """
    if end < start:
        raise ValueError("The period ends before it starts.")
    planned = (
        BudgetLine.objects.for_company(company).between_months(start, end).aggregate(total=Sum("planned_amount"))
    )["total"]
    spends = Spend.objects.for_company(company).between(start, end).totals()
    return BudgetMetrics(
        planned=planned if planned is not None else ZERO,
        spent=spends["spent"] if spends["spent"] is not None else ZERO,
        pending=spends["pending"] if spends["pending"] is not None else ZERO,
        pending_count=spends["pending_count"],
    )


def _money(value) -> str:
    """Money in a snapshot: a string with two decimals, exact on every database."""
    return str((value if value is not None else ZERO).quantize(CENT))


def figures(company: Company, start: date, end: date) -> dict | None:
    """The budget's figures from `start` to `end` as a JSON-ready dict, or None before any budget.

    Amounts are strings with two decimals ("1234.50"); `by_channel` lists the channels with a
    plan or a spend in the period, in the order of `Channel`. Planned months count in full, as
    in `metrics`. Two queries (planned and spent per channel), one more when both are empty.
    """
    if end < start:
        raise ValueError("The period ends before it starts.")
    planned = {
        row["channel"]: row["planned"]
        for row in BudgetLine.objects.for_company(company).between_months(start, end).planned_by_channel()
    }
    spends = {row["channel"]: row for row in Spend.objects.for_company(company).between(start, end).totals_by_channel()}
    if not planned and not spends and not _in_use_before(company, end):
        return None
    by_channel = [
        {
            "channel": channel,
            "planned": _money(planned.get(channel)),
            "spent": _money(spends.get(channel, {}).get("spent")),
            "pending": _money(spends.get(channel, {}).get("pending")),
        }
        for channel in Channel.values
        if channel in planned or channel in spends
    ]
    return {
        "planned": _money(sum((Decimal(row["planned"]) for row in by_channel), ZERO)),
        "spent": _money(sum((Decimal(row["spent"]) for row in by_channel), ZERO)),
        "pending": _money(sum((Decimal(row["pending"]) for row in by_channel), ZERO)),
        "pending_count": sum(row["pending_count"] for row in spends.values()),
        "by_channel": by_channel,
    }


def _in_use_before(company: Company, end: date) -> bool:
    return (
        BudgetLine.objects.for_company(company).filter(month__lte=end).exists()
        or Spend.objects.for_company(company).filter(spent_on__lte=end).exists()
    )
