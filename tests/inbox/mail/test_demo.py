"""The demo inbox: a few hundred believable conversations, quickly, without sending mail."""

import time as clock
from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone

from engagements.schedule.services import presence_default_plan
from inbox.demo import seed_demo_inbox
from inbox.models import CannedReply, Contact, Conversation, Message
from inbox.sla import business_seconds, sla_state

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(company, digital_manager, consultant, colleague, mailoutbox):
    digital_manager.first_name, digital_manager.last_name = "Chiara", "Dal Lago"
    digital_manager.save()
    today = timezone.localdate(timezone=company.tzinfo)
    presence_default_plan(company=company, trainee=digital_manager, start=today - timedelta(days=120))
    started = clock.monotonic()
    created = seed_demo_inbox(
        company, digital_manager=digital_manager, consultant=consultant, colleague_sales=colleague, today=today
    )
    return created, clock.monotonic() - started


def test_a_few_hundred_conversations_are_created_in_seconds(seeded, company):
    created, seconds = seeded
    assert created == 300 == Conversation.objects.for_company(company).count()
    assert seconds < 10


def test_seeding_again_changes_nothing(seeded, company, digital_manager, consultant, colleague):
    messages = Message.objects.for_company(company).count()
    again = seed_demo_inbox(
        company,
        digital_manager=digital_manager,
        consultant=consultant,
        colleague_sales=colleague,
        today=timezone.localdate(),
    )
    assert again == 0
    assert Message.objects.for_company(company).count() == messages


def test_no_email_is_sent(seeded, mailoutbox):
    assert mailoutbox == []


def test_the_conversations_span_six_months_in_italian_and_some_english(seeded, company):
    conversations = Conversation.objects.for_company(company)
    oldest = conversations.order_by("created_at").first().created_at
    assert timezone.now() - oldest > timedelta(days=150)
    languages = Counter(conversations.exclude(status=Conversation.Status.SPAM).values_list("language", flat=True))
    english = languages["en"] / sum(languages.values())
    assert 0.08 < english < 0.25
    assert set(languages) == {"it", "en"}


def test_statuses_are_spread_with_most_resolved_and_a_few_spam(seeded, company):
    statuses = Counter(Conversation.objects.for_company(company).values_list("status", flat=True))
    assert statuses[Conversation.Status.RESOLVED] > 150
    assert statuses[Conversation.Status.SPAM] >= 3
    assert statuses[Conversation.Status.NEW] + statuses[Conversation.Status.OPEN] >= 5
    assert statuses[Conversation.Status.WAITING_CUSTOMER] >= 3


def test_some_are_routed_to_sales_and_answered_by_the_colleague(seeded, company, colleague):
    routed = Conversation.objects.for_company(company).filter(routed_to=colleague)
    assert routed.count() >= 20
    assert routed.filter(department="sales").count() == routed.count()
    answers = Message.objects.for_company(company).filter(author=colleague, direction=Message.Direction.OUT)
    assert answers.count() >= 15
    assert Message.objects.for_company(company).filter(direction=Message.Direction.NOTE).count() >= 20


def test_first_responses_are_timed_in_business_hours(seeded, company):
    answered = list(Conversation.objects.for_company(company).filter(first_response_at__isnull=False)[:40])
    assert len(answered) == 40
    for conversation in answered:
        assert conversation.first_response_at > conversation.created_at
        assert conversation.first_response_seconds == business_seconds(
            company, conversation.created_at, conversation.first_response_at
        )
    on_target = sum(c.first_response_at <= c.first_response_due_at for c in answered)
    assert on_target >= 25  # most within the target, some late


def test_the_open_ones_have_an_sla_state(seeded, company):
    now = timezone.now()
    waiting = (
        Conversation.objects.for_company(company)
        .filter(first_response_at__isnull=True)
        .exclude(status=Conversation.Status.SPAM)
    )
    states = {sla_state(c, now) for c in waiting.select_related("company")}
    assert states <= {"on_time", "at_risk", "breached"}
    assert states


def test_acknowledgements_are_automatic_and_name_the_reference(seeded, company):
    acks = Message.objects.for_company(company).filter(is_automatic=True).select_related("conversation")
    assert acks.count() > 200
    ack = acks.filter(conversation__language="it").first()
    assert ack.author is None
    assert ack.sent_at is not None
    assert f"#{ack.conversation.pk}" in ack.body_text
    assert not acks.filter(conversation__status=Conversation.Status.SPAM).exists()


def test_replies_are_threaded(seeded, company, digital_manager):
    reply = (
        Message.objects.for_company(company)
        .filter(author=digital_manager, direction=Message.Direction.OUT, conversation__channel__kind="form")
        .first()
    )
    assert reply.message_id.startswith("<")
    assert reply.in_reply_to.startswith("<")
    assert reply.in_reply_to in reply.references.split()


def test_tags_utm_and_landing_pages(seeded, company):
    conversations = Conversation.objects.for_company(company)
    for tag in ("preventivo", "tecnico", "reclamo", "cliente"):
        assert conversations.filter(tags__name=tag).exists()
    assert conversations.exclude(utm_source="").count() >= 30
    assert conversations.exclude(landing_page="").count() >= 80


def test_contacts_are_companies_near_vicenza_and_abroad(seeded, company):
    organisations = set(Contact.objects.for_company(company).values_list("organisation", flat=True))
    assert {"Idraulica Veneta Srl", "Meccanica Bassano Srl", "Hydro Systems Ltd"} <= organisations
    assert Contact.objects.for_company(company).filter(kind=Contact.Kind.CUSTOMER).exists()


def test_canned_replies_in_italian_and_english_one_from_a_colleague(seeded, company):
    canned = CannedReply.objects.for_company(company)
    assert set(canned.values_list("language", flat=True)) == {"it", "en"}
    assert canned.filter(source_message__isnull=False).count() == 1
