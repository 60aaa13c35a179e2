from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from engagements.budgets.models import BudgetLine, Channel, Spend
from engagements.budgets.services import (
    budget_line_set,
    spend_approve,
    spend_record,
    spend_reject,
)
from tests.budgets.factories import SpendFactory


def _record(company, user, amount, **extra):
    data = {"spent_on": date(2026, 11, 10), "channel": Channel.GOOGLE_ADS, "note": "Campagna Google Ads"} | extra
    return spend_record(company=company, user=user, amount=Decimal(amount), **data)


def test_spend_exactly_at_the_threshold_is_approved_at_once(company, digital_manager):
    spend = _record(company, digital_manager, "300.00")
    assert spend.status == Spend.Status.APPROVED
    assert spend.auto_approved
    assert spend.decided_by is None
    assert spend.needed_approval is False


def test_spend_one_cent_above_the_threshold_waits_for_the_owner(company, digital_manager):
    spend = _record(company, digital_manager, "300.01")
    spend.refresh_from_db()
    assert spend.status == Spend.Status.PENDING
    assert spend.needed_approval is True
    assert not spend.auto_approved


def test_threshold_is_the_companys_own(company, digital_manager):
    company.spend_approval_threshold = Decimal("50.00")
    company.save()
    assert _record(company, digital_manager, "50.00").status == Spend.Status.APPROVED
    assert _record(company, digital_manager, "50.01").status == Spend.Status.PENDING


def test_spend_amounts_must_be_decimal_and_positive(company, digital_manager):
    with pytest.raises(TypeError):
        spend_record(
            company=company, user=digital_manager, spent_on=date(2026, 11, 1), amount=12.5, channel="other", note="x"
        )
    with pytest.raises(ValidationError):
        _record(company, digital_manager, "0.00")
    with pytest.raises(ValidationError):
        _record(company, digital_manager, "10.00", channel="tv")
    assert not Spend.objects.exists()


def test_owner_approves_a_pending_spend(company, digital_manager, owner):
    spend = _record(company, digital_manager, "480.00")
    spend_approve(spend=spend, user=owner, comment="Ok per la fiera")
    spend.refresh_from_db()
    assert spend.status == Spend.Status.APPROVED
    assert spend.decided_by == owner
    assert spend.decided_at is not None
    assert spend.decision_comment == "Ok per la fiera"
    assert not spend.auto_approved


def test_owner_rejects_a_pending_spend_with_a_comment(company, digital_manager, owner):
    spend = _record(company, digital_manager, "650.00")
    spend_reject(spend=spend, user=owner, comment="  Troppo per un test  ")
    spend.refresh_from_db()
    assert spend.status == Spend.Status.REJECTED
    assert spend.decision_comment == "Troppo per un test"


@pytest.mark.parametrize("comment", ["", "   "])
def test_rejecting_needs_a_comment(company, digital_manager, owner, comment):
    spend = _record(company, digital_manager, "650.00")
    with pytest.raises(ValidationError):
        spend_reject(spend=spend, user=owner, comment=comment)
    spend.refresh_from_db()
    assert spend.status == Spend.Status.PENDING


def test_a_spend_is_decided_once_even_by_two_owners_at_the_same_time(company, digital_manager, owner):
    spend = _record(company, digital_manager, "480.00")
    seen_by_first, seen_by_second = Spend.objects.get(pk=spend.pk), Spend.objects.get(pk=spend.pk)
    spend_approve(spend=seen_by_first, user=owner)
    with pytest.raises(ValidationError, match="già stata approvata"):
        spend_reject(spend=seen_by_second, user=owner, comment="No")
    spend.refresh_from_db()
    assert spend.status == Spend.Status.APPROVED


def test_an_automatically_approved_spend_cannot_be_decided_again(company, digital_manager, owner):
    spend = _record(company, digital_manager, "100.00")
    with pytest.raises(ValidationError, match="già stata approvata"):
        spend_reject(spend=spend, user=owner, comment="No")


def test_a_rejected_spend_cannot_be_approved_afterwards(company, owner):
    spend = SpendFactory(company=company, amount=Decimal("500.00"), status=Spend.Status.REJECTED)
    with pytest.raises(ValidationError, match="già stata rifiutata"):
        spend_approve(spend=spend, user=owner)


def test_budget_line_is_set_on_the_first_of_the_month_and_updated_in_place(company):
    line = budget_line_set(
        company=company, month=date(2026, 11, 17), channel=Channel.META_ADS, planned_amount=Decimal("150.00")
    )
    assert line.month == date(2026, 11, 1)
    budget_line_set(
        company=company, month=date(2026, 11, 1), channel=Channel.META_ADS, planned_amount=Decimal("175.50"), note="+"
    )
    line = BudgetLine.objects.get()
    assert (line.planned_amount, line.note) == (Decimal("175.50"), "+")


def test_budget_line_refuses_negative_amounts_and_floats(company):
    with pytest.raises(ValidationError):
        budget_line_set(company=company, month=date(2026, 11, 1), channel="other", planned_amount=Decimal("-1"))
    with pytest.raises(TypeError):
        budget_line_set(company=company, month=date(2026, 11, 1), channel="other", planned_amount=10.0)
