"""A person's GDPR requests to a company: see everything held about them, or be forgotten.

`contact_export` gathers what the company holds about one contact — the contact, every
consent with the text shown, the conversations with all their messages, the newsletter
subscriptions with their history, the chat sessions — as `data.json`, with the attachments'
files under `attachments/`, in one ZIP. Internal notes are included: they are written about
the person and are their personal data too (art. 15 GDPR); the company reads the file before
sending it on and may hold back what concerns third parties. Web mentions are not tied to
contacts (they come from public feeds), so none are included.

`contact_erase` forgets the person while keeping every figure: each conversation goes through
`inbox.retention.conversation_anonymise` (texts, attachments and files, addresses, chat
emails), the contact through `contact_anonymise`; the consents keep when and on which channel
but lose the address they came from; newsletter subscriptions stop (unsubscribed, without the
consent text, addresses or the email used on past deliveries), so the sent newsletters still
count their recipients; quarantined emails from their address are deleted.

Both are written to the activity log with the contact as target, named by number only.
"""

import json
import shutil
import tempfile
import zipfile
from datetime import date, datetime
from pathlib import PurePosixPath

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from activity.log import record
from activity.verbs import Verb
from inbox.chat.models import ChatSession
from inbox.models import Attachment, ConsentRecord, Contact, Conversation, Message
from inbox.retention import contact_anonymise, conversation_anonymise

EXPORT_FORMAT_VERSION = 1
EXPORT_SPOOL_BYTES = 8 * 1024 * 1024


def _json_default(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"Cannot export {type(value).__name__}")


def _attachment_path(attachment: Attachment) -> str:
    name = PurePosixPath(attachment.filename or "file").name or "file"
    return f"attachments/{attachment.pk}-{name}"


def _subscriptions(contact: Contact) -> list[dict]:
    if not apps.is_installed("contentdesk"):
        return []
    Subscription = apps.get_model("contentdesk", "Subscription")
    subscriptions = (
        Subscription.objects.filter(contact_id=contact.pk, company_id=contact.company_id)
        .select_related("newsletter_list")
        .prefetch_related("events")
        .order_by("created_at", "pk")
    )
    return [
        {
            "list": subscription.newsletter_list.name,
            "status": subscription.status,
            "method": subscription.method,
            "language": subscription.language,
            "consent_text": subscription.consent_text,
            "consent_source": subscription.consent_source,
            "consent_given_at": subscription.consent_given_at,
            "consent_ip": subscription.consent_ip,
            "requested_at": subscription.requested_at,
            "request_ip": subscription.request_ip,
            "created_at": subscription.created_at,
            "events": [
                {
                    "kind": event.kind,
                    "at": event.at,
                    "ip": event.ip,
                    "detail": event.detail,
                    "consent_text": event.consent_text,
                }
                for event in subscription.events.all()
            ],
        }
        for subscription in subscriptions
    ]


def contact_export_data(contact: Contact) -> tuple[dict, list[Attachment]]:
    """(everything held about `contact` as JSON-ready data, the attachments whose files go along)."""
    conversations = list(
        Conversation.objects.for_company(contact.company_id)
        .filter(contact_id=contact.pk)
        .select_related("channel")
        .prefetch_related("tags")
        .order_by("created_at", "pk")
    )
    messages = (
        Message.objects.for_company(contact.company_id)
        .filter(conversation__contact_id=contact.pk)
        .select_related("author")
        .prefetch_related("attachments")
        .order_by("created_at", "pk")
    )
    by_conversation: dict[int, list[Message]] = {}
    for message in messages:
        by_conversation.setdefault(message.conversation_id, []).append(message)
    attachments: list[Attachment] = []
    exported_conversations = []
    for conversation in conversations:
        exported_messages = []
        for message in by_conversation.get(conversation.pk, []):
            files = list(message.attachments.all())
            attachments.extend(files)
            exported_messages.append(
                {
                    "direction": message.direction,
                    "created_at": message.created_at,
                    "author": (message.author.get_full_name() or message.author.email) if message.author else "",
                    "text": message.body_text,
                    "sent_at": message.sent_at,
                    "attachments": [
                        {
                            "filename": a.filename,
                            "content_type": a.content_type,
                            "size": a.size,
                            "file": _attachment_path(a),
                        }
                        for a in files
                    ],
                }
            )
        exported_conversations.append(
            {
                "id": conversation.pk,
                "channel": conversation.channel.name if conversation.channel else "",
                "subject": conversation.subject,
                "status": conversation.status,
                "language": conversation.language,
                "topic": conversation.topic,
                "tags": [tag.name for tag in conversation.tags.all()],
                "created_at": conversation.created_at,
                "last_activity_at": conversation.last_activity_at,
                "landing_page": conversation.landing_page,
                "referrer": conversation.referrer,
                "utm": {
                    "source": conversation.utm_source,
                    "medium": conversation.utm_medium,
                    "campaign": conversation.utm_campaign,
                    "term": conversation.utm_term,
                    "content": conversation.utm_content,
                },
                "anonymised_at": conversation.anonymised_at,
                "messages": exported_messages,
            }
        )
    consents = ConsentRecord.objects.for_company(contact.company_id).filter(contact_id=contact.pk)
    sessions = (
        ChatSession.objects.for_company(contact.company_id)
        .filter(conversation__contact_id=contact.pk)
        .select_related("channel")
        .order_by("created_at", "pk")
    )
    data = {
        "format": EXPORT_FORMAT_VERSION,
        "exported_at": timezone.now(),
        "company": contact.company.name,
        "contact": {
            "name": contact.name,
            "email": contact.email,
            "organisation": contact.organisation,
            "phone": contact.phone,
            "language": contact.language,
            "kind": contact.kind,
            "marketing_consent": contact.marketing_consent,
            "created_at": contact.created_at,
            "anonymised_at": contact.anonymised_at,
        },
        "consents": [
            {
                "channel": consent.kind,
                "given_at": consent.given_at,
                "text": consent.text,
                "language": consent.language,
                "source": consent.source,
                "ip": consent.ip,
            }
            for consent in consents.order_by("given_at", "pk")
        ],
        "conversations": exported_conversations,
        "newsletter_subscriptions": _subscriptions(contact),
        "chat_sessions": [
            {
                "channel": session.channel.name,
                "conversation": session.conversation_id,
                "language": session.language,
                "email": session.email,
                "created_at": session.created_at,
            }
            for session in sessions
        ],
    }
    return data, attachments


