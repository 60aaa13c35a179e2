"""Budget figures for a company and a period, for dashboards and the monthly report.

Two queries whatever the size of the period: one sum over the budget lines, one over the spends.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Sum

from engagements.budgets.models import ZERO, BudgetLine, Spend
from engagements.models import Company


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
