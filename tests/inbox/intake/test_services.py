"""contact_upsert, conversation_open and channels_ensure_defaults."""

from datetime import UTC, datetime

import pytest

from inbox import services
from inbox.models import Contact, Conversation, IntakeChannel, Message
from inbox.services import channels_ensure_defaults, contact_upsert, conversation_open
from tests.factories import CompanyFactory
from tests.inbox.intake.factories import ContactFactory, IntakeChannelFactory


def test_contacts_are_one_per_email_whatever_the_case(company):
    first = contact_upsert(company=company, email="Anna.Rossi@Example.com", name="Anna")
    second = contact_upsert(company=company, email="  anna.rossi@example.COM ", organisation="Rossi Srl")
    assert first.pk == second.pk
    assert Contact.objects.count() == 1
    assert (second.email, second.name, second.organisation) == ("anna.rossi@example.com", "Anna", "Rossi Srl")


def test_a_contact_created_elsewhere_with_capitals_is_found(company):
    existing = ContactFactory(company=company, email="Mario@Example.com")
    assert contact_upsert(company=company, email="mario@example.com").pk == existing.pk


def test_the_same_email_in_another_company_is_another_contact(company, other_company):
    contact_upsert(company=company, email="anna@example.com")
    contact_upsert(company=other_company, email="anna@example.com")
    assert Contact.objects.for_company(company).count() == Contact.objects.for_company(other_company).count() == 1


def test_an_empty_value_never_overwrites_a_filled_one_and_a_new_value_does(company):
    contact_upsert(company=company, email="a@example.com", name="Anna", phone="045 1", language="it")
    contact = contact_upsert(company=company, email="a@example.com", name="", phone="045 2", language="")
    contact.refresh_from_db()
    assert (contact.name, contact.phone, contact.language) == ("Anna", "045 2", "it")


def test_consent_is_recorded_with_time_text_and_source(company):
    given = datetime(2025, 3, 14, 8, 30, tzinfo=UTC)
    contact = contact_upsert(
        company=company,
        email="a@example.com",
        consent={"given_at": given, "text": "Acconsento.", "source": "Modulo del sito"},
    )
    assert (contact.consent_given_at, contact.consent_text, contact.consent_source) == (
        given,
        "Acconsento.",
        "Modulo del sito",
    )
    later = contact_upsert(
        company=company, email="a@example.com", consent={"given_at": "2025-04-01T10:00:00+02:00", "text": "Sì."}
    )
    assert later.consent_given_at == datetime(2025, 4, 1, 8, 0, tzinfo=UTC)
    assert later.consent_source == "Modulo del sito"  # no source this time: the old one stays


def test_without_update_an_existing_contact_is_left_alone(company):
    ContactFactory(company=company, email="a@example.com", name="Anna")
    contact = contact_upsert(company=company, email="a@example.com", name="Bot", update_existing=False)
    contact.refresh_from_db()
    assert contact.name == "Anna"


def test_without_email_every_visitor_is_a_new_contact(company):
    contact_upsert(company=company, email="", name="Chat 1")
    contact_upsert(company=company, email="", name="Chat 2")
    assert Contact.objects.count() == 2


def test_two_requests_creating_the_same_contact_at_once_end_with_one(company, monkeypatch):
    existing = ContactFactory(company=company, email="a@example.com")
    real_lookup = services._contact_by_email
    calls = []

    def lookup_that_misses_first(company, email):
        calls.append(email)
        return None if len(calls) == 1 else real_lookup(company, email)

    monkeypatch.setattr(services, "_contact_by_email", lookup_that_misses_first)
    contact = contact_upsert(company=company, email="A@example.com", name="Anna")
    assert contact.pk == existing.pk
    assert Contact.objects.count() == 1


