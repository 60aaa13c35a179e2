"""The automatic acknowledgement: in the enquiry's language, with the due time; once; never to spam."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from inbox.mail.tasks import send_acknowledgement, send_message
from inbox.models import Conversation, Message
from inbox.sla import first_response_due
from tests.inbox.mail.conftest import html_of, text_of
from tests.inbox.mail.factories import ConversationFactory, MessageFactory

pytestmark = pytest.mark.django_db

ROME = ZoneInfo("Europe/Rome")
# Monday 23 November 2026, 17:00: one business hour left today, so due Tuesday 11:30.
MONDAY_EVENING = datetime(2026, 11, 23, 17, 0, tzinfo=ROME)


@pytest.fixture(autouse=True)
def monday_evening():
    with time_machine.travel(MONDAY_EVENING, tick=True):
        yield


def enquiry(company, *, language="it", text="Buongiorno, vorrei un preventivo per 200 valvole DN50.", **extra):
    conversation = ConversationFactory(
        company=company,
        language=language,
        subject=extra.pop("subject", "Preventivo valvole DN50"),
        created_at=MONDAY_EVENING,
        first_response_due_at=first_response_due(company, MONDAY_EVENING),
        **extra,
    )
    MessageFactory(conversation=conversation, created_at=MONDAY_EVENING, body_text=text)
    return conversation


def test_an_italian_enquiry_gets_an_italian_acknowledgement_with_the_due_time(mailbox, company):
    conversation = enquiry(company)
    assert send_acknowledgement(conversation.pk) is True

    text = text_of(mailbox.only())
    assert "Gentile Mario Rossi," in text
    assert "abbiamo ricevuto la Sua richiesta «Preventivo valvole DN50»" in text
    assert "Le risponderemo entro martedì 24 novembre alle 11:30." in text
    assert f"#{conversation.pk}" in text
    # The enquiry is quoted below, as in a reply.
    assert "> Buongiorno, vorrei un preventivo per 200 valvole DN50." in text


def test_an_english_enquiry_gets_an_english_acknowledgement(mailbox, company):
    conversation = enquiry(company, language="en", text="Hello, we need a quotation for 200 valves.")
    send_acknowledgement(conversation.pk)

    sent = mailbox.only()
    text = text_of(sent)
    assert "Dear Mario Rossi," in text
    assert "We will answer by Tuesday 24 November at 11:30." in text
    assert f"Your reference number is #{conversation.pk}." in text
    assert "We will answer by <strong>" not in html_of(sent)
    assert "<strong>We will answer by Tuesday 24 November at 11:30.</strong>" in html_of(sent)


def test_an_enquiry_in_another_language_is_acknowledged_in_english(mailbox, company):
    conversation = enquiry(company, language="de", text="Guten Tag, wir brauchen ein Angebot.")
    send_acknowledgement(conversation.pk)
    assert "We will answer by Tuesday 24 November at 11:30." in text_of(mailbox.only())


def test_the_acknowledgement_is_recorded_as_an_automatic_message_that_is_no_first_response(mailbox, company):
    conversation = enquiry(company)
    send_acknowledgement(conversation.pk)

    ack = Message.objects.get(conversation=conversation, direction=Message.Direction.OUT)
    assert ack.is_automatic is True
    assert ack.author is None
    assert ack.sent_at is not None
    assert "martedì 24 novembre" in ack.body_text
    conversation.refresh_from_db()
    assert conversation.first_response_at is None


def test_the_acknowledgement_is_threaded_like_a_reply(mailbox, company):
    conversation = enquiry(company)
    send_acknowledgement(conversation.pk)

    sent = mailbox.only()
    ack = Message.objects.get(conversation=conversation, is_automatic=True)
    assert sent["Message-ID"] == ack.message_id
    assert sent["Subject"] == "Re: Preventivo valvole DN50"
    assert sent["Reply-To"] == f"reply+{conversation.reply_token}@reply.staffetta.example"
    assert sent["Auto-Submitted"] == "auto-replied"
    assert "Officine Test" in sent["From"]


def test_a_later_reply_is_threaded_under_the_acknowledgement(mailbox, company, digital_manager):
    conversation = enquiry(company)
    send_acknowledgement(conversation.pk)
    ack = Message.objects.get(conversation=conversation, is_automatic=True)
    answer = MessageFactory(conversation=conversation, direction=Message.Direction.OUT, author=digital_manager)
    send_message(answer.pk)

    assert mailbox.messages[1]["In-Reply-To"] == ack.message_id
    assert "Auto-Submitted" not in mailbox.messages[1]


def test_the_task_twice_sends_one_acknowledgement(mailbox, company):
    conversation = enquiry(company)
    assert send_acknowledgement(conversation.pk) is True
    assert send_acknowledgement(conversation.pk) is False
    assert len(mailbox.messages) == 1
    assert Message.objects.filter(conversation=conversation, is_automatic=True).count() == 1


def test_an_acknowledgement_that_failed_is_retried_not_duplicated(smtp_settings, company):
    conversation = enquiry(company)
    with pytest.raises(ConnectionRefusedError):  # no SMTP server yet
        send_acknowledgement(conversation.pk)
    ack = Message.objects.get(conversation=conversation, is_automatic=True)
    assert ack.sent_at is None
    assert ack.send_error
    # The server is back: the same acknowledgement goes out.
    from aiosmtpd.controller import Controller

    from tests.inbox.mail.conftest import Mailbox

    box = Mailbox()
    server = Controller(box, hostname="127.0.0.1", port=smtp_settings.EMAIL_PORT)
    server.start()
    try:
        assert send_acknowledgement(conversation.pk) is True
    finally:
        server.stop()
    assert box.only()["Message-ID"] == Message.objects.get(pk=ack.pk).message_id
    assert Message.objects.filter(conversation=conversation, is_automatic=True).count() == 1


def test_no_acknowledgement_for_spam(mailbox, company):
    conversation = enquiry(company, status=Conversation.Status.SPAM)
    assert send_acknowledgement(conversation.pk) is False
    assert mailbox.messages == []
    assert not Message.objects.filter(conversation=conversation, direction=Message.Direction.OUT).exists()


def test_no_acknowledgement_for_a_high_spam_score(mailbox, company):
    conversation = enquiry(company, spam_score=0.9)
    assert send_acknowledgement(conversation.pk) is False
    assert mailbox.messages == []


def test_an_unscored_conversation_is_scored_before_acknowledging(mailbox, company):
    conversation = enquiry(
        company,
        spam_score=None,
        subject="SEO",
        text="Best SEO services, first page of Google, backlinks, guest post: https://spam.example",
        contact__email="bot@mailinator.com",
    )
    assert send_acknowledgement(conversation.pk) is False
    assert mailbox.messages == []


def test_no_acknowledgement_without_an_email_address(mailbox, company):
    conversation = enquiry(company, contact__email="")
    assert send_acknowledgement(conversation.pk) is False
    assert not Message.objects.filter(conversation=conversation, direction=Message.Direction.OUT).exists()


def test_no_acknowledgement_when_the_channel_sends_none(mailbox, company):
    conversation = enquiry(company, channel__auto_acknowledge=False)
    assert send_acknowledgement(conversation.pk) is False
    assert mailbox.messages == []


def test_no_acknowledgement_once_a_person_has_answered(mailbox, company, digital_manager):
    conversation = enquiry(company)
    MessageFactory(conversation=conversation, direction=Message.Direction.OUT, author=digital_manager)
    assert send_acknowledgement(conversation.pk) is False
    assert mailbox.messages == []


def test_a_late_acknowledgement_promises_no_time_already_past(mailbox, company):
    conversation = enquiry(company)
    Conversation.objects.filter(pk=conversation.pk).update(first_response_due_at=datetime(2026, 11, 23, 9, tzinfo=ROME))
    send_acknowledgement(conversation.pk)
    text = text_of(mailbox.only())
    assert "Le risponderemo il prima possibile." in text
    assert "entro" not in text


def test_a_missing_conversation_is_not_an_error(mailbox):
    assert send_acknowledgement(999_999) is False
