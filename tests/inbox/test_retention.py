"""Data retention (GDPR): old enquiries are emptied of texts and personal data, the figures stay."""

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from digests.tasks import enquiries_retention_purge
from engagements.models import JobRun, Membership
from engagements.roles import Department
from inbox.chat.models import ChatSession
from inbox.metrics import figures, monthly_enquiries
from inbox.models import Attachment, Contact, Conversation, InboundItem, IntakeChannel, Message
from inbox.retention import company_enquiries_purge, contact_anonymise, conversation_anonymise
from inbox.search import search_conversations
from reports.figures import month_snapshot
from reports.period import Month
from tests.inbox.factories import (
    AttachmentFactory,
    ContactFactory,
    ConversationFactory,
    IntakeChannelFactory,
    MessageFactory,
)

ROME = ZoneInfo("Europe/Rome")
NOW = datetime(2026, 11, 20, 3, 0, tzinfo=ROME)
OLD = datetime(2025, 3, 10, 10, 0, tzinfo=ROME)  # twenty months before NOW
RECENT = datetime(2026, 9, 14, 10, 0, tzinfo=ROME)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _enquiry(company, when, channel=None, contact=None, **extra):
    conversation = ConversationFactory(
        company=company,
        created_at=when,
        last_activity_at=when + timedelta(days=2),
        first_response_due_at=when + timedelta(hours=4),
        first_response_at=when + timedelta(hours=2),
        first_response_seconds=7200,
        subject=extra.pop("subject", "Preventivo valvole ottone"),
        utm_source="linkedin",
        utm_medium="social",
        utm_campaign="fiera",
        topic="Preventivi",
        **({"channel": channel} if channel else {}),
        **({"contact": contact} if contact else {}),
        **extra,
    )
    message = MessageFactory(
        conversation=conversation,
        body_text="Sono Mario Rossi, tel. 333 1234567: vorrei un preventivo per valvole in ottone.",
        body_html="<p>Sono Mario Rossi</p>",
        message_id="<abc@mail.rossi.it>",
    )
    MessageFactory(
        conversation=conversation,
        direction=Message.Direction.OUT,
        body_text="Gentile Mario Rossi, ecco il preventivo.",
        created_at=when + timedelta(hours=2),
    )
    return conversation, message


@pytest.fixture
def history(company):
    """Two years of enquiries: old ones from several channels and people, recent ones too."""
    form = IntakeChannelFactory(company=company, kind=IntakeChannel.Kind.FORM)
    email = IntakeChannelFactory(company=company, kind=IntakeChannel.Kind.EMAIL, name="Email")
    old_person = ContactFactory(company=company, name="Mario Rossi", email="mario@rossi.it", phone="3331234567")
    returning = ContactFactory(company=company, name="Lucia Bianchi", email="lucia@bianchi.it")
    old, message = _enquiry(company, OLD, form, old_person, department=Department.SALES)
    _enquiry(company, OLD + timedelta(days=3), email, returning, status=Conversation.Status.RESOLVED)
    _enquiry(company, OLD + timedelta(days=5), form, subject="Spam", status=Conversation.Status.SPAM)
    _enquiry(company, RECENT, email, returning, subject="Nuovo ordine di flange")
    AttachmentFactory(message=message)
    return {"old": old, "old_person": old_person, "returning": returning, "message": message}


def _all_figures(company):
    months = [(date(2025, 3, 1), date(2025, 3, 31)), (date(2026, 9, 1), date(2026, 9, 30))]
    snapshot = month_snapshot(company, Month.of(date(2025, 3, 1)))
    snapshot.pop("computed_at", None)
    return {
        "inbox": [figures(company, start, end, now=NOW) for start, end in months],
        "series": monthly_enquiries(company, date(2025, 1, 1), date(2026, 11, 1)),
        "report": snapshot,
    }


def test_purge_keeps_every_figure_exactly_the_same(company, history):
    company.enquiry_retention_months = 12
    company.save()
    before = _all_figures(company)
    assert before["inbox"][0]["enquiries"] == 2
    assert company_enquiries_purge(company=company, now=NOW) == (3, 2)
    assert _all_figures(company) == before


def test_purge_erases_texts_and_personal_data_of_old_enquiries(company, history):
    company.enquiry_retention_months = 12
    company.save()
    company_enquiries_purge(company=company, now=NOW)
    old = Conversation.objects.get(pk=history["old"].pk)
    assert old.subject == ""
    assert old.anonymised_at is not None
    assert (old.topic, old.utm_source, old.utm_campaign, old.first_response_seconds) == (
        "Preventivi",
        "linkedin",
        "fiera",
        7200,
    )
    assert set(Message.objects.filter(conversation=old).values_list("body_text", "body_html", "message_id")) == {
        ("", "", "")
    }
    person = Contact.objects.get(pk=history["old_person"].pk)
    assert (person.name, person.email, person.phone, person.organisation) == ("", "", "", "")
    assert person.anonymised_at is not None


