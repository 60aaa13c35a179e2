"""Email channels and mailboxes, and emails written as bytes the way mail clients send them."""

from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

import factory
from django.utils import timezone

from inbox.email_in.credentials import encrypt
from inbox.models import IntakeChannel, Mailbox, QuarantinedEmail
from tests.inbox import factories as shared

ConversationFactory = shared.ConversationFactory
MessageFactory = shared.MessageFactory


class EmailChannelFactory(shared.IntakeChannelFactory):
    kind = IntakeChannel.Kind.EMAIL
    name = factory.Sequence(lambda n: f"Casella {n}")
    address = factory.Sequence(lambda n: f"info{n}@officine-test.example")


class MailboxFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mailbox

    channel = factory.SubFactory(EmailChannelFactory)
    company = factory.SelfAttribute("channel.company")
    host = "127.0.0.1"
    port = 993
    security = Mailbox.Security.NONE
    username = "user"
    password_encrypted = factory.LazyFunction(lambda: encrypt("secret"))


class QuarantinedEmailFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuarantinedEmail

    channel = factory.SubFactory(EmailChannelFactory)
    company = factory.SelfAttribute("channel.company")
    raw = b"\x00\x01 not an email"
    size = factory.LazyAttribute(lambda o: len(o.raw))
    content_hash = factory.Sequence(lambda n: f"{n:064x}")
    sender = "Mario Rossi <mario@example.com>"
    subject = "Richiesta illeggibile"
    received_at = factory.LazyFunction(timezone.now)
    error = "UnreadableEmail: The message does not start with a header."


def email_bytes(
    *,
    sender="Giulia Verdi <giulia@example.com>",
    to="info@officine-test.example",
    subject="Preventivo flange",
    text="Buongiorno, vorrei un preventivo per 200 flange DN50 in acciaio inox.",
    html=None,
    message_id=True,
    in_reply_to=None,
    references=None,
    headers=None,
    attachments=(),
) -> bytes:
    """An email as a mail client writes it; `message_id=True` makes one up, None leaves it out."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(timezone.now())
    if message_id is True:
        message["Message-ID"] = make_msgid(domain="example.com")
    elif message_id:
        message["Message-ID"] = message_id
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
    if references:
        message["References"] = references
    for name, value in (headers or {}).items():
        message[name] = value
    if text is not None:
        message.set_content(text)
    if html is not None:
        if text is None:
            message.set_content(html, subtype="html")
        else:
            message.add_alternative(html, subtype="html")
    for filename, content_type, data in attachments:
        maintype, subtype = content_type.split("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return bytes(message)


def bounce_bytes(*, original: bytes, recipient: str, action: str = "failed") -> bytes:
    """A delivery status notification (RFC 3464) as Postfix sends it, carrying the original."""
    boundary = "=_dsn_boundary"
    head, _sep, _body = original.partition(b"\n\n")
    return (
        b"From: MAILER-DAEMON@mx.example.net (Mail Delivery System)\r\n"
        b"To: noreply@staffetta.example\r\n"
        b"Subject: Undelivered Mail Returned to Sender\r\n"
        b"Auto-Submitted: auto-replied\r\n"
        b"Message-ID: <" + make_msgid(domain="mx.example.net")[1:-1].encode() + b">\r\n"
        b"Date: " + format_datetime(timezone.now()).encode() + b"\r\n"
        b"MIME-Version: 1.0\r\n"
        b'Content-Type: multipart/report; report-type=delivery-status; boundary="' + boundary.encode() + b'"\r\n'
        b"\r\n--" + boundary.encode() + b"\r\n"
        b"Content-Type: text/plain; charset=us-ascii\r\n\r\n"
        b"I'm sorry to have to inform you that your message could not be delivered.\r\n"
        b"\r\n--" + boundary.encode() + b"\r\n"
        b"Content-Type: message/delivery-status\r\n\r\n"
        b"Reporting-MTA: dns; mx.example.net\r\n\r\n"
        b"Final-Recipient: rfc822; " + recipient.encode() + b"\r\n"
        b"Action: " + action.encode() + b"\r\n"
        b"Status: 5.1.1\r\n"
        b"Diagnostic-Code: smtp; 550 5.1.1 User unknown\r\n"
        b"\r\n--" + boundary.encode() + b"\r\n"
        b"Content-Type: text/rfc822-headers\r\n\r\n" + head.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n") + b"\r\n"
        b"\r\n--" + boundary.encode() + b"--\r\n"
    )