def contact_export(*, contact: Contact, actor, request=None):
    """The ZIP of everything held about `contact` (data.json and attachments/), logged.

    Returned as an open file positioned at the start: in memory while small, on disk beyond
    EXPORT_SPOOL_BYTES, so that many attachments never fill the web process's memory."""
    data, attachments = contact_export_data(contact)
    # Closed by the response that streams it (FileResponse closes its file).
    archive_file = tempfile.SpooledTemporaryFile(max_size=EXPORT_SPOOL_BYTES)  # noqa: SIM115
    missing = 0
    with zipfile.ZipFile(archive_file, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", json.dumps(data, default=_json_default, ensure_ascii=False, indent=2))
        for attachment in attachments:
            try:
                with attachment.file.open("rb") as handle, archive.open(_attachment_path(attachment), "w") as out:
                    shutil.copyfileobj(handle, out)
            except (FileNotFoundError, ValueError):
                missing += 1
    archive_file.seek(0)
    record(
        contact.company,
        actor,
        Verb.CONTACT_EXPORTED,
        contact,
        request=request,
        conversations=len(data["conversations"]),
        attachments=len(attachments) - missing,
    )
    return archive_file


def contact_export_filename(contact: Contact) -> str:
    return f"contact-{contact.pk}-{timezone.localdate():%Y%m%d}.zip"


def _newsletter_forget(contact: Contact) -> int:
    if not apps.is_installed("contentdesk"):
        return 0
    Subscription = apps.get_model("contentdesk", "Subscription")
    SubscriptionEvent = apps.get_model("contentdesk", "SubscriptionEvent")
    Delivery = apps.get_model("contentdesk", "Delivery")
    subscriptions = Subscription.objects.filter(contact_id=contact.pk, company_id=contact.company_id)
    stopping = Subscription.Status.SUBSCRIBED, Subscription.Status.PENDING
    subscriptions.filter(status__in=stopping).update(status=Subscription.Status.UNSUBSCRIBED)
    count = subscriptions.update(consent_text="", consent_source="", consent_ip=None, request_ip=None)
    SubscriptionEvent.objects.filter(subscription__in=subscriptions).update(ip=None, detail="", consent_text="")
    Delivery.objects.filter(subscription__in=subscriptions).update(email="", error="")
    return count


def _quarantine_forget(contact: Contact) -> None:
    if not contact.email:
        return
    from inbox.email_in.models import QuarantinedEmail

    QuarantinedEmail.objects.for_company(contact.company_id).filter(sender__icontains=contact.email).delete()


def contact_erase(*, contact: Contact, actor, request=None, now: datetime | None = None) -> int:
    """Forget the person behind `contact` keeping the company's figures; returns conversations erased."""
    now = now or timezone.now()
    with transaction.atomic():
        conversations = list(
            Conversation.objects.for_company(contact.company_id).filter(contact_id=contact.pk).order_by("pk")
        )
        for conversation in conversations:
            conversation_anonymise(conversation, now=now)
        _quarantine_forget(contact)
        ConsentRecord.objects.filter(contact_id=contact.pk).update(ip=None, source="")
        ChatSession.objects.for_company(contact.company_id).filter(conversation__contact_id=contact.pk).update(email="")
        subscriptions = _newsletter_forget(contact)
        contact_anonymise(contact, now=now)
        record(
            contact.company,
            actor,
            Verb.CONTACT_ERASED,
            contact,
            request=request,
            conversations=len(conversations),
            newsletter_subscriptions=subscriptions,
        )
    return len(conversations)
