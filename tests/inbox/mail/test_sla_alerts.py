"""SLA alerts: one digest per person per run, each conversation alerted once."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from engagements.models import JobRun
from engagements.roles import Role
from engagements.schedule.models import PresencePeriod
from engagements.schedule.services import presence_period_create
from inbox.mail.alerts import alert_candidates, sla_alerts_send
from inbox.mail.tasks import sla_alerts
from inbox.models import Conversation
from inbox.sla import first_response_due
from tests.factories import CompanyFactory, MembershipFactory, UserFactory
from tests.inbox.mail.conftest import text_of
from tests.inbox.mail.factories import ConversationFactory
from tests.plan.factories import make_engagement

pytestmark = pytest.mark.django_db

ROME = ZoneInfo("Europe/Rome")
# Wednesday 11 November 2026, 10:00.
NOW = datetime(2026, 11, 11, 10, tzinfo=ROME)


@pytest.fixture(autouse=True)
def wednesday_morning():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def engagement(company, consultant, digital_manager):
    consultant.first_name = "Marco"
    consultant.save()
    return make_engagement(company, consultant, digital_manager, starts_on=date(2026, 9, 1))


def waiting(company, received, **extra):
    return ConversationFactory(
        company=company,
        created_at=received,
        first_response_due_at=first_response_due(company, received),
        **extra,
    )


def test_an_overdue_enquiry_is_reported_to_the_consultant(mailbox, company, engagement, consultant):
    # Received Tuesday 10:00: due Tuesday 15:30.
    late = waiting(company, datetime(2026, 11, 10, 10, tzinfo=ROME), subject="Valvole in ritardo")
    assert sla_alerts() == 1

    sent = mailbox.only()
    assert mailbox.envelopes[0].rcpt_tos == [consultant.email]
    assert sent["Subject"] == "[Staffetta] 1 richiesta aspetta una risposta"
    text = text_of(sent)
    assert "Ciao Marco," in text
    assert "Valvole in ritardo" in text
    assert "In ritardo: la risposta era da dare entro martedì 10 novembre, 15:30." in text
    assert f"https://staffetta.example/c/{company.slug}/inbox/{late.pk}/" in text
    late.refresh_from_db()
    assert late.sla_alerted_at == NOW
    assert JobRun.objects.get(name="sla_alerts").run_count == 1


def test_an_enquiry_at_risk_is_reported_in_the_recipients_language(mailbox, company, engagement, consultant):
    consultant.language = "en"
    consultant.save()
    # Received Tuesday 15:00: due Wednesday 9:30 … at 10:00 it is already late; take 16:00: due 10:30.
    waiting(company, datetime(2026, 11, 10, 16, tzinfo=ROME), subject="Raccordi")
    sla_alerts()

    sent = mailbox.only()
    assert sent["Subject"] == "[Staffetta] 1 enquiry needs an answer"
    assert "At risk: the answer is due by Wednesday 11 November, 10:30." in text_of(sent)


def test_two_runs_alert_once(mailbox, company, engagement):
    waiting(company, datetime(2026, 11, 10, 10, tzinfo=ROME))
    assert sla_alerts() == 1
    assert sla_alerts() == 0
    assert len(mailbox.messages) == 1


def test_a_conversation_claimed_by_another_run_is_left_to_it(mailbox, company, engagement):
    claimed = waiting(company, datetime(2026, 11, 10, 10, tzinfo=ROME))
    Conversation.objects.filter(pk=claimed.pk).update(sla_alerted_at=NOW - timedelta(seconds=1))
    assert sla_alerts() == 0
    assert mailbox.messages == []


def test_on_time_answered_resolved_and_spam_conversations_are_not_reported(mailbox, company, engagement):
    received = datetime(2026, 11, 10, 10, tzinfo=ROME)
    waiting(company, NOW)  # on time: due this afternoon
    waiting(company, received, first_response_at=received + timedelta(hours=1))
    waiting(company, received, status=Conversation.Status.RESOLVED)
    waiting(company, received, status=Conversation.Status.SPAM)
    assert sla_alerts() == 0
    assert mailbox.messages == []


def test_several_conversations_make_one_digest(mailbox, company, engagement):
    for hour in (9, 10, 11):
        waiting(company, datetime(2026, 11, 10, hour, tzinfo=ROME))
    assert sla_alerts() == 1
    assert mailbox.only()["Subject"] == "[Staffetta] 3 richieste aspettano una risposta"


def test_a_consultant_of_two_companies_gets_one_digest(mailbox, company, engagement, consultant):
    other = CompanyFactory(name="Tessiture Astico", slug="tessiture-astico")
    make_engagement(other, consultant, starts_on=date(2026, 9, 1))
    waiting(company, datetime(2026, 11, 10, 10, tzinfo=ROME), subject="Valvole")
    waiting(other, datetime(2026, 11, 10, 10, tzinfo=ROME), subject="Tessuti")

    assert sla_alerts() == 1
    text = text_of(mailbox.only())
    assert "== Officine Test ==" in text
    assert "== Tessiture Astico ==" in text


def test_without_an_engagement_the_owners_are_told(mailbox, company, owner):
    second_owner = MembershipFactory(company=company, role=Role.OWNER, user=UserFactory(email="socio@example.com")).user
    waiting(company, datetime(2026, 11, 10, 10, tzinfo=ROME))
    assert sla_alerts() == 2
    assert sorted(e.rcpt_tos[0] for e in mailbox.envelopes) == sorted([owner.email, second_owner.email])


def test_a_closed_engagement_does_not_count(mailbox, company, engagement, owner):
    type(engagement).objects.filter(pk=engagement.pk).update(status="closed")
    waiting(company, datetime(2026, 11, 10, 10, tzinfo=ROME))
    sla_alerts()
    assert [e.rcpt_tos for e in mailbox.envelopes] == [[owner.email]]


def test_nobody_to_tell_leaves_the_conversation_for_later(mailbox, company):
    late = waiting(company, datetime(2026, 11, 10, 10, tzinfo=ROME))
    assert sla_alerts() == 0
    late.refresh_from_db()
    assert late.sla_alerted_at is None


class TestUrgent:
    @pytest.fixture
    def mornings(self, company, digital_manager):
        presence_period_create(
            company=company,
            trainee=digital_manager,
            name="Mattine",
            kind=PresencePeriod.Kind.REGULAR,
            starts_on=date(2026, 11, 2),
            slots=[(day, time(9), time(13)) for day in range(5)],
        )

    def test_an_urgent_enquiry_that_arrived_off_duty_is_reported_at_once(self, mailbox, company, engagement, mornings):
        # Arrived at 8:00 (the trainee starts at 9:00): not at risk yet, but urgent.
        urgent = waiting(
            company,
            datetime(2026, 11, 11, 8, tzinfo=ROME),
            priority=Conversation.Priority.URGENT,
            subject="Fermo linea",
        )
        assert sla_alerts() == 1
        assert "Urgente, ed è arrivata mentre il digital manager non era in servizio." in text_of(mailbox.only())
        urgent.refresh_from_db()
        assert urgent.sla_alerted_at is not None

    def test_an_urgent_enquiry_that_arrived_on_duty_waits_for_the_trainee(self, mailbox, company, engagement, mornings):
        waiting(company, datetime(2026, 11, 11, 9, 30, tzinfo=ROME), priority=Conversation.Priority.URGENT)
        assert sla_alerts() == 0

    def test_without_a_schedule_nobody_is_on_duty(self, mailbox, company, engagement):
        waiting(company, datetime(2026, 11, 11, 9, 30, tzinfo=ROME), priority=Conversation.Priority.URGENT)
        assert sla_alerts() == 1


def test_a_failed_digest_releases_its_claims(smtp_settings, company, engagement):
    late = waiting(company, datetime(2026, 11, 10, 10, tzinfo=ROME))
    assert sla_alerts_send() == 0  # nobody listens on the SMTP port
    late.refresh_from_db()
    assert late.sla_alerted_at is None


def test_finding_candidates_costs_the_same_with_ten_times_the_conversations(
    company, engagement, django_assert_max_num_queries
):
    for _ in range(3):
        waiting(company, datetime(2026, 11, 10, 10, tzinfo=ROME), priority=Conversation.Priority.URGENT)
    # at-risk cutoff: business hours, presence periods; the conversations; presence for the urgent ones
    with django_assert_max_num_queries(5):
        few = alert_candidates(company, NOW)
    for _ in range(27):
        waiting(company, datetime(2026, 11, 10, 10, tzinfo=ROME), priority=Conversation.Priority.URGENT)
    with django_assert_max_num_queries(5):
        many = alert_candidates(company, NOW)
    assert (len(few), len(many)) == (3, 30)
