"""Replies leave through a real SMTP server, threaded, quoted, with the reply-to token."""

from datetime import datetime, timedelta
from email.utils import parseaddr
from zoneinfo import ZoneInfo

import pytest

from inbox.mail.compose import quote_text
from inbox.mail.tasks import send_message
from inbox.models import Message
from tests.inbox.mail.conftest import html_of, text_of
from tests.inbox.mail.factories import ConversationFactory, MessageFactory

pytestmark = pytest.mark.django_db

ROME = ZoneInfo("Europe/Rome")
RECEIVED = datetime(2026, 11, 10, 10, 5, tzinfo=ROME)


@pytest.fixture
def agent(digital_manager):
    digital_manager.first_name, digital_manager.last_name = "Chiara", "Dal Lago"
    digital_manager.save()
    return digital_manager


@pytest.fixture
def conversation(company):
    return ConversationFactory(company=company, subject="Preventivo valvole a sfera DN50", created_at=RECEIVED)


@pytest.fixture
def enquiry(conversation):
    """An enquiry by email: the customer's Message-ID and their own reference chain."""
    return MessageFactory(
        conversation=conversation,
        created_at=RECEIVED,
        message_id="<first@idraulica-veneta.example>",
        references="<older@idraulica-veneta.example>",
        body_text="Buongiorno,\nvorrei un preventivo per 200 valvole.\n> citazione precedente\n\nGrazie",
    )


def reply(conversation, agent, *, minutes=60, text="Buongiorno Mario,\nin allegato l'offerta.\nChiara", **extra):
    return MessageFactory(
        conversation=conversation,
        direction=Message.Direction.OUT,
        author=agent,
        body_text=text,
        created_at=RECEIVED + timedelta(minutes=minutes),
        **extra,
    )


def test_a_reply_is_threaded_under_the_customers_email(mailbox, enquiry, agent):
    message = reply(enquiry.conversation, agent)
    assert send_message(message.pk) is True

    sent = mailbox.only()
    message.refresh_from_db()
    assert message.sent_at is not None
    assert message.send_error == ""
    assert sent["Message-ID"] == message.message_id
    assert message.message_id.startswith("<")
    assert message.message_id.endswith("@staffetta.example>")
    assert sent["In-Reply-To"] == "<first@idraulica-veneta.example>" == message.in_reply_to
    assert sent["References"].split() == ["<older@idraulica-veneta.example>", "<first@idraulica-veneta.example>"]
    assert message.references == sent["References"]


def test_the_reply_goes_to_the_contact_from_the_agent_via_the_company(mailbox, enquiry, agent):
    contact = enquiry.conversation.contact
    send_message(reply(enquiry.conversation, agent).pk)

    sent = mailbox.only()
    assert mailbox.envelopes[0].rcpt_tos == [contact.email]
    assert parseaddr(str(sent["To"])) == ("Mario Rossi", contact.email)
    assert parseaddr(str(sent["From"])) == ("Chiara Dal Lago tramite Officine Test", "noreply@staffetta.example")
    assert sent["Subject"] == "Re: Preventivo valvole a sfera DN50"


def test_the_reply_to_address_carries_the_conversation_token(mailbox, enquiry, agent, settings):
    send_message(reply(enquiry.conversation, agent).pk)
    token = enquiry.conversation.reply_token
    assert mailbox.only()["Reply-To"] == f"reply+{token}@reply.staffetta.example"


def test_the_inbound_domain_comes_from_the_setting(mailbox, enquiry, agent, settings):
    settings.INBOUND_EMAIL_DOMAIN = "in.officine.example"
    send_message(reply(enquiry.conversation, agent).pk)
    assert mailbox.only()["Reply-To"] == f"reply+{enquiry.conversation.reply_token}@in.officine.example"


def test_the_customers_message_is_quoted_below_the_reply_in_italian(mailbox, enquiry, agent):
    send_message(reply(enquiry.conversation, agent).pk)

    text = text_of(mailbox.only())
    assert text.startswith("Buongiorno Mario,\nin allegato l'offerta.\nChiara\n")
    assert f"Il 10 novembre 2026, 10:05, Mario Rossi <{enquiry.conversation.contact.email}> ha scritto:" in text
    assert "> Buongiorno,\n> vorrei un preventivo per 200 valvole.\n>> citazione precedente\n>\n> Grazie" in text
    assert text.index("in allegato") < text.index("ha scritto:")


def test_the_quote_header_follows_the_conversation_language(mailbox, company, agent):
    conversation = ConversationFactory(company=company, language="en", created_at=RECEIVED)
    MessageFactory(conversation=conversation, created_at=RECEIVED, body_text="Hello,\nwe need 50 fittings.")
    send_message(reply(conversation, agent, text="Dear Mr Rossi, here is our offer.").pk)

    sent = mailbox.only()
    text = text_of(sent)
    assert f"On 10 November 2026, 10:05, Mario Rossi <{conversation.contact.email}> wrote:" in text
    assert parseaddr(str(sent["From"]))[0] == "Chiara Dal Lago via Officine Test"
    assert "> Hello,\n> we need 50 fittings." in text


def test_the_html_part_has_the_reply_and_a_cited_blockquote(mailbox, enquiry, agent):
    send_message(reply(enquiry.conversation, agent, body_html="<p>Buongiorno <strong>Mario</strong></p>").pk)

    html = html_of(mailbox.only())
    assert "<p>Buongiorno <strong>Mario</strong></p>" in html
    assert '<blockquote type="cite"' in html
    assert "vorrei un preventivo per 200 valvole.<br>" in html
    assert html.index("Mario</strong>") < html.index("<blockquote")


