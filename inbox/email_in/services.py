"""Storing an email: once, in the right conversation, through the inbox's intake path.

`email_receive` is the one entry point (the `receive_email` command, the IMAP fetch and the
quarantine's Retry all call it). It never loses a message and never raises on bad input:

* the email is parsed; bytes that cannot be parsed go to the quarantine as they are;
* a duplicate (same channel and Message-ID with the same content, or, without a usable
  Message-ID, the same content hash) is recognised and stored once;
* a new enquiry goes through `inbox.services.inbound_receive`, like the website form: the
  inbound item first, then contact, conversation and message, then language, spam score and
  acknowledgement on commit (no acknowledgement for mail written by machines);
* a reply to a known conversation is stored as an inbound item and a message of that
  conversation, which it reopens; it needs no follow-up (it is never acknowledged);
* anything that fails while storing is rolled back and the email goes to the quarantine.

Only an unavailable database makes it raise (OperationalError, InterfaceError), so that the
mail server keeps the email and tries again.
"""

import hashlib
import logging
import re
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from django.core.files.storage import default_storage
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.utils import timezone, translation
from django.utils.html import escape

from inbox.attachments import attachments_store
from inbox.email_in.attachments import prepare_attachments
from inbox.email_in.models import QuarantinedEmail
from inbox.email_in.parser import ParsedEmail, UnreadableEmail, content_hash, parse_email
from inbox.email_in.text import decode_header_value
from inbox.email_in.thread import reply_token, thread_conversation
from inbox.mail.compose import inbound_domain, sender_address
from inbox.models import Attachment, Conversation, InboundItem, IntakeChannel, Message
from inbox.sanitize import sanitize_html
from inbox.services import inbound_receive

logger = logging.getLogger(__name__)

DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
MAX_TEXT = 100_000
ENQUIRY_TEXT = 20_000
# More acknowledgements than this to one address within the hour looks like two robots
# talking: the next email from it gets none.
ACK_LOOP_LIMIT = 3
ACK_LOOP_WINDOW = timedelta(hours=1)
Status = Conversation.Status
REOPENED_BY_CUSTOMER = (Status.WAITING_CUSTOMER, Status.WAITING_COLLEAGUE, Status.RESOLVED)


class Outcome:
    STORED = "stored"
    DUPLICATE = "duplicate"
    QUARANTINED = "quarantined"


@dataclass
class Received:
    outcome: str
    item: InboundItem | None = None
    conversation: Conversation | None = None
    quarantined: QuarantinedEmail | None = None


class NotStored(Exception):
    """Storing failed after the inbound item was written: roll back and quarantine."""


def _key_for_message_id(message_id: str) -> str:
    key = f"message-id:{message_id}"
    return key if len(key) <= 200 else "message-id-sha256:" + hashlib.sha256(message_id.encode()).hexdigest()


def _same_content(item: InboundItem, parsed: ParsedEmail) -> bool:
    received = (item.payload or {}).get("received") or {}
    return isinstance(received, dict) and received.get("content_hash") == parsed.content_hash


def dedupe_key(channel: IntakeChannel, parsed: ParsedEmail) -> tuple[str, InboundItem | None]:
    """(the idempotency key to store the email under, the item it duplicates or None)."""
    items = InboundItem.objects.filter(channel=channel).only("pk", "payload", "conversation_id")
    if parsed.message_id:
        key = _key_for_message_id(parsed.message_id)
        existing = items.filter(idempotency_key=key).first()
        if existing is None:
            return key, None
        if _same_content(existing, parsed):
            return key, existing
        # The same Message-ID on other content: a sender that reuses IDs. Keep both.
    key = f"sha256:{parsed.content_hash}"
    return key, items.filter(idempotency_key=key).first()


