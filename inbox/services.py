"""Write services of the inbox's intake: contacts, new conversations, inbound items, channels.

Each function runs in a transaction and queues its follow-up work on commit. The working of
the inbox (assign, reply, route…) lives in inbox/actions.py and never duplicates these.

Nothing is lost: an inbound item is stored exactly as received before anything else, the
contact, conversation and first message follow in the same transaction, and the rest
(language, spam score, acknowledgement) is done by `inbound_process`, queued on commit and
repeated by the sweep for items whose queueing or processing failed.
"""

import logging
from datetime import datetime, timedelta
from html import unescape
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime
from django.utils.html import strip_tags

from engagements.models import Company
from inbox import sla
from inbox.attachments import attachment_type, attachments_store
from inbox.models import ConsentRecord, Contact, Conversation, InboundItem, IntakeChannel, Message
from inbox.sanitize import sanitize_html

logger = logging.getLogger(__name__)

UTM_KEYS = ("source", "medium", "campaign", "term", "content")
# An item that failed this many times waits for a person (its error says why).
MAX_ATTEMPTS = 5
# Items younger than this are still in the hands of the task queued by their request.
SWEEP_AFTER = timedelta(minutes=2)
SWEEP_BATCH = 200
SPAM_THRESHOLD = 0.8


class InboundNotStored(Exception):
    """An enquiry with files whose conversation could not be opened: nothing was stored."""


def _clip(value, length: int) -> str:
    return str(value or "").strip()[:length]


def _contact_by_email(company: Company, email: str) -> Contact | None:
    # Lower(email) and email <> '' as in the unique index, so that PostgreSQL can use it.
    return (
        Contact.objects.for_company(company)
        .alias(email_lower=Lower("email"))
        .filter(~Q(email=""), email_lower=email)
        .first()
    )


def _consent_values(consent: dict | None) -> dict:
    if not consent:
        return {}
    given_at = consent.get("given_at") or timezone.now()
    if isinstance(given_at, str):
        given_at = parse_datetime(given_at) or timezone.now()
    if timezone.is_naive(given_at):
        given_at = timezone.make_aware(given_at)
    return {
        "consent_given_at": given_at,
        "consent_text": str(consent.get("text") or "").strip(),
        "consent_source": _clip(consent.get("source"), 200),
    }


def contact_upsert(
    *,
    company: Company,
    email: str,
    name: str = "",
    organisation: str = "",
    phone: str = "",
    language: str = "",
    consent: dict | None = None,
    update_existing: bool = True,
) -> Contact:
    """The company's contact with this address (any case), created or completed.

    A value given here replaces the stored one, an empty value never does. `consent` is
    {"given_at": datetime or ISO text (default now), "text": what the person agreed to,
    "source": where}. With `update_existing=False` an existing contact is left untouched
    (for enquiries flagged as spam: a bot must not rename a real customer).
    """
    email = (email or "").strip().lower()
    values = {
        "name": _clip(name, 160),
        "organisation": _clip(organisation, 160),
        "phone": _clip(phone, 40),
        "language": _clip(language, 8),
        **_consent_values(consent),
    }
    contact = _contact_by_email(company, email) if email else None
    if contact is None:
        try:
            with transaction.atomic():
                return Contact.objects.create(company=company, email=email, **values)
        except IntegrityError:
            # The same address arrived twice at once: the other request created it.
            contact = _contact_by_email(company, email) if email else None
            if contact is None:
                raise
    if not update_existing:
        return contact
    changed = [field for field, value in values.items() if value and getattr(contact, field) != value]
    if changed:
        for field in changed:
            setattr(contact, field, values[field])
        contact.save(update_fields=[*changed, "updated_at"])
    return contact


def consent_record_add(
    *, contact: Contact, consent: dict, kind: str, language: str = "", ip: str | None = None, inbound_item=None
) -> ConsentRecord:
    """Keep one consent as given: the text shown, its language, time, source and address."""
    values = _consent_values(consent)
    fields = {
        "company_id": contact.company_id,
        "kind": kind if kind in ConsentRecord.Kind.values else ConsentRecord.Kind.FORM,
        "given_at": values["consent_given_at"],
        "text": values["consent_text"],
        "language": _clip(language, 8),
        "source": values["consent_source"],
        "ip": ip or None,
    }
    # One insert: the conversation of an inbound item is opened once (in the same savepoint).
    return ConsentRecord.objects.create(contact=contact, inbound_item=inbound_item, **fields)


