"""A company's months as the dashboard tests need them, made with the apps' own factories.

`fill(company, scale)` gives October and November 2026 (and, with `year_before`, November 2025)
`scale` times the same rows, so that query budgets can be checked with ten times the data.
"""

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from contentdesk.models import ChannelKind, ContentChannel, ContentItem
from engagements.budgets.models import BudgetLine, Channel, Spend
from engagements.roles import Department
from inbox.models import IntakeChannel
from tests.budgets.factories import SpendFactory
from tests.contentdesk.factories import ContentChannelFactory, ContentItemFactory
from tests.inbox.factories import ContactFactory, ConversationFactory, IntakeChannelFactory

ROME = ZoneInfo("Europe/Rome")


def at(year, month, day, hour=10, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=ROME)


def channels(company):
    """The company's form, email and LinkedIn channels, made on the first call."""
    form = IntakeChannel.objects.for_company(company).filter(kind=IntakeChannel.Kind.FORM).first()
    if form is None:
        form = IntakeChannelFactory(company=company, kind=IntakeChannel.Kind.FORM, name="Sito")
        IntakeChannelFactory(company=company, kind=IntakeChannel.Kind.EMAIL, name="Email")
        ContentChannelFactory(company=company, kind=ChannelKind.LINKEDIN, name="LinkedIn")
    email = IntakeChannel.objects.for_company(company).get(kind=IntakeChannel.Kind.EMAIL)
    return form, email, ContentChannel.objects.for_company(company).get(name="LinkedIn")


def fill(company, *, scale: int = 1, year_before: bool = False, recorded_by=None):
    form, email, linkedin = channels(company)
    months = [(2026, 10), (2026, 11)] + ([(2025, 11)] if year_before else [])
    for year, month in months:
        for n in range(scale):
            contact = ContactFactory(company=company)
            for day, channel, seconds in ((3, form, 1800), (4, form, 3600), (5, email, 600)):
                ConversationFactory(
                    company=company,
                    channel=channel,
                    contact=contact,
                    created_at=at(year, month, day),
                    first_response_at=at(year, month, day, 11),
                    first_response_due_at=at(year, month, day, 14),
                    first_response_seconds=seconds,
                    department=Department.SALES if day == 3 else "",
                )
            ContentItemFactory(
                company=company,
                channel=linkedin,
                status=ContentItem.Status.PUBLISHED,
                scheduled_at=at(year, month, 6 + n % 20),
                published_at=at(year, month, 6 + n % 20),
                published_url="https://www.linkedin.com/feed/",
            )
            ContentItemFactory(
                company=company, channel=linkedin, status=ContentItem.Status.DRAFT, scheduled_at=at(year, month, 27)
            )
            SpendFactory(
                company=company,
                spent_on=at(year, month, 7).date(),
                amount=Decimal("1234.56"),
                channel=Channel.GOOGLE_ADS,
                status=Spend.Status.APPROVED,
                recorded_by=recorded_by,
            )
        BudgetLine.objects.get_or_create(
            company=company,
            month=at(year, month, 1).date(),
            channel=Channel.GOOGLE_ADS,
            defaults={"planned_amount": Decimal("2000")},
        )
    return form, email, linkedin
