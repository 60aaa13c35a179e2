"""Storing an email: once, in the right conversation, through the intake path (language, spam,
acknowledgement, SLA); machines' mail never acknowledged; failures kept in the quarantine."""

from datetime import timedelta

import pytest
from django.utils import timezone

from inbox.email_in import services as email_services
from inbox.email_in.services import Outcome, email_receive, quarantine_retry
from inbox.mail.compose import reply_address
from inbox.models import Attachment, Contact, Conversation, InboundItem, Message, QuarantinedEmail
from inbox.services import inbound_process
from tests.factories import CompanyFactory
from tests.inbox.email_in.factories import (
    ConversationFactory,
    EmailChannelFactory,
    MessageFactory,
    bounce_bytes,
    email_bytes,
)

pytestmark = pytest.mark.django_db
ACK = "inbox.mail.tasks.send_acknowledgement"
PROCESS = "inbox.intake.tasks.process_inbound_item"
Status = Conversation.Status


def process_all(queued, django_capture_on_commit_callbacks) -> list[str]:
    """Run the follow-up of every stored item, as the worker would; the tasks it queued."""
    queued.clear()
    with django_capture_on_commit_callbacks(execute=True):
        for item in InboundItem.objects.filter(processed_at__isnull=True):
            inbound_process(item_id=item.pk)
    return [name for name, _args in queued]


# --- new enquiries ----------------------------------------------------------------------------


def test_a_new_email_opens_a_conversation_and_is_acknowledged(
    email_channel, queued, media, django_capture_on_commit_callbacks
):
    raw = email_bytes(sender="Giulia Verdi <Giulia@Example.com>", subject="Preventivo flange")
    with django_capture_on_commit_callbacks(execute=True):
        received = email_receive(channel=email_channel, raw=raw)
    assert received.outcome == Outcome.STORED
    assert [name for name, _args in queued] == [PROCESS]
    conversation = received.conversation
    assert (conversation.subject, conversation.channel, conversation.status) == (
        "Preventivo flange",
        email_channel,
        Status.NEW,
    )
    assert (conversation.contact.email, conversation.contact.name) == ("giulia@example.com", "Giulia Verdi")
    assert conversation.first_response_due_at is not None
    message = conversation.messages.get()
    assert message.body_text.startswith("Buongiorno, vorrei un preventivo")
    assert message.message_id.startswith("<")
    assert message.message_id.endswith("@example.com>")
    assert message.inbound_item == received.item
    assert process_all(queued, django_capture_on_commit_callbacks) == [ACK]
    conversation.refresh_from_db()
    assert conversation.language == "it"


def test_an_email_from_a_known_contact_joins_that_contact(email_channel, company, media):
    contact = Contact.objects.create(company=company, email="giulia@example.com", name="Giulia Verdi")
    received = email_receive(channel=email_channel, raw=email_bytes(sender="giulia@example.com"))
    assert received.conversation.contact == contact


# --- duplicates -------------------------------------------------------------------------------


def test_the_same_email_delivered_twice_is_stored_once(email_channel, media):
    raw = email_bytes()
    first = email_receive(channel=email_channel, raw=raw)
    # The second copy went through another server: it has one more trace header.
    second = email_receive(channel=email_channel, raw=b"Received: from mx2.example.net by us\r\n" + raw)
    assert (first.outcome, second.outcome) == (Outcome.STORED, Outcome.DUPLICATE)
    assert second.item == first.item
    assert Conversation.objects.count() == 1
    assert Message.objects.count() == 1


def test_an_email_without_message_id_delivered_twice_is_stored_once(email_channel, media):
    raw = email_bytes(message_id=None)
    assert email_receive(channel=email_channel, raw=raw).outcome == Outcome.STORED
    assert email_receive(channel=email_channel, raw=b"Delivered-To: info@x.example\n" + raw).outcome == "duplicate"
    assert Message.objects.count() == 1
    assert InboundItem.objects.get().idempotency_key.startswith("sha256:")


def test_a_message_id_reused_for_another_email_keeps_both(email_channel, media):
    first = email_bytes(message_id="<always-the-same@broken-mailer>", text="Primo messaggio.")
    second = email_bytes(message_id="<always-the-same@broken-mailer>", text="Secondo messaggio, diverso.")
    assert email_receive(channel=email_channel, raw=first).outcome == Outcome.STORED
    assert email_receive(channel=email_channel, raw=second).outcome == Outcome.STORED
    assert email_receive(channel=email_channel, raw=second).outcome == Outcome.DUPLICATE
    assert sorted(Message.objects.values_list("body_text", flat=True)) == [
        "Primo messaggio.",
        "Secondo messaggio, diverso.",
    ]


