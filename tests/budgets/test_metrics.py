"""Budget figures as the dashboards and the monthly report read them: JSON-ready, per channel."""

import json
from datetime import date
from decimal import Decimal

from engagements.budgets.metrics import figures, metrics
from engagements.budgets.models import Channel, Spend
from tests.budgets.factories import BudgetLineFactory, SpendFactory

NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))


def test_planned_spent_and_pending_per_channel_as_exact_strings(company, other_company):
    BudgetLineFactory(company=company, channel=Channel.GOOGLE_ADS, planned_amount=Decimal("400"))
    BudgetLineFactory(company=company, channel=Channel.META_ADS, planned_amount=Decimal("150.50"))
    SpendFactory(company=company, spent_on=date(2026, 11, 1), amount=Decimal("120.10"))
    SpendFactory(company=company, spent_on=date(2026, 11, 30), amount=Decimal("0.20"))
    SpendFactory(company=company, spent_on=date(2026, 11, 4), amount=Decimal("480.00"), status=Spend.Status.PENDING)
    SpendFactory(company=company, spent_on=date(2026, 11, 5), amount=Decimal("999.00"), status=Spend.Status.REJECTED)
    SpendFactory(company=company, spent_on=date(2026, 11, 6), amount=Decimal("90.00"), channel=Channel.OTHER)
    SpendFactory(company=company, spent_on=date(2026, 12, 1), amount=Decimal("50.00"))
    SpendFactory(company=other_company, spent_on=date(2026, 11, 10), amount=Decimal("77.00"))
    BudgetLineFactory(company=other_company, planned_amount=Decimal("1000.00"))
    result = figures(company, *NOVEMBER)
    assert result == {
        "planned": "550.50",
        "spent": "210.30",
        "pending": "480.00",
        "pending_count": 1,
        "by_channel": [
            {"channel": "google_ads", "planned": "400.00", "spent": "120.30", "pending": "480.00"},
            {"channel": "meta_ads", "planned": "150.50", "spent": "0.00", "pending": "0.00"},
            {"channel": "other", "planned": "0.00", "spent": "90.00", "pending": "0.00"},
        ],
    }
    assert json.loads(json.dumps(result)) == result


def test_figures_agree_with_the_metrics_the_reviews_read(company):
    BudgetLineFactory(company=company, planned_amount=Decimal("400.00"))
    SpendFactory(company=company, amount=Decimal("120.00"))
    totals, result = metrics(company, *NOVEMBER), figures(company, *NOVEMBER)
    assert (Decimal(result["planned"]), Decimal(result["spent"])) == (totals.planned, totals.spent)


def test_before_any_budget_there_are_no_figures_and_a_month_without_plan_has_zeros(company):
    assert figures(company, *NOVEMBER) is None
    BudgetLineFactory(company=company, month=date(2026, 9, 1))
    assert figures(company, *NOVEMBER) == {
        "planned": "0.00",
        "spent": "0.00",
        "pending": "0.00",
        "pending_count": 0,
        "by_channel": [],
    }
    assert figures(company, date(2026, 8, 1), date(2026, 8, 31)) is None


def test_figures_take_the_same_queries_with_ten_times_the_rows(company, django_assert_num_queries):
    BudgetLineFactory(company=company, planned_amount=Decimal("400.00"))
    SpendFactory.create_batch(3, company=company)
    # planned per channel, spends per channel
    with django_assert_num_queries(2):
        figures(company, *NOVEMBER)
    SpendFactory.create_batch(30, company=company, channel=Channel.META_ADS)
    with django_assert_num_queries(2):
        figures(company, *NOVEMBER)