def _no_acknowledgement_reason(company, parsed: ParsedEmail, now) -> str:
    if parsed.auto_kind:
        return parsed.auto_kind
    sender = parsed.sender_email
    if not sender:
        return "no sender address"
    if sender == sender_address().lower() or sender.endswith("@" + inbound_domain().lower()):
        return "our own address"
    if IntakeChannel.objects.filter(kind=IntakeChannel.Kind.EMAIL, address__iexact=sender).exists():
        return "one of our channels"
    recent = Message.objects.filter(
        company=company,
        direction=Message.Direction.OUT,
        is_automatic=True,
        conversation__contact__email__iexact=sender,
        created_at__gte=now - ACK_LOOP_WINDOW,
    ).count()
    return "too many acknowledgements to this address" if recent >= ACK_LOOP_LIMIT else ""


def _bodies(parsed: ParsedEmail, notes: list[str]) -> tuple[str, str]:
    """(text, sanitized HTML): the text part is preferred; HTML only when there is no text part."""
    text = parsed.text
    if len(text) > MAX_TEXT:
        text = text[:MAX_TEXT] + "\n[…]"
    html = sanitize_html(parsed.html) if parsed.html and parsed.text_from_html else ""
    if notes:
        text = (text + "\n\n" if text else "") + "\n".join(f"[{note}]" for note in notes)
        if html:
            html += "".join(f"<p><em>[{escape(note)}]</em></p>" for note in notes)
    return text, html


def _payload(parsed: ParsedEmail, *, source: str, recipient: str, size: int, mailbox_id) -> dict:
    return {
        "source": source,
        "recipient": recipient[:320],
        "size": size,
        "content_hash": parsed.content_hash,
        "mailbox": mailbox_id,
        "message_id": parsed.message_id,
        "in_reply_to": parsed.in_reply_to,
        "references": parsed.references,
        "auto_kind": parsed.auto_kind,
        "bounced_address": parsed.bounced_address,
        "headers": parsed.headers[:60],
    }


def _message_fields(parsed: ParsedEmail) -> dict:
    return {
        "message_id": parsed.message_id,
        "in_reply_to": parsed.in_reply_to[0] if parsed.in_reply_to else "",
        "references": " ".join(parsed.references),
        "auto_kind": parsed.auto_kind,
        "bounced_address": parsed.bounced_address,
    }


def _open_new(channel, parsed, *, key, received, text, html, files, now, written) -> Received:
    company = channel.company
    enquiry = {
        "email": parsed.sender_email,
        "name": parsed.sender_name,
        "organisation": "",
        "phone": "",
        "subject": parsed.subject,
        "message": text[:ENQUIRY_TEXT],
        "language": "",
        "landing_page": "",
        "referrer": "",
        "utm": {},
        "consent": None,
        "honeypot": False,
        # Read by inbox.services.inbound_process: mail written by machines is never acknowledged.
        "no_acknowledgement": _no_acknowledgement_reason(company, parsed, now),
    }
    item, created = inbound_receive(
        channel=channel, enquiry=enquiry, received=received, idempotency_key=key, files=files
    )
    if not created:  # the same email, stored a moment ago by another delivery
        return Received(Outcome.DUPLICATE, item=item, conversation=item.conversation)
    written.extend(Attachment.objects.filter(message__inbound_item=item).values_list("file", flat=True))
    if item.conversation is None:
        raise NotStored(f"The conversation of inbound item {item.pk} could not be opened.")
    Message.objects.filter(inbound_item=item).update(body_text=text, body_html=html, **_message_fields(parsed))
    if parsed.auto_kind:
        # Nobody owes a machine an answer: no first-response clock.
        Conversation.objects.filter(pk=item.conversation.pk).update(first_response_due_at=None)
    return Received(Outcome.STORED, item=item, conversation=item.conversation)


