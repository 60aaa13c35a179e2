from datetime import date
from decimal import Decimal

import pytest

from engagements.budgets.metrics import metrics
from engagements.budgets.models import Channel, Spend
from engagements.budgets.selectors import budget_month_summary, budget_months_overview, budget_year_overview
from tests.budgets.factories import BudgetLineFactory, SpendFactory

NOV = date(2026, 11, 1)


@pytest.fixture
def november(company, other_company):
    BudgetLineFactory(company=company, month=NOV, channel=Channel.GOOGLE_ADS, planned_amount=Decimal("400.00"))
    BudgetLineFactory(company=company, month=NOV, channel=Channel.META_ADS, planned_amount=Decimal("150.00"))
    SpendFactory(company=company, spent_on=date(2026, 11, 3), amount=Decimal("120.10"))
    SpendFactory(company=company, spent_on=date(2026, 11, 30), amount=Decimal("0.20"))
    SpendFactory(company=company, spent_on=date(2026, 11, 4), amount=Decimal("480.00"), status=Spend.Status.PENDING)
    SpendFactory(company=company, spent_on=date(2026, 11, 5), amount=Decimal("999.00"), status=Spend.Status.REJECTED)
    SpendFactory(company=company, spent_on=date(2026, 11, 6), amount=Decimal("170.00"), channel=Channel.META_ADS)
    # Outside the month, or another company's: never counted.
    SpendFactory(company=company, spent_on=date(2026, 10, 31), amount=Decimal("50.00"))
    SpendFactory(company=company, spent_on=date(2026, 12, 1), amount=Decimal("50.00"))
    SpendFactory(company=other_company, spent_on=date(2026, 11, 10), amount=Decimal("77.00"))
    BudgetLineFactory(company=other_company, month=NOV, planned_amount=Decimal("1000.00"))


def test_month_summary_lists_every_channel_with_planned_spent_and_pending(company, november):
    summary = budget_month_summary(company, date(2026, 11, 15))
    by_channel = {c.channel: c for c in summary.channels}
    assert list(by_channel) == Channel.values
    google = by_channel[Channel.GOOGLE_ADS]
    assert (google.planned, google.spent, google.pending) == (Decimal("400.00"), Decimal("120.30"), Decimal("480.00"))
    assert google.remaining == Decimal("279.70")
    assert not google.over_plan
    assert google.percent_of_plan == 30
    meta = by_channel[Channel.META_ADS]
    assert meta.over_plan
    assert meta.over_by == Decimal("20.00")
    assert meta.percent_spent == 100
    assert meta.percent_of_plan == 113
    linkedin = by_channel[Channel.LINKEDIN_ADS]
    assert (linkedin.planned, linkedin.spent, linkedin.pending) == (Decimal("0.00"), Decimal("0.00"), Decimal("0.00"))
    assert linkedin.percent_of_plan is None


def test_month_summary_totals_are_exact_decimals(company, november):
    summary = budget_month_summary(company, NOV)
    assert summary.total.planned == Decimal("550.00")
    assert summary.total.spent == Decimal("290.30")
    assert summary.total.pending == Decimal("480.00")
    assert summary.pending_count == 1
    assert all(isinstance(v, Decimal) for v in (summary.total.planned, summary.total.spent, summary.total.pending))


def test_month_summary_runs_two_queries(company, november, django_assert_num_queries):
    # planned per channel, spends summed per channel
    with django_assert_num_queries(2):
        budget_month_summary(company, NOV)


def test_year_overview_has_twelve_months_with_empty_ones(company, november):
    BudgetLineFactory(company=company, month=date(2026, 1, 1), planned_amount=Decimal("300.00"))
    months = budget_year_overview(company, 2026)
    assert [m.month for m in months] == [date(2026, n, 1) for n in range(1, 13)]
    assert months[0].planned == Decimal("300.00")
    assert months[0].spent == Decimal("0.00")
    assert (months[9].planned, months[9].spent) == (Decimal("0.00"), Decimal("50.00"))
    assert (months[10].planned, months[10].spent) == (Decimal("550.00"), Decimal("290.30"))
    assert months[11].spent == Decimal("50.00")


def test_months_overview_crosses_the_year_and_runs_two_queries(company, november, django_assert_num_queries):
    with django_assert_num_queries(2):
        months = budget_months_overview(company, date(2026, 10, 1), date(2027, 1, 1))
    assert [(m.month, m.spent) for m in months] == [
        (date(2026, 10, 1), Decimal("50.00")),
        (date(2026, 11, 1), Decimal("290.30")),
        (date(2026, 12, 1), Decimal("50.00")),
        (date(2027, 1, 1), Decimal("0.00")),
    ]


def test_metrics_give_spent_vs_planned_for_a_period(company, november, django_assert_num_queries):
    with django_assert_num_queries(2):
        figures = metrics(company, date(2026, 11, 1), date(2026, 11, 30))
    assert figures.planned == Decimal("550.00")
    assert figures.spent == Decimal("290.30")
    assert figures.pending == Decimal("480.00")
    assert figures.pending_count == 1
    assert figures.remaining == Decimal("259.70")


def test_metrics_count_planned_months_whole_and_spends_by_day(company, november):
    figures = metrics(company, date(2026, 11, 4), date(2026, 12, 31))
    assert figures.planned == Decimal("550.00")
    assert figures.spent == Decimal("220.20")  # 0.20 + 170.00 + 50.00 (1 December)


def test_metrics_of_an_empty_period_are_zero(company):
    figures = metrics(company, date(2020, 1, 1), date(2020, 1, 31))
    assert (figures.planned, figures.spent, figures.pending, figures.pending_count) == (
        Decimal("0.00"),
        Decimal("0.00"),
        Decimal("0.00"),
        0,
    )