def test_conversation_open_creates_the_conversation_and_its_first_message(company, monkeypatch):
    channel = IntakeChannelFactory(company=company)
    contact = ContactFactory(company=company)
    received = datetime(2025, 3, 14, 8, 30, tzinfo=UTC)
    due = datetime(2025, 3, 14, 12, 30, tzinfo=UTC)
    monkeypatch.setattr("inbox.sla.first_response_due", lambda c, at: due if (c, at) == (company, received) else None)

    conversation = conversation_open(
        company=company,
        channel=channel,
        contact=contact,
        subject="  Richiesta\n preventivo ",
        text="Buongiorno",
        html='<p onclick="x()">Buongiorno<script>alert(1)</script></p>',
        language="it",
        landing_page="https://www.example.it/p",
        referrer="javascript:alert(1)",
        utm={"utm_source": "newsletter", "medium": "email", "nonsense": "x"},
        received_at=received,
    )

    assert conversation.subject == "Richiesta preventivo"
    assert conversation.status == Conversation.Status.NEW
    assert (conversation.created_at, conversation.last_activity_at, conversation.first_response_due_at) == (
        received,
        received,
        due,
    )
    assert (conversation.utm_source, conversation.utm_medium) == ("newsletter", "email")
    assert (conversation.landing_page, conversation.referrer) == ("https://www.example.it/p", "")
    message = Message.objects.get(conversation=conversation)
    assert (message.direction, message.body_text, message.company) == (Message.Direction.IN, "Buongiorno", company)
    assert message.body_html == "<p>Buongiorno</p>"
    assert message.created_at == received


@pytest.mark.parametrize(
    ("subject", "text", "expected"),
    [
        ("", "\n  Vorrei un preventivo\nper 200 pezzi", "Vorrei un preventivo"),
        ("", "x" * 100, "x" * 79 + "…"),
        ("", "", "—"),
    ],
)
def test_without_a_subject_the_first_line_of_the_message_is_used(company, subject, text, expected):
    conversation = conversation_open(
        company=company, channel=None, contact=ContactFactory(company=company), subject=subject, text=text
    )
    assert conversation.subject == expected


def test_html_only_messages_get_their_text_from_the_html(company):
    conversation = conversation_open(
        company=company,
        channel=None,
        contact=ContactFactory(company=company),
        subject="Ciao",
        text="",
        html="<p>Prezzo &amp; consegna</p>",
    )
    assert conversation.messages.get().body_text == "Prezzo & consegna"


def test_default_channels_are_created_once_in_the_company_language(db):
    company = CompanyFactory(language="en")
    first = channels_ensure_defaults(company)
    second = channels_ensure_defaults(company)
    assert [c.pk for c in first] == [c.pk for c in second]
    assert [(c.kind, c.name) for c in first] == [("form", "Website form"), ("webhook", "Webhook")]
    assert IntakeChannel.objects.for_company(company).count() == 2


def test_default_channels_names_are_italian_for_an_italian_company(company):
    form, _webhook = channels_ensure_defaults(company)
    assert form.name == "Modulo del sito web"


def test_utm_values_are_read_from_the_landing_page_when_not_sent(company):
    contact = ContactFactory(company=company)
    conversation = conversation_open(
        company=company,
        channel=None,
        contact=contact,
        subject="Preventivo",
        text="Buongiorno",
        landing_page="https://www.example.it/valvole?utm_source=linkedin&utm_medium=social&utm_content=sf-12",
    )
    assert (conversation.utm_source, conversation.utm_medium, conversation.utm_content) == (
        "linkedin",
        "social",
        "sf-12",
    )


def test_utm_values_sent_explicitly_win_over_the_landing_page(company):
    contact = ContactFactory(company=company)
    conversation = conversation_open(
        company=company,
        channel=None,
        contact=contact,
        subject="Preventivo",
        text="Buongiorno",
        landing_page="https://www.example.it/?utm_source=facebook&utm_campaign=old",
        utm={"source": "newsletter"},
    )
    assert (conversation.utm_source, conversation.utm_campaign) == ("newsletter", "old")