def test_the_same_email_on_two_channels_is_stored_on_each(email_channel, company, media):
    sales = EmailChannelFactory(company=company, address="vendite@officine-test.example")
    raw = email_bytes()
    assert email_receive(channel=email_channel, raw=raw).outcome == Outcome.STORED
    assert email_receive(channel=sales, raw=raw).outcome == Outcome.STORED


# --- threading --------------------------------------------------------------------------------


def our_reply(conversation, message_id="<reply-1@staffetta.example>"):
    return MessageFactory(
        conversation=conversation,
        direction=Message.Direction.OUT,
        message_id=message_id,
        sent_at=timezone.now(),
        body_text="Gentile cliente, ecco il preventivo.",
    )


@pytest.mark.parametrize(
    ("status", "after"),
    [
        (Status.WAITING_CUSTOMER, Status.OPEN),
        (Status.WAITING_COLLEAGUE, Status.OPEN),
        (Status.RESOLVED, Status.OPEN),
        (Status.OPEN, Status.OPEN),
        (Status.NEW, Status.NEW),
        (Status.SPAM, Status.SPAM),
    ],
)
def test_a_reply_to_our_email_joins_its_conversation(
    email_channel, company, status, after, queued, media, django_capture_on_commit_callbacks
):
    conversation = ConversationFactory(company=company, channel=email_channel, status=status)
    if status == Status.RESOLVED:
        Conversation.objects.filter(pk=conversation.pk).update(resolved_at=timezone.now(), resolution_seconds=60)
    our_reply(conversation)
    raw = email_bytes(
        subject="Re: preventivo", text="Grazie, confermo l'ordine.", in_reply_to="<reply-1@staffetta.example>"
    )
    received = email_receive(channel=email_channel, raw=raw)
    assert received.conversation == conversation
    conversation.refresh_from_db()
    assert conversation.status == after
    if status == Status.RESOLVED:
        assert (conversation.resolved_at, conversation.resolution_seconds) == (None, None)
    assert conversation.messages.filter(direction=Message.Direction.IN).last().body_text == "Grazie, confermo l'ordine."
    assert Conversation.objects.count() == 1
    assert process_all(queued, django_capture_on_commit_callbacks) == []  # a reply is never acknowledged


def test_threading_uses_the_references_when_in_reply_to_is_missing(email_channel, company, media):
    conversation = ConversationFactory(company=company, channel=email_channel)
    our_reply(conversation, "<first@staffetta.example>")
    raw = email_bytes(references="<unknown@elsewhere> <first@staffetta.example>")
    assert email_receive(channel=email_channel, raw=raw).conversation == conversation


def test_the_reply_address_among_the_recipients_threads_the_email(email_channel, company, media):
    conversation = ConversationFactory(company=company, channel=email_channel)
    raw = email_bytes(to=f"Officine Test <{reply_address(conversation)}>", message_id=None)
    assert email_receive(channel=email_channel, raw=raw).conversation == conversation


def test_another_company_s_message_ids_never_thread(email_channel, company, media):
    theirs = ConversationFactory(company=CompanyFactory())
    our_reply(theirs, "<theirs@staffetta.example>")
    received = email_receive(channel=email_channel, raw=email_bytes(in_reply_to="<theirs@staffetta.example>"))
    assert received.conversation != theirs
    assert received.conversation.company == company


# --- machines' mail ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {"Auto-Submitted": "auto-replied"},
        {"X-Autoreply": "yes"},
        {"Precedence": "auto_reply"},
        {"X-Autorespond": "Out of office"},
    ],
)
def test_an_auto_reply_gets_no_acknowledgement(
    email_channel, headers, queued, media, django_capture_on_commit_callbacks
):
    received = email_receive(channel=email_channel, raw=email_bytes(subject="Fuori ufficio", headers=headers))
    assert process_all(queued, django_capture_on_commit_callbacks) == []
    message = received.conversation.messages.get()
    assert message.auto_kind == Message.AutoKind.AUTO_REPLY
    received.conversation.refresh_from_db()
    assert received.conversation.first_response_due_at is None  # nobody owes a machine an answer


def test_an_out_of_office_subject_is_recognised_without_headers(email_channel, media):
    received = email_receive(channel=email_channel, raw=email_bytes(subject="Risposta automatica: Preventivo"))
    assert received.conversation.messages.get().auto_kind == Message.AutoKind.AUTO_REPLY


def test_bulk_mail_gets_no_acknowledgement(email_channel, queued, media, django_capture_on_commit_callbacks):
    raw = email_bytes(headers={"List-Unsubscribe": "<mailto:unsubscribe@news.example>"})
    received = email_receive(channel=email_channel, raw=raw)
    assert received.conversation.messages.get().auto_kind == Message.AutoKind.BULK
    assert process_all(queued, django_capture_on_commit_callbacks) == []


