from decimal import Decimal

from engagements.budgets.demo import seed_demo_budgets
from engagements.budgets.models import BudgetLine, Channel, Spend
from tests.budgets.conftest import TODAY


def test_demo_budgets_cover_five_months_with_a_pending_and_a_rejected_spend(company, digital_manager, owner):
    assert seed_demo_budgets(company, digital_manager=digital_manager, owner=owner, today=TODAY)
    months = sorted(set(BudgetLine.objects.for_company(company).values_list("month", flat=True)))
    assert [m.strftime("%Y-%m") for m in months] == ["2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]
    assert BudgetLine.objects.get(
        company=company, month=TODAY.replace(day=1), channel=Channel.GOOGLE_ADS
    ).planned_amount == Decimal("400.00")
    pending = Spend.objects.for_company(company).pending().get()
    assert pending.amount > company.spend_approval_threshold
    assert pending.spent_on.month == TODAY.month
    rejected = Spend.objects.for_company(company).get(status=Spend.Status.REJECTED)
    assert rejected.decided_by == owner
    assert rejected.decision_comment
    assert not Spend.objects.for_company(company).filter(spent_on__gt=TODAY).exists()
    assert all(s.recorded_by == digital_manager for s in Spend.objects.for_company(company))
    auto = Spend.objects.for_company(company).filter(amount__lte=company.spend_approval_threshold)
    assert all(s.auto_approved and s.decided_by is None for s in auto)


def test_demo_budgets_are_seeded_once(company, digital_manager, owner):
    seed_demo_budgets(company, digital_manager=digital_manager, owner=owner, today=TODAY)
    counts = (BudgetLine.objects.count(), Spend.objects.count())
    assert not seed_demo_budgets(company, digital_manager=digital_manager, owner=owner, today=TODAY)
    assert (BudgetLine.objects.count(), Spend.objects.count()) == counts


def test_demo_budgets_early_in_the_month_stay_in_the_past(company, digital_manager, owner):
    first = TODAY.replace(day=1)
    seed_demo_budgets(company, digital_manager=digital_manager, owner=owner, today=first)
    assert not Spend.objects.filter(spent_on__gt=first).exists()
