"""The weekly portfolio digest: each consultant, once per ISO week, from Monday 07:00."""

from datetime import date, datetime, timedelta
from decimal import Decimal

import time_machine

from contentdesk.models import ContentItem
from digests.models import Dispatch
from digests.portfolio import portfolio_digests_send
from digests.tasks import portfolio_digests
from engagements.budgets.models import Spend
from engagements.roles import Role
from tests.budgets.factories import SpendFactory
from tests.contentdesk.factories import ContentItemFactory
from tests.digests.conftest import NOW, ROME
from tests.factories import CompanyFactory, MembershipFactory
from tests.inbox.factories import ConversationFactory
from tests.inbox.mail.conftest import text_of
from tests.plan.factories import make_engagement

MONDAY = datetime(2026, 11, 23, 7, 0, tzinfo=ROME)


def _portfolio(company, other_company, consultant):
    """The consultant runs `company` and `other_company`; a third company is someone else's."""
    MembershipFactory(company=other_company, user=consultant, role=Role.CONSULTANT)
    make_engagement(company, consultant, starts_on=date(2026, 9, 1))
    ConversationFactory(
        company=company,
        subject="Richiesta scaduta",
        created_at=NOW - timedelta(days=2),
        first_response_due_at=NOW - timedelta(days=1),
    )
    ContentItemFactory(company=company, status=ContentItem.Status.IN_REVIEW)
    ContentItemFactory(company=other_company, status=ContentItem.Status.IN_REVIEW)
    ContentItemFactory(company=other_company, status=ContentItem.Status.IN_REVIEW)
    SpendFactory(company=company, amount=Decimal("500.00"), status=Spend.Status.PENDING)
    elsewhere = CompanyFactory(name="Cliente di un altro")
    ConversationFactory(company=elsewhere, first_response_due_at=NOW - timedelta(days=1))
    return elsewhere


def test_consultant_gets_one_email_listing_each_of_their_companies(db, company, other_company, consultant, smtp):
    _portfolio(company, other_company, consultant)
    assert portfolio_digests_send(MONDAY) == 1
    message = smtp.only()
    assert message["To"] == consultant.email
    assert "Il tuo portafoglio questa settimana (23 novembre): 2 aziende" in message["Subject"]
    text = text_of(message)
    assert "== Officine Test ==" in text
    assert "== Altra Azienda ==" in text
    assert "Cliente di un altro" not in text
    officine = text.split("== Officine Test ==")[1]
    assert "Richieste oltre il tempo di risposta: 1" in officine
    assert "Contenuti in attesa di approvazione: 1" in officine
    assert "Spese in attesa di approvazione: 1" in officine
    assert "Prossima tappa:" in officine
    altra = text.split("== Altra Azienda ==")[1].split("== Officine")[0]
    assert "Contenuti in attesa di approvazione: 2" in altra
    assert "Nessun incarico aperto." in altra


def test_once_per_week_whatever_the_number_of_runs(db, company, other_company, consultant, smtp):
    _portfolio(company, other_company, consultant)
    assert portfolio_digests_send(MONDAY) == 1
    assert portfolio_digests_send(MONDAY + timedelta(minutes=15)) == 0
    with time_machine.travel(MONDAY + timedelta(hours=2), tick=False):
        assert portfolio_digests() == 0
    assert portfolio_digests_send(MONDAY + timedelta(days=1)) == 0
    assert len(smtp.messages) == 1
    assert portfolio_digests_send(MONDAY + timedelta(days=7)) == 1
    assert len(smtp.messages) == 2


def test_it_waits_for_monday_seven_in_the_consultants_first_company(db, company, consultant, smtp):
    make_engagement(company, consultant, starts_on=date(2026, 9, 1))
    assert portfolio_digests_send(datetime(2026, 11, 22, 23, 0, tzinfo=ROME)) == 0  # Sunday night
    assert portfolio_digests_send(datetime(2026, 11, 23, 6, 59, tzinfo=ROME)) == 0
    assert not Dispatch.objects.exists()
    assert portfolio_digests_send(datetime(2026, 11, 23, 7, 0, tzinfo=ROME)) == 1


def test_a_run_missed_at_seven_is_caught_up_that_monday_but_not_on_tuesday(db, company, consultant, smtp):
    make_engagement(company, consultant, starts_on=date(2026, 9, 1))
    assert portfolio_digests_send(datetime(2026, 11, 24, 7, 30, tzinfo=ROME)) == 0
    assert portfolio_digests_send(datetime(2026, 11, 30, 16, 0, tzinfo=ROME)) == 1


def test_only_consultants_get_it(db, company, owner, digital_manager, consultant, smtp):
    make_engagement(company, consultant, starts_on=date(2026, 9, 1))
    portfolio_digests_send(MONDAY)
    assert [m["To"] for m in smtp.messages] == [consultant.email]


def test_a_failed_send_is_given_back(db, company, consultant, smtp_down):
    make_engagement(company, consultant, starts_on=date(2026, 9, 1))
    assert portfolio_digests_send(MONDAY) == 0
    assert not Dispatch.objects.exists()