def test_a_bounce_of_our_reply_is_marked_threaded_and_reopens_the_conversation(
    email_channel, company, queued, media, django_capture_on_commit_callbacks
):
    conversation = ConversationFactory(company=company, channel=email_channel, status=Status.WAITING_CUSTOMER)
    reply = our_reply(conversation, "<our-reply@staffetta.example>")
    original = email_bytes(sender="noreply@staffetta.example", to="mario@nowhere.example", message_id=reply.message_id)
    received = email_receive(
        channel=email_channel, raw=bounce_bytes(original=original, recipient="Mario@Nowhere.example")
    )
    assert received.conversation == conversation
    bounce = conversation.messages.filter(direction=Message.Direction.IN).get()
    assert (bounce.auto_kind, bounce.bounced_address) == (Message.AutoKind.BOUNCE, "mario@nowhere.example")
    assert "could not be delivered" in bounce.body_text
    assert not bounce.attachments.exists()  # the report's machine parts are not attachments
    conversation.refresh_from_db()
    assert conversation.status == Status.OPEN  # our answer did not arrive: someone must look
    assert process_all(queued, django_capture_on_commit_callbacks) == []


def test_a_bounce_of_unknown_mail_opens_a_conversation_without_acknowledgement(
    email_channel, queued, media, django_capture_on_commit_callbacks
):
    original = email_bytes(sender="newsletter@officine-test.example", to="old@customer.example")
    received = email_receive(
        channel=email_channel, raw=bounce_bytes(original=original, recipient="old@customer.example")
    )
    message = received.conversation.messages.get()
    assert (message.auto_kind, message.bounced_address) == (Message.AutoKind.BOUNCE, "old@customer.example")
    assert process_all(queued, django_capture_on_commit_callbacks) == []


def test_a_delay_notice_is_not_a_bounce(email_channel, media):
    original = email_bytes(to="slow@customer.example")
    raw = bounce_bytes(original=original, recipient="slow@customer.example", action="delayed")
    message = email_receive(channel=email_channel, raw=raw).conversation.messages.get()
    assert (message.auto_kind, message.bounced_address) == (Message.AutoKind.AUTO_REPLY, "")


def test_mail_from_our_own_addresses_is_never_acknowledged(
    email_channel, company, queued, media, django_capture_on_commit_callbacks
):
    EmailChannelFactory(company=company, address="vendite@officine-test.example")
    email_receive(channel=email_channel, raw=email_bytes(sender="vendite@officine-test.example"))
    email_receive(channel=email_channel, raw=email_bytes(sender="Staffetta <noreply@staffetta.example>"))
    assert process_all(queued, django_capture_on_commit_callbacks) == []


def test_an_address_acknowledged_too_often_this_hour_gets_no_more(
    email_channel, company, queued, media, django_capture_on_commit_callbacks
):
    """A robot that answers without saying it is a robot: the loop stops after a few rounds."""
    contact = Contact.objects.create(company=company, email="robot@example.com")
    for _n in range(3):
        conversation = ConversationFactory(company=company, contact=contact)
        MessageFactory(conversation=conversation, direction=Message.Direction.OUT, is_automatic=True)
    email_receive(channel=email_channel, raw=email_bytes(sender="robot@example.com"))
    assert process_all(queued, django_capture_on_commit_callbacks) == []
    Message.objects.filter(is_automatic=True).update(created_at=timezone.now() - timedelta(hours=2))
    email_receive(channel=email_channel, raw=email_bytes(sender="robot@example.com", subject="Altro"))
    assert process_all(queued, django_capture_on_commit_callbacks) == [ACK]


# --- bodies and attachments -------------------------------------------------------------------


def test_the_text_part_is_preferred_to_the_html(email_channel, media):
    raw = email_bytes(text="Testo semplice.", html="<p>Testo <b>ricco</b></p>")
    message = email_receive(channel=email_channel, raw=raw).conversation.messages.get()
    assert (message.body_text, message.body_html) == ("Testo semplice.", "")


def test_an_html_only_email_is_sanitized_and_gets_a_text(email_channel, media):
    html = '<p>Vorrei <b>200</b> flange.</p><script>alert(1)</script><img src="https://tracker.example/x.gif">'
    message = email_receive(channel=email_channel, raw=email_bytes(text=None, html=html)).conversation.messages.get()
    assert message.body_text == "Vorrei 200 flange."
    assert "<b>200</b>" in message.body_html
    assert "script" not in message.body_html
    assert "tracker" not in message.body_html


