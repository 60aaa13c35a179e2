"""Bounces, spam complaints, mailto unsubscribes and replies arriving on the email channel."""

import pytest

from contentdesk.models import Delivery, Subscription
from contentdesk.newsletter import sending
from contentdesk.newsletter.feedback import complaint_of
from contentdesk.newsletter.results import send_results
from inbox.email_in.services import email_receive
from inbox.models import Conversation, Message
from tests.contentdesk.newsletter.conftest import S
from tests.contentdesk.newsletter.sending_helpers import scheduled_send
from tests.inbox.email_in.factories import EmailChannelFactory, bounce_bytes, email_bytes

pytestmark = pytest.mark.django_db
D = Delivery.Status


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def channel(company):
    return EmailChannelFactory(company=company, name="Info", address="info@officine-test.example")


@pytest.fixture
def sent(company, newsletter_list, subscribe_people, mailbox, channel, media):
    people = subscribe_people(2)
    # The same address on another list of the company stops too.
    send = scheduled_send(company, newsletter_list)
    sending.newsletter_send_start(send.pk)
    sending.deliveries_send_batch(send.pk)
    envelopes = {envelope.rcpt_tos[0]: envelope.content for envelope in mailbox.envelopes}
    return send, people, envelopes


def arf_bytes(original: bytes, recipient: str) -> bytes:
    head = original.partition(b"\r\n\r\n")[0]
    return (
        b"From: feedback@provider.example\r\nTo: noreply@staffetta.example\r\nSubject: Abuse report\r\n"
        b"Message-ID: <arf-1@provider.example>\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/report; report-type=feedback-report; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: text/plain\r\n\r\nThis is an email abuse report.\r\n"
        b"--b\r\nContent-Type: message/feedback-report\r\n\r\nFeedback-Type: abuse\r\nUser-Agent: Provider/1.0\r\n"
        b"Version: 1\r\nOriginal-Rcpt-To: <" + recipient.encode() + b">\r\n"
        b"\r\n--b\r\nContent-Type: text/rfc822-headers\r\n\r\n" + head + b"\r\n--b--\r\n"
    )


def test_a_bounce_marks_the_delivery_and_the_address(sent, channel):
    send, (bouncing, staying), envelopes = sent
    address = bouncing.contact.email
    email_receive(channel=channel, raw=bounce_bytes(original=envelopes[address], recipient=address.upper()))
    delivery = Delivery.objects.get(email=address)
    assert delivery.status == D.BOUNCED
    assert delivery.bounced_at is not None
    bouncing.refresh_from_db()
    staying.refresh_from_db()
    assert (bouncing.status, staying.status) == (S.BOUNCED, S.SUBSCRIBED)
    assert bouncing.events.filter(kind="bounced").exists()
    assert send_results(send)["bounced"] == 1


def test_a_bounce_of_other_mail_leaves_the_newsletter_alone(sent, channel):
    _send, (person, _other), _envelopes = sent
    original = email_bytes(sender="info@officine-test.example", to=person.contact.email)
    Delivery.objects.update(status=D.QUEUED)  # no sent newsletter to this address
    email_receive(channel=channel, raw=bounce_bytes(original=original, recipient=person.contact.email))
    person.refresh_from_db()
    assert person.status == S.SUBSCRIBED


def test_a_spam_complaint_marks_the_address_complained(sent, channel):
    _send, (complaining, _other), envelopes = sent
    address = complaining.contact.email
    raw = arf_bytes(envelopes[address], address)
    assert complaint_of(raw)[0] == address
    email_receive(channel=channel, raw=raw)
    complaining.refresh_from_db()
    complaining.contact.refresh_from_db()
    assert complaining.status == S.COMPLAINED
    assert complaining.contact.marketing_consent is False


def test_mailing_the_unsubscribe_address_unsubscribes(sent, channel):
    import email as email_lib
    import re

    _send, (leaving, _other), envelopes = sent
    message = email_lib.message_from_bytes(envelopes[leaving.contact.email])
    mailto = re.search(r"<mailto:([^?>]+)", message["List-Unsubscribe"]).group(1)
    raw = email_bytes(sender=leaving.contact.email, to=mailto, subject="unsubscribe", text="")
    email_receive(channel=channel, raw=raw, recipient=mailto)
    leaving.refresh_from_db()
    assert leaving.status == Subscription.Status.UNSUBSCRIBED
    assert Delivery.objects.get(subscription=leaving).unsubscribed_at is not None


def test_a_reply_lands_in_the_inbox_under_the_contact_and_counts(sent, channel, mailbox):
    send, (replying, _other), _envelopes = sent
    message_id = Delivery.objects.get(subscription=replying).message_id
    assert mailbox.messages[0]["Reply-To"] == "info@officine-test.example"
    raw = email_bytes(
        sender=replying.contact.email,
        subject="Re: Novità di marzo",
        text="Mi interessa il catalogo.",
        in_reply_to=message_id,
        references=message_id,
    )
    received = email_receive(channel=channel, raw=raw)
    conversation = Conversation.objects.get(pk=received.conversation.pk)
    assert conversation.contact_id == replying.contact_id
    assert Message.objects.filter(conversation=conversation, in_reply_to=message_id).exists()
    assert send_results(send)["replies"] == 1