def _append(channel, parsed, *, conversation, key, received, text, html, files, now, written) -> Received:
    from inbox.actions import conversation_set_status

    try:
        with transaction.atomic():
            item = InboundItem.objects.create(
                company_id=channel.company_id,
                channel=channel,
                idempotency_key=key,
                payload={"received": received, "enquiry": {}, "meta": {"conversation": conversation.pk}},
                # A reply to a known conversation has no follow-up: never acknowledged, language known.
                processed_at=now,
                conversation=conversation,
            )
    except IntegrityError:
        item = InboundItem.objects.filter(channel=channel, idempotency_key=key).first()
        if item is None:
            raise
        return Received(Outcome.DUPLICATE, item=item, conversation=item.conversation)
    message = Message.objects.create(
        company_id=conversation.company_id,
        conversation=conversation,
        direction=Message.Direction.IN,
        body_text=text,
        body_html=html,
        created_at=now,
        inbound_item=item,
        **_message_fields(parsed),
    )
    written.extend(attachment.file.name for attachment in attachments_store(message=message, files=files))
    if parsed.auto_kind in (Message.AutoKind.AUTO_REPLY, Message.AutoKind.BULK):
        return Received(Outcome.STORED, item=item, conversation=conversation)
    # The customer wrote (or our reply bounced): it is the team's turn again.
    if conversation.status in REOPENED_BY_CUSTOMER:
        conversation_set_status(conversation=conversation, status=Status.OPEN, now=now)
    Conversation.objects.filter(pk=conversation.pk).update(last_activity_at=now)
    conversation.last_activity_at = now
    return Received(Outcome.STORED, item=item, conversation=conversation)


def _store(channel, parsed, *, raw_size, source, recipient, conversation, mailbox_id) -> Received:
    key, duplicate = dedupe_key(channel, parsed)
    if duplicate is not None:
        return Received(Outcome.DUPLICATE, item=duplicate, conversation=duplicate.conversation)
    company = channel.company
    if conversation is None or conversation.company_id != channel.company_id:
        conversation = thread_conversation(company=company, parsed=parsed)
    with translation.override(company.language):
        files, notes = prepare_attachments(parsed)
    text, html = _bodies(parsed, notes)
    received = _payload(parsed, source=source, recipient=recipient, size=raw_size, mailbox_id=mailbox_id)
    now = timezone.now()
    store = _open_new if conversation is None else partial(_append, conversation=conversation)
    written: list[str] = []
    try:
        with transaction.atomic():
            return store(
                channel, parsed, key=key, received=received, text=text, html=html, files=files, now=now, written=written
            )
    except Exception:
        # The rows are rolled back; the files written for them must go too.
        for name in written:
            default_storage.delete(name)
        raise


_PEEK = re.compile(rb"^(from|subject):[ \t]*(.*(?:\r?\n[ \t].*)*)", re.IGNORECASE | re.MULTILINE)


def _peek(raw: bytes) -> tuple[str, str]:
    """Sender and subject of bytes we could not parse, for the quarantine list; best effort."""
    found = {}
    try:
        head = re.split(rb"\r?\n\r?\n", raw[:65536], maxsplit=1)[0]
        for name, value in _PEEK.findall(head):
            found.setdefault(name.lower(), decode_header_value(value.decode("utf-8", "surrogateescape")))
    except Exception:  # the quarantine must accept anything
        pass
    return found.get(b"from", "")[:300], found.get(b"subject", "")[:300]


def _quarantine(channel, raw: bytes, *, reason: str, error: str, source, recipient, mailbox_id) -> Received:
    digest = content_hash(raw)
    now = timezone.now()
    sender, subject = _peek(raw)
    with transaction.atomic():
        quarantined, created = QuarantinedEmail.objects.get_or_create(
            channel=channel,
            content_hash=digest,
            defaults={
                "company_id": channel.company_id,
                "mailbox_id": mailbox_id,
                "source": source,
                "recipient": recipient[:320],
                "raw": raw,
                "size": len(raw),
                "sender": sender,
                "subject": subject,
                "received_at": now,
                "reason": reason,
                "error": error,
                "last_attempt_at": now,
            },
        )
        if not created:
            quarantined.attempts = min(quarantined.attempts + 1, 32767)
            quarantined.reason = reason
            quarantined.error = error
            quarantined.last_attempt_at = now
            quarantined.save(update_fields=["attempts", "reason", "error", "last_attempt_at"])
    return Received(Outcome.QUARANTINED, quarantined=quarantined)