@pytest.mark.parametrize(
    ("charset", "encoded"),
    [
        ("iso-8859-1", "Perché la qualità è così alta?".encode("latin-1")),
        ("windows-1252", "Prezzo: 100 € più IVA".encode("cp1252")),
        ("x-unknown-charset", "Città di Forlì".encode()),
        ("us-ascii", "Perché? Già fatto".encode()),  # declared ASCII, sent as UTF-8
    ],
)
def test_charsets_are_decoded_even_when_declared_wrong(email_channel, media, charset, encoded):
    raw = (
        b"From: a@example.com\r\nTo: info@officine-test.example\r\nSubject: =?iso-8859-1?q?Qualit=E0?=\r\n"
        b"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=" + charset.encode() + b"\r\n"
        b"Content-Transfer-Encoding: 8bit\r\n\r\n" + encoded + b"\r\n"
    )
    message = email_receive(channel=email_channel, raw=raw).conversation.messages.get()
    assert message.conversation.subject == "Qualità"
    assert message.body_text == encoded.decode(
        "cp1252" if charset == "windows-1252" else "latin-1" if charset == "iso-8859-1" else "utf-8"
    )


def test_attachments_are_saved_and_those_over_the_limits_are_noted(email_channel, media):
    big = b"%PDF-1.4 " + b"0" * (Attachment.MAX_BYTES + 1)
    raw = email_bytes(
        attachments=[
            ("disegno.pdf", "application/pdf", b"%PDF-1.4 disegno"),
            ("enorme.pdf", "application/pdf", big),
            ("virus.exe", "application/octet-stream", b"MZ..."),
        ]
    )
    message = email_receive(channel=email_channel, raw=raw).conversation.messages.get()
    assert list(message.attachments.values_list("filename", flat=True)) == ["disegno.pdf"]
    assert "“enorme.pdf” è troppo grande" in message.body_text
    assert "“virus.exe” non è un tipo di file" in message.body_text


def test_a_reply_with_attachments_keeps_them_in_the_conversation(email_channel, company, media):
    conversation = ConversationFactory(company=company, channel=email_channel)
    our_reply(conversation)
    raw = email_bytes(
        in_reply_to="<reply-1@staffetta.example>", attachments=[("ordine.pdf", "application/pdf", b"%PDF ordine")]
    )
    email_receive(channel=email_channel, raw=raw)
    assert Attachment.objects.get().message.conversation == conversation


# --- quarantine -------------------------------------------------------------------------------


def test_bytes_that_are_not_an_email_are_quarantined_once(email_channel):
    for _n in range(2):
        received = email_receive(channel=email_channel, raw=b"\x00\xff garbage without headers")
        assert received.outcome == Outcome.QUARANTINED
    quarantined = QuarantinedEmail.objects.get()
    assert bytes(quarantined.raw) == b"\x00\xff garbage without headers"
    assert (quarantined.reason, quarantined.attempts) == (QuarantinedEmail.Reason.UNREADABLE, 2)
    assert not InboundItem.objects.exists()


def test_an_email_that_cannot_be_stored_is_quarantined_with_nothing_half_written(email_channel, media, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(email_services, "inbound_receive", broken)
    raw = email_bytes(subject="Ordine urgente", attachments=[("ordine.pdf", "application/pdf", b"%PDF ordine")])
    received = email_receive(channel=email_channel, raw=raw)
    assert received.outcome == Outcome.QUARANTINED
    quarantined = QuarantinedEmail.objects.get()
    assert (quarantined.reason, quarantined.subject) == (QuarantinedEmail.Reason.NOT_STORED, "Ordine urgente")
    assert "disk on fire" in quarantined.error
    assert not InboundItem.objects.exists()
    assert not Conversation.objects.exists()


def test_retry_stores_a_quarantined_email_and_takes_it_out(email_channel, media, monkeypatch):
    monkeypatch.setattr(email_services, "inbound_receive", lambda **kwargs: 1 / 0)
    raw = email_bytes(subject="Ordine urgente")
    quarantined = email_receive(channel=email_channel, raw=raw).quarantined
    monkeypatch.undo()
    result = quarantine_retry(quarantined=quarantined)
    assert result.outcome == Outcome.STORED
    assert result.conversation.subject == "Ordine urgente"
    assert not QuarantinedEmail.objects.exists()


def test_a_retry_that_fails_again_keeps_the_email_and_counts_the_attempt(email_channel):
    quarantined = email_receive(channel=email_channel, raw=b"still not an email").quarantined
    result = quarantine_retry(quarantined=quarantined)
    assert result.outcome == Outcome.QUARANTINED
    quarantined.refresh_from_db()
    assert quarantined.attempts == 2