def test_plain_text_is_escaped_in_the_html_part(mailbox, enquiry, agent):
    send_message(reply(enquiry.conversation, agent, text="Prezzo < 10 € & consegna <subito>").pk)
    assert "Prezzo &lt; 10 € &amp; consegna &lt;subito&gt;" in html_of(mailbox.only())


def test_a_second_reply_answers_the_customer_and_references_the_whole_thread(mailbox, enquiry, agent):
    first = reply(enquiry.conversation, agent, minutes=60)
    send_message(first.pk)
    second = reply(enquiry.conversation, agent, minutes=120, text="Aggiungo la scheda tecnica.")
    send_message(second.pk)

    first.refresh_from_db()
    latest = mailbox.messages[-1]
    assert latest["In-Reply-To"] == "<first@idraulica-veneta.example>"
    assert latest["References"].split() == [
        "<older@idraulica-veneta.example>",
        first.message_id,
        "<first@idraulica-veneta.example>",
    ]


def test_after_a_web_form_enquiry_the_reply_answers_our_previous_message(mailbox, conversation, agent):
    # A form enquiry has no Message-ID: thread under our first email (e.g. the acknowledgement).
    MessageFactory(conversation=conversation, created_at=RECEIVED, body_text="Vorrei un preventivo.")
    first = reply(conversation, agent, minutes=5, text="Abbiamo ricevuto la richiesta.")
    send_message(first.pk)
    second = reply(conversation, agent, minutes=60, text="Ecco l'offerta.")
    send_message(second.pk)

    first.refresh_from_db()
    assert "In-Reply-To" not in mailbox.messages[0]
    assert mailbox.messages[1]["In-Reply-To"] == first.message_id
    assert mailbox.messages[1]["References"] == first.message_id
    # The quote is still the customer's message, not our own previous one.
    assert "> Vorrei un preventivo." in text_of(mailbox.messages[1])


def test_internal_notes_stay_out_of_the_thread(mailbox, enquiry, agent):
    MessageFactory(
        conversation=enquiry.conversation,
        direction=Message.Direction.NOTE,
        author=agent,
        body_text="Nota interna: cliente importante",
        created_at=RECEIVED + timedelta(minutes=30),
        message_id="<note@x>",
    )
    send_message(reply(enquiry.conversation, agent).pk)
    sent = mailbox.only()
    assert "Nota interna" not in sent.as_string()
    assert "<note@x>" not in sent["References"]


def test_a_message_is_sent_once_even_if_the_task_runs_twice(mailbox, enquiry, agent):
    message = reply(enquiry.conversation, agent)
    assert send_message(message.pk) is True
    assert send_message(message.pk) is False
    assert len(mailbox.messages) == 1


def test_a_message_claimed_by_another_worker_is_not_sent(mailbox, enquiry, agent):
    message = reply(enquiry.conversation, agent)
    Message.objects.filter(pk=message.pk).update(sent_at=RECEIVED)
    assert send_message(message.pk) is False
    assert mailbox.messages == []


def test_an_smtp_failure_is_recorded_and_raised_for_a_retry(smtp_settings, enquiry, agent):
    # No server listens on the port: the connection is refused.
    message = reply(enquiry.conversation, agent)
    with pytest.raises(ConnectionRefusedError):
        send_message(message.pk)
    message.refresh_from_db()
    assert message.sent_at is None
    assert "ConnectionRefusedError" in message.send_error
    assert message.message_id


def test_a_retry_after_a_failure_sends_the_same_message_id(smtp_settings, enquiry, agent, mailbox):
    message = reply(enquiry.conversation, agent)
    port = smtp_settings.EMAIL_PORT
    smtp_settings.EMAIL_PORT = port + 1 if port < 65535 else port - 1
    with pytest.raises(ConnectionRefusedError):
        send_message(message.pk)
    first_id = Message.objects.get(pk=message.pk).message_id
    smtp_settings.EMAIL_PORT = port

    assert send_message(message.pk) is True
    message.refresh_from_db()
    assert mailbox.only()["Message-ID"] == first_id == message.message_id
    assert message.send_error == ""
    assert message.sent_at is not None


def test_no_email_for_a_contact_without_address(mailbox, company, agent):
    conversation = ConversationFactory(company=company, contact__email="", created_at=RECEIVED)
    message = reply(conversation, agent)
    assert send_message(message.pk) is False
    message.refresh_from_db()
    assert mailbox.messages == []
    assert message.sent_at is None
    assert message.send_error


@pytest.mark.parametrize("direction", [Message.Direction.IN, Message.Direction.NOTE])
def test_only_outgoing_messages_are_sent(mailbox, enquiry, agent, direction):
    message = MessageFactory(conversation=enquiry.conversation, direction=direction, author=agent)
    assert send_message(message.pk) is False
    assert mailbox.messages == []


def test_a_missing_message_is_not_an_error(mailbox):
    assert send_message(999_999) is False


def test_a_subject_already_starting_with_re_is_not_prefixed_twice(mailbox, company, agent):
    conversation = ConversationFactory(company=company, subject="RE: valvole", created_at=RECEIVED)
    send_message(reply(conversation, agent).pk)
    assert mailbox.only()["Subject"] == "RE: valvole"


def test_quote_text_prefixes_every_line():
    assert quote_text("uno\n\n> due") == "> uno\n>\n>> due"
    assert quote_text("") == ">"