def _describe(exc: BaseException) -> str:
    return f"{exc.__class__.__name__}: {exc}"[:2000]


def _attempt(*, channel, raw: bytes, source, recipient, conversation, mailbox_id) -> Received | tuple[str, str]:
    """The email stored, or why not: (QuarantinedEmail.Reason, error)."""
    try:
        parsed = parse_email(raw)
    except Exception as exc:  # whatever the parser meets, the bytes are kept
        if not isinstance(exc, UnreadableEmail):
            logger.exception("Parsing an email for channel %s failed; it goes to the quarantine.", channel.pk)
        return QuarantinedEmail.Reason.UNREADABLE, _describe(exc)
    try:
        return _store(
            channel,
            parsed,
            raw_size=len(raw),
            source=source,
            recipient=recipient,
            conversation=conversation,
            mailbox_id=mailbox_id,
        )
    except DATABASE_UNAVAILABLE:
        raise
    except Exception as exc:  # kept in the quarantine instead, with the reason
        logger.exception("Storing an email for channel %s failed; it goes to the quarantine.", channel.pk)
        return QuarantinedEmail.Reason.NOT_STORED, _describe(exc)


def email_receive(
    *,
    channel: IntakeChannel,
    raw: bytes,
    source: str = QuarantinedEmail.Source.PIPE,
    recipient: str = "",
    conversation: Conversation | None = None,
    mailbox_id: int | None = None,
) -> Received:
    """Store one email received on `channel` (see the module's docstring); never loses it."""
    raw = bytes(raw)
    result = _attempt(
        channel=channel, raw=raw, source=source, recipient=recipient, conversation=conversation, mailbox_id=mailbox_id
    )
    if isinstance(result, Received):
        if result.outcome == Outcome.STORED:
            _newsletter_feedback(channel, raw, recipient)
        return result
    reason, error = result
    return _quarantine(
        channel, raw, reason=reason, error=error, source=source, recipient=recipient, mailbox_id=mailbox_id
    )


def _newsletter_feedback(channel, raw: bytes, recipient: str) -> None:
    """Bounces, spam complaints and mailto unsubscribes of a newsletter mark the address."""
    from contentdesk.newsletter.feedback import newsletter_feedback

    newsletter_feedback(company=channel.company, raw=raw, recipient=recipient)


def quarantine_retry(*, quarantined: QuarantinedEmail) -> Received:
    """Parse and store a quarantined email again; out of the quarantine once stored."""
    from inbox.email_in.thread import destination_for

    conversation = None
    if quarantined.recipient and reply_token(quarantined.recipient):
        destination = destination_for(quarantined.recipient)
        conversation = destination.conversation if destination else None
    with transaction.atomic():
        result = _attempt(
            channel=quarantined.channel,
            raw=bytes(quarantined.raw),
            source=quarantined.source,
            recipient=quarantined.recipient,
            conversation=conversation,
            mailbox_id=quarantined.mailbox_id,
        )
        if isinstance(result, Received):
            QuarantinedEmail.objects.filter(pk=quarantined.pk).delete()
            return result
        quarantined.reason, quarantined.error = result
        quarantined.attempts = min(quarantined.attempts + 1, 32767)
        quarantined.last_attempt_at = timezone.now()
        quarantined.save(update_fields=["attempts", "reason", "error", "last_attempt_at"])
    return Received(Outcome.QUARANTINED, quarantined=quarantined)


def quarantine_discard(*, quarantined: QuarantinedEmail) -> None:
    """A person decided this email is not worth keeping (asked to confirm first)."""
    QuarantinedEmail.objects.filter(pk=quarantined.pk).delete()