def _valid_url(value: str) -> str:
    value = (value or "").strip()
    if not value or len(value) > 500:
        return ""
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        return ""
    return value


def _utm_values(utm: dict | None) -> dict:
    values = {}
    for key, value in (utm or {}).items():
        name = str(key).lower().removeprefix("utm_")
        if name in UTM_KEYS and value:
            values[f"utm_{name}"] = _clip(value, 120)
    return values


def _utm_from_url(url: str) -> dict:
    """utm_* of an address's query string: where a tracked link (a post, a newsletter) landed."""
    query = parse_qs(urlsplit(url).query) if url else {}
    return {key: values[0] for key, values in query.items() if key.lower().startswith("utm_") and values}


def _subject_from(subject: str, text: str) -> str:
    subject = " ".join((subject or "").split())
    if not subject:
        first_line = next((line.strip() for line in (text or "").splitlines() if line.strip()), "")
        subject = first_line if len(first_line) <= 80 else first_line[:79].rstrip() + "…"
    return subject[:250] or "—"


def conversation_open(
    *,
    company: Company,
    channel: IntakeChannel | None,
    contact: Contact,
    subject: str,
    text: str,
    html: str = "",
    language: str = "",
    landing_page: str = "",
    referrer: str = "",
    utm: dict | None = None,
    inbound_item: InboundItem | None = None,
    received_at: datetime | None = None,
    status: str = Conversation.Status.NEW,
) -> Conversation:
    """A new conversation with its first incoming message; the SLA clock starts at `received_at`.

    `html` is sanitized before it is stored; without `text` the text is taken from it. `utm`
    takes the keys source, medium, campaign, term, content (with or without "utm_"). Landing
    page and referrer that are not http(s) addresses are dropped, never an error.
    """
    received_at = received_at or timezone.now()
    body_html = sanitize_html(html)
    text = (text or "").strip() or unescape(strip_tags(body_html)).strip()
    # No savepoint of its own: inside a caller's transaction, the caller decides.
    with transaction.atomic(savepoint=False):
        conversation = Conversation.objects.create(
            company=company,
            channel=channel,
            contact=contact,
            subject=_subject_from(subject, text),
            status=status,
            language=_clip(language, 8),
            landing_page=_valid_url(landing_page),
            referrer=_valid_url(referrer),
            # A tool that sends only the landing page still gets its enquiry attributed; the
            # UTM values sent explicitly win over those read from the address.
            **(_utm_values(_utm_from_url(landing_page)) | _utm_values(utm)),
            created_at=received_at,
            last_activity_at=received_at,
            first_response_due_at=sla.first_response_due(company, received_at),
        )
        Message.objects.create(
            company=company,
            conversation=conversation,
            direction=Message.Direction.IN,
            body_text=text,
            body_html=body_html,
            created_at=received_at,
            inbound_item=inbound_item,
        )
    return conversation


def channels_ensure_defaults(company: Company) -> list[IntakeChannel]:
    """A website form and a webhook channel for the company, created once (idempotent)."""
    wanted = [IntakeChannel.Kind.FORM, IntakeChannel.Kind.WEBHOOK]
    with transaction.atomic():
        channels = {}
        for channel in IntakeChannel.objects.for_company(company).filter(kind__in=wanted).order_by("created_at"):
            channels.setdefault(channel.kind, channel)
        with translation.override(company.language):
            for kind in wanted:
                if kind not in channels:
                    channels[kind] = IntakeChannel.objects.create(company=company, kind=kind, name=str(kind.label))
    return [channels[kind] for kind in wanted]


# Intake: store first, then open the conversation, then queue the rest.


