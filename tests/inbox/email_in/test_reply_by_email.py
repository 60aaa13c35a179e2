"""The whole round trip on real servers: a reply written in the inbox goes out by SMTP
(aiosmtpd), the customer answers it by email (piped, or fetched from dovecot), and the
answer lands in the same conversation; machines' answers get no acknowledgement."""

import io
from email.message import EmailMessage
from email.utils import make_msgid

import pytest
from django.core.management import call_command

from inbox.actions import conversation_reply
from inbox.email_in.fetch import mailbox_fetch
from inbox.mail.services import message_deliver
from inbox.mail.tasks import send_acknowledgement
from inbox.models import Conversation, Message
from inbox.services import inbound_process
from tests.inbox.email_in.factories import email_bytes

pytestmark = pytest.mark.django_db
Status = Conversation.Status


def customer_answer(sent, *, to: str, text: str) -> bytes:
    """What the customer's mail program sends back when they press Reply on `sent`."""
    answer = EmailMessage()
    answer["From"] = "Giulia Verdi <giulia@example.com>"
    answer["To"] = to
    answer["Subject"] = "Re: " + sent["Subject"].removeprefix("Re: ")
    answer["Message-ID"] = make_msgid(domain="example.com")
    answer["In-Reply-To"] = sent["Message-ID"]
    answer["References"] = f"{sent['References'] or ''} {sent['Message-ID']}".strip()
    quoted = "\n".join("> " + line for line in sent.get_body(("plain",)).get_content().splitlines())
    answer.set_content(f"{text}\n\nIl giorno lun 5 feb 2024 alle 10:00 Officine Test ha scritto:\n{quoted}\n")
    return bytes(answer)


def enquiry_by_email(queued, callbacks) -> Conversation:
    raw = email_bytes(sender="Giulia Verdi <giulia@example.com>", subject="Flange DN50")
    with callbacks(execute=True):
        call_command("receive_email", "info@officine-test.example", stdin=io.BytesIO(raw))
    return Conversation.objects.get()


def test_the_customer_s_email_answer_to_our_reply_lands_in_the_same_conversation(
    email_channel, digital_manager, smtp, queued, media, django_capture_on_commit_callbacks, login
):
    conversation = enquiry_by_email(queued, django_capture_on_commit_callbacks)
    reply = conversation_reply(conversation=conversation, author=digital_manager, body_text="Ecco il preventivo: 4 €.")
    assert message_deliver(reply.pk) is True
    sent = smtp.only()
    reply_to = sent["Reply-To"].addresses[0].addr_spec
    assert reply_to.startswith("reply+")

    answer = customer_answer(sent, to=reply_to, text="Grazie, confermo l'ordine.")
    call_command("receive_email", reply_to, stdin=io.BytesIO(answer))

    conversation.refresh_from_db()
    assert conversation.status == Status.OPEN  # it was waiting on the customer
    assert list(conversation.messages.values_list("direction", flat=True)) == ["in", "out", "in"]
    answer_message = conversation.messages.last()
    reply.refresh_from_db()
    assert answer_message.in_reply_to == reply.message_id == sent["Message-ID"]
    assert Conversation.objects.count() == 1
    # The page shows the answer, with the quoted history folded away.
    page = login(digital_manager).get(f"/c/{conversation.company.slug}/inbox/{conversation.pk}/").content.decode()
    new_part, _sep, folded = page.partition('<details class="message-quoted')
    assert "Grazie, confermo l&#x27;ordine." in new_part
    assert "&gt; Ecco il preventivo: 4 €." in folded


def test_an_answer_sent_to_the_channel_address_and_fetched_by_imap_threads_too(
    email_channel, imap_mailbox, dovecot, digital_manager, smtp, queued, media, django_capture_on_commit_callbacks
):
    conversation = enquiry_by_email(queued, django_capture_on_commit_callbacks)
    reply = conversation_reply(conversation=conversation, author=digital_manager, body_text="Ecco il preventivo.")
    message_deliver(reply.pk)
    # The customer's program ignored Reply-To and wrote to info@: In-Reply-To still threads it.
    dovecot.append(customer_answer(smtp.only(), to="info@officine-test.example", text="Va bene."))
    assert mailbox_fetch(mailbox_id=imap_mailbox.pk).stored == 1
    conversation.refresh_from_db()
    assert conversation.status == Status.OPEN
    assert conversation.messages.last().body_text.startswith("Va bene.")
    assert Conversation.objects.count() == 1


def test_a_person_is_acknowledged_by_email_and_an_autoresponder_is_not(
    email_channel, smtp, queued, media, django_capture_on_commit_callbacks
):
    person = email_bytes(sender="giulia@example.com", subject="Preventivo")
    robot = email_bytes(sender="mario@example.com", subject="Fuori sede", headers={"Auto-Submitted": "auto-replied"})
    for raw in (person, robot):
        call_command("receive_email", "info@officine-test.example", stdin=io.BytesIO(raw))
    queued.clear()
    with django_capture_on_commit_callbacks(execute=True):
        for conversation in Conversation.objects.all():
            inbound_process(item_id=conversation.messages.get().inbound_item_id)
    # Run what the worker would run, then look at what reached the SMTP server.
    for name, args in queued:
        assert name == send_acknowledgement.name
        send_acknowledgement(*args)
    assert [envelope.rcpt_tos for envelope in smtp.envelopes] == [["giulia@example.com"]]
    acknowledgement = smtp.only()
    assert acknowledgement["Auto-Submitted"] == "auto-replied"  # and robots do not answer it (RFC 3834)
    assert not Message.objects.filter(conversation__contact__email="mario@example.com", direction="out").exists()
