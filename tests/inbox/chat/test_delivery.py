"""The team's answer reaches the visitor in the widget; unread for minutes, it goes by email once.

SMTP is a real server on loopback (aiosmtpd), as for the rest of the inbox's mail.
"""

from datetime import timedelta

import time_machine
from django.utils import timezone

from engagements.models import JobRun
from inbox import actions
from inbox.chat.delivery import EMAIL_UNREAD_AFTER, chat_unread_replies_email
from inbox.chat.models import ChatSession
from inbox.chat.tasks import email_unread_replies
from inbox.chat.tokens import MAX_AGE
from inbox.mail.services import message_deliver
from inbox.models import Conversation, Message
from tests.inbox.chat.factories import ChatChannelFactory
from tests.inbox.factories import ContactFactory, ConversationFactory
from tests.inbox.mail.conftest import text_of


def chat_conversation(company, *, email="anna@example.com", chat_started=None):
    """A chat conversation with the session of its widget (started now unless said)."""
    conversation = ConversationFactory(
        company=company,
        channel=ChatChannelFactory(company=company),
        contact=ContactFactory(company=company, email=email),
    )
    ChatSession.objects.create(
        company=company,
        channel=conversation.channel,
        conversation=conversation,
        created_at=chat_started or timezone.now(),
    )
    return conversation


def answer(conversation, author, text="Sì, abbiamo le flange DN50 a magazzino."):
    return actions.conversation_reply(conversation=conversation, author=author, body_text=text)


def test_a_fresh_chat_answer_is_not_emailed(mailbox, company, digital_manager):
    reply = answer(chat_conversation(company), digital_manager)

    assert message_deliver(reply.pk) is False

    reply.refresh_from_db()
    assert reply.sent_at is None
    assert reply.send_error == ""
    assert mailbox.messages == []


def test_the_answer_still_counts_as_the_first_response(company, digital_manager):
    conversation = chat_conversation(company)
    answer(conversation, digital_manager)

    conversation.refresh_from_db()
    assert conversation.first_response_at is not None
    assert conversation.status == Conversation.Status.WAITING_CUSTOMER


def test_an_answer_unread_for_minutes_is_emailed_once_to_the_address_left(mailbox, company, digital_manager):
    reply = answer(chat_conversation(company), digital_manager)

    with time_machine.travel(timezone.now() + EMAIL_UNREAD_AFTER - timedelta(seconds=30), tick=False):
        assert chat_unread_replies_email() == 0
    with time_machine.travel(timezone.now() + EMAIL_UNREAD_AFTER + timedelta(seconds=30), tick=False):
        assert chat_unread_replies_email() == 1
        assert chat_unread_replies_email() == 0

    sent = mailbox.only()
    assert "<anna@example.com>" in sent["To"]
    assert "Sì, abbiamo le flange DN50 a magazzino." in text_of(sent)
    reply.refresh_from_db()
    assert reply.sent_at is not None
    assert reply.message_id  # threaded: an answer by email comes back to this conversation


def test_an_answer_read_in_the_widget_is_never_emailed(mailbox, visitor, digital_manager):
    visitor.start(email="anna@example.com")
    reply = answer(Conversation.objects.get(), digital_manager)
    visitor.poll(seen=reply.pk)

    with time_machine.travel(timezone.now() + EMAIL_UNREAD_AFTER * 2, tick=False):
        assert chat_unread_replies_email() == 0

    assert mailbox.messages == []


def test_without_an_address_the_answer_waits_in_the_chat(mailbox, company, digital_manager):
    reply = answer(chat_conversation(company, email=""), digital_manager)

    with time_machine.travel(timezone.now() + EMAIL_UNREAD_AFTER * 2, tick=False):
        assert chat_unread_replies_email() == 0

    reply.refresh_from_db()
    assert reply.sent_at is None
    assert mailbox.messages == []


def test_an_address_left_later_gets_the_unread_answers(mailbox, visitor, digital_manager):
    visitor.start()
    answer(Conversation.objects.get(), digital_manager)
    with time_machine.travel(timezone.now() + EMAIL_UNREAD_AFTER * 2, tick=False):
        assert chat_unread_replies_email() == 0
        visitor.post("email/", {"email": "anna@example.com"})
        assert chat_unread_replies_email() == 1

    assert mailbox.only()["To"].addresses[0].addr_spec == "anna@example.com"


def test_an_answer_on_a_chat_whose_widget_has_expired_is_emailed_at_once(mailbox, company, digital_manager):
    conversation = chat_conversation(company, chat_started=timezone.now() - MAX_AGE - timedelta(days=1))
    reply = answer(conversation, digital_manager)

    assert message_deliver(reply.pk) is True
    assert len(mailbox.messages) == 1


def test_answers_of_other_channels_are_emailed_at_once(mailbox, company, digital_manager):
    conversation = ConversationFactory(company=company, contact=ContactFactory(company=company))
    reply = answer(conversation, digital_manager)

    assert message_deliver(reply.pk) is True
    assert len(mailbox.messages) == 1


def test_the_periodic_job_emails_and_records_its_run(mailbox, company, digital_manager):
    answer(chat_conversation(company), digital_manager)
    Message.objects.update(created_at=timezone.now() - EMAIL_UNREAD_AFTER * 2)

    assert email_unread_replies() == 1

    assert JobRun.objects.get(name="email_unread_replies").run_count == 1
    assert len(mailbox.messages) == 1


def test_a_failing_mail_server_leaves_the_answer_for_the_next_run(smtp_settings, company, digital_manager):
    # smtp_settings point at a port where nothing listens.
    reply = answer(chat_conversation(company), digital_manager)
    Message.objects.update(created_at=timezone.now() - EMAIL_UNREAD_AFTER * 2)

    assert chat_unread_replies_email() == 0

    reply.refresh_from_db()
    assert reply.sent_at is None
    assert reply.send_error
