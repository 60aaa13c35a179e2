from datetime import date
from decimal import Decimal

import factory

from engagements.budgets.models import BudgetLine, Channel, Spend
from tests.factories import CompanyFactory, UserFactory


class BudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetLine

    company = factory.SubFactory(CompanyFactory)
    month = date(2026, 11, 1)
    channel = Channel.GOOGLE_ADS
    planned_amount = Decimal("400.00")


class SpendFactory(factory.django.DjangoModelFactory):
    """An approved spend within the threshold; pass `status` for the others."""

    class Meta:
        model = Spend

    company = factory.SubFactory(CompanyFactory)
    spent_on = date(2026, 11, 10)
    amount = Decimal("120.00")
    channel = Channel.GOOGLE_ADS
    note = factory.Sequence(lambda n: f"Campagna Google Ads – valvole a sfera {n}")
    recorded_by = factory.SubFactory(UserFactory)
    status = Spend.Status.APPROVED
    needed_approval = factory.LazyAttribute(lambda o: o.status != Spend.Status.APPROVED or o.amount > Decimal("300"))