def inbound_receive(
    *,
    channel: IntakeChannel,
    enquiry: dict,
    received: dict | list | str,
    idempotency_key: str = "",
    remote_addr: str | None = None,
    user_agent: str = "",
    meta: dict | None = None,
    files=(),
) -> tuple[InboundItem, bool]:
    """Store an inbound enquiry and open its conversation; returns (item, created).

    `received` is the payload exactly as it arrived, `enquiry` the validated fields (the
    dict described in inbox.intake.forms), `meta` what else the request said (origin…).
    The same idempotency key on the same channel returns the first item, created=False.

    `files` (already validated, see inbox.attachments.attachment_problem) are stored on the
    first incoming message in the same transaction; the payload records their names, sizes
    and types, never their bytes. The sweep can open a conversation later only from the
    JSON payload, which cannot bring the files back: so when files came with the enquiry
    and its conversation cannot be opened now, everything is rolled back and
    InboundNotStored is raised, for the caller to ask the visitor to send again (503).
    """
    files = list(files or ())
    with transaction.atomic():
        try:
            # Only a key can collide (the unique constraint ignores empty keys): a savepoint then.
            with transaction.atomic(savepoint=bool(idempotency_key)):
                item = InboundItem.objects.create(
                    company_id=channel.company_id,
                    channel=channel,
                    idempotency_key=idempotency_key,
                    payload={
                        "received": received,
                        "enquiry": enquiry,
                        "meta": meta or {},
                        **({"attachments": [_file_summary(f) for f in files]} if files else {}),
                    },
                    remote_addr=remote_addr,
                    user_agent=_clip(user_agent, 300),
                )
        except IntegrityError:
            if not idempotency_key:
                raise
            # Same key on the same channel: stored once, by whichever request came first.
            existing = InboundItem.objects.filter(channel=channel, idempotency_key=idempotency_key).first()
            if existing is None:
                raise
            return existing, False
        item.channel = channel
        stored = []
        try:
            # A savepoint: if opening the conversation fails, the item is kept and the
            # sweep opens it later (but see InboundNotStored for an enquiry with files).
            with transaction.atomic():
                _open_conversation(item)
                if files:
                    message = Message.objects.get(inbound_item=item)
                    for uploaded in files:
                        stored.extend(attachments_store(message=message, files=[uploaded]))
        except Exception as exc:
            if files:
                logger.exception("Enquiry with files on channel %s not stored: the visitor is asked again.", channel.pk)
                for attachment in stored:  # their rows are rolled back; remove the written files too
                    attachment.file.delete(save=False)
                raise InboundNotStored(str(exc)) from exc
            logger.exception("Inbound item %s is stored; its conversation will be opened by the sweep.", item.pk)
            item.conversation = None
        _queue_processing(item.pk)
    return item, True


def _file_summary(uploaded) -> dict:
    return {
        "name": (uploaded.name or "")[:200],
        "size": uploaded.size,
        "content_type": attachment_type(uploaded.name or ""),
    }


def _queue_processing(item_id: int) -> None:
    from inbox.intake.queue import enqueue_on_commit
    from inbox.intake.tasks import process_inbound_item

    enqueue_on_commit(process_inbound_item, item_id)


def _open_conversation(item: InboundItem) -> Conversation:
    enquiry = item.payload.get("enquiry")
    if not enquiry:
        raise ValueError(f"Inbound item {item.pk} has no enquiry to open a conversation from.")
    company = item.channel.company
    spam = bool(enquiry.get("honeypot"))
    contact = contact_upsert(
        company=company,
        email=enquiry.get("email", ""),
        name=enquiry.get("name", ""),
        organisation=enquiry.get("organisation", ""),
        phone=enquiry.get("phone", ""),
        language=enquiry.get("language", ""),
        consent=None if spam else enquiry.get("consent"),
        update_existing=not spam,
    )
    if not spam and enquiry.get("consent"):
        consent_record_add(
            contact=contact,
            consent=enquiry["consent"],
            kind=item.channel.kind,
            language=enquiry.get("language", ""),
            # A webhook is called by another tool's server: its address is not the person's.
            ip=item.remote_addr if item.channel.kind in (IntakeChannel.Kind.FORM, IntakeChannel.Kind.CHAT) else None,
            inbound_item=item,
        )
    conversation = conversation_open(
        company=company,
        channel=item.channel,
        contact=contact,
        subject=enquiry.get("subject", ""),
        text=enquiry.get("message", ""),
        language=enquiry.get("language", ""),
        landing_page=enquiry.get("landing_page", ""),
        referrer=enquiry.get("referrer", ""),
        utm=enquiry.get("utm"),
        inbound_item=item,
        received_at=item.received_at,
        status=Conversation.Status.SPAM if spam else Conversation.Status.NEW,
    )
    InboundItem.objects.filter(pk=item.pk).update(conversation=conversation)
    item.conversation = conversation
    return conversation