def test_a_contact_with_a_newer_conversation_keeps_its_data(company, history):
    company.enquiry_retention_months = 12
    company.save()
    company_enquiries_purge(company=company, now=NOW)
    returning = Contact.objects.get(pk=history["returning"].pk)
    assert (returning.name, returning.email) == ("Lucia Bianchi", "lucia@bianchi.it")
    assert Conversation.objects.get(subject="Nuovo ordine di flange").anonymised_at is None


def test_attachment_files_are_removed_from_disk(company, history, django_capture_on_commit_callbacks):
    company.enquiry_retention_months = 12
    company.save()
    path = Path(Attachment.objects.get().file.path)
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        company_enquiries_purge(company=company, now=NOW)
    assert not Attachment.objects.exists()
    assert not path.exists()


def test_purged_text_is_no_longer_found_by_search(company, history, digital_manager):
    company.enquiry_retention_months = 12
    company.save()
    membership = Membership.objects.get(user=digital_manager, company=company)
    assert history["old"] in search_conversations(company, membership, "Rossi")
    company_enquiries_purge(company=company, now=NOW)
    for word in ("Rossi", "mario@rossi.it", "ottone", "333"):
        assert not search_conversations(company, membership, word).filter(pk=history["old"].pk).exists()
    assert search_conversations(company, membership, "flange").exists()


def test_without_a_retention_setting_everything_is_kept(company, history):
    assert company.enquiry_retention_months is None
    assert company_enquiries_purge(company=company, now=NOW) == (0, 0)
    enquiries_retention_purge()
    assert not Conversation.objects.filter(anonymised_at__isnull=False).exists()
    assert Contact.objects.get(pk=history["old_person"].pk).email == "mario@rossi.it"
    assert Attachment.objects.count() == 1


def test_the_limit_follows_the_setting(company, history):
    company.enquiry_retention_months = 60
    company.save()
    assert company_enquiries_purge(company=company, now=NOW) == (0, 0)
    company.enquiry_retention_months = 24
    company.save()
    assert company_enquiries_purge(company=company, now=NOW) == (0, 0)  # twenty months old
    company.enquiry_retention_months = 12
    company.save()
    assert company_enquiries_purge(company=company, now=NOW)[0] == 3


def test_the_job_run_twice_changes_nothing_more(company, other_company, history):
    company.enquiry_retention_months = 12
    company.save()
    other, _message = _enquiry(other_company, OLD, subject="Richiesta di un'altra azienda")
    assert enquiries_retention_purge() == 3
    first = list(Conversation.objects.order_by("pk").values())
    assert enquiries_retention_purge() == 0
    assert list(Conversation.objects.order_by("pk").values()) == first
    assert JobRun.objects.get(name="enquiries_retention_purge").run_count == 2
    # Another company's enquiries follow only that company's setting (none here).
    assert Conversation.objects.get(pk=other.pk).subject == "Richiesta di un'altra azienda"


def test_anonymising_also_clears_the_intake_payload_and_the_chat_address(company):
    chat = IntakeChannelFactory(company=company, kind=IntakeChannel.Kind.CHAT, name="Chat")
    conversation, _message = _enquiry(company, OLD, chat)
    item = InboundItem.objects.create(
        company=company,
        channel=chat,
        payload={"name": "Mario Rossi", "email": "mario@rossi.it"},
        remote_addr="203.0.113.7",
        user_agent="Firefox",
        conversation=conversation,
    )
    session = ChatSession.objects.create(company=company, channel=chat, conversation=conversation, email="m@rossi.it")
    conversation_anonymise(conversation)
    conversation_anonymise(conversation)  # twice: nothing breaks
    item.refresh_from_db()
    session.refresh_from_db()
    assert (item.payload, item.remote_addr, item.user_agent) == ({}, None, "")
    assert session.email == ""


def test_contact_anonymise_keeps_the_row_for_the_figures(company):
    contact = ContactFactory(company=company, name="Mario Rossi", phone="333")
    contact_anonymise(contact)
    contact.refresh_from_db()
    assert (contact.name, contact.phone, contact.email) == ("", "", "")
    assert contact.display_name == "Visitatore anonimo"