def _spam_score(*, text: str, subject: str, email: str, honeypot_filled: bool) -> tuple[float | None, float]:
    try:
        from inbox import spam
    except ImportError:  # Spam scoring arrives with the mail work; until then, no score.
        return None, SPAM_THRESHOLD
    score = spam.spam_score(text=text, subject=subject, email=email, honeypot_filled=honeypot_filled)
    return score, getattr(spam, "SPAM_THRESHOLD", SPAM_THRESHOLD)


def _follow_up(item: InboundItem) -> Conversation:
    from inbox.language import detect_language

    conversation = item.conversation or _open_conversation(item)
    contact = conversation.contact
    enquiry = item.payload.get("enquiry") or {}
    message = enquiry.get("message", "")
    conversation.language = detect_language(f"{conversation.subject}\n{message}", default=conversation.language)
    score, threshold = _spam_score(
        text=message, subject=conversation.subject, email=contact.email, honeypot_filled=bool(enquiry.get("honeypot"))
    )
    fields = ["language"]
    if score is not None:
        conversation.spam_score = score
        fields.append("spam_score")
        if score >= threshold and conversation.status == Conversation.Status.NEW:
            conversation.status = Conversation.Status.SPAM
            fields.append("status")
    conversation.save(update_fields=fields)
    if conversation.language and not contact.language:
        contact.language = conversation.language
        contact.save(update_fields=["language", "updated_at"])
    return conversation


def inbound_process(*, item_id: int) -> bool:
    """Language, spam score and acknowledgement of one stored item; True if this call did it.

    The item is claimed with a conditional update inside the transaction that does the work
    and marks it processed: a second worker waits for the row, then finds it processed and
    does nothing. A failure rolls the work back and records the error and the attempt.
    """
    from inbox.intake.queue import enqueue
    from inbox.mail.tasks import send_acknowledgement

    try:
        with transaction.atomic():
            claimed = InboundItem.objects.filter(
                pk=item_id, processed_at__isnull=True, attempts__lt=MAX_ATTEMPTS
            ).update(attempts=F("attempts") + 1)
            if not claimed:
                return False
            item = InboundItem.objects.select_related("channel__company", "conversation__contact").get(pk=item_id)
            conversation = _follow_up(item)
            item.processed_at = timezone.now()
            item.error = ""
            item.save(update_fields=["processed_at", "error"])
            # Email written by a machine (out-of-office, bounce) is never acknowledged: no mail loops.
            no_acknowledgement = (item.payload.get("enquiry") or {}).get("no_acknowledgement")
            if (
                item.channel.auto_acknowledge
                and conversation.status != Conversation.Status.SPAM
                and not no_acknowledgement
            ):

                def acknowledge():
                    if not enqueue(send_acknowledgement, conversation.pk):
                        # Not sent: let the sweep try again rather than lose it.
                        InboundItem.objects.filter(pk=item_id).update(
                            processed_at=None, error="The acknowledgement could not be queued."
                        )

                transaction.on_commit(acknowledge)
    except Exception as exc:
        logger.exception("Processing inbound item %s failed.", item_id)
        InboundItem.objects.filter(pk=item_id, processed_at__isnull=True).update(
            attempts=F("attempts") + 1, error=f"{exc.__class__.__name__}: {exc}"[:2000]
        )
        return False
    return True


def inbound_sweep(*, now: datetime | None = None) -> int:
    """Process the items left unprocessed for a while (broker down, worker lost, error)."""
    cutoff = (now or timezone.now()) - SWEEP_AFTER
    item_ids = list(
        InboundItem.objects.filter(processed_at__isnull=True, attempts__lt=MAX_ATTEMPTS, received_at__lte=cutoff)
        .order_by("received_at")
        .values_list("pk", flat=True)[:SWEEP_BATCH]
    )
    return sum(inbound_process(item_id=item_id) for item_id in item_ids)
