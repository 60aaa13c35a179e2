"""Erasing what people wrote to a company while keeping the company's figures (GDPR).

`conversation_anonymise` empties a conversation of everything a person wrote or that tells
who they are: the subject, every message's text and HTML (notes and replies too, which quote
them), the email headers that carried addresses, the raw intake payload with its IP address,
the address left in a chat, the trainee's held replies, the attachments (rows and files), and
the landing page and referrer (their addresses may carry personal data). The conversation row
stays with what the figures count (inbox.metrics): its dates, channel, topic, status,
department, priority, first-response and resolution times, SLA due time and UTM fields, so
enquiries by channel, times, SLA shares and attributions stay exactly the same.

`contact_anonymise` empties a contact's name, email, phone, organisation and consent text; the
row stays so that "new contacts" keeps counting the person once.

`company_enquiries_purge` applies the company's retention setting: the conversations without
activity for `Company.enquiry_retention_months`, then their contacts when these have no newer
conversation and are not on a newsletter list (subscribed, or waiting to confirm: the
newsletter's own consent keeps them). Both functions are safe to run twice and on rows already
anonymised (issue 10 reuses them for a person's request to be forgotten).

Full-text search (inbox.search) indexes the very fields blanked here, so an anonymised
conversation is no longer found by any word it contained.
"""

import logging
from datetime import datetime

from dateutil.relativedelta import relativedelta
from django.apps import apps
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from engagements.models import Company
from inbox.chat.models import ChatSession
from inbox.models import Attachment, Contact, Conversation, InboundItem, Message

logger = logging.getLogger(__name__)

PURGE_BATCH = 200
# A contact on a newsletter list in these states is kept: the subscription is its own consent.
NEWSLETTER_KEEPS = ("subscribed", "pending")


def _delete_files(files: list[tuple]) -> None:
    for storage, name in files:
        try:
            storage.delete(name)
        except OSError:
            logger.exception("Could not delete the attachment file %s; its row is gone.", name)


def conversation_anonymise(conversation: Conversation, *, now: datetime | None = None) -> None:
    """Erase the texts, attachments and personal details of one conversation; keep its figures."""
    now = now or timezone.now()
    with transaction.atomic():
        messages = Message.objects.filter(conversation_id=conversation.pk)
        attachments = list(Attachment.objects.filter(message__conversation_id=conversation.pk))
        files = [(a.file.storage, a.file.name) for a in attachments if a.file.name]
        Attachment.objects.filter(pk__in=[a.pk for a in attachments]).delete()
        sessions = ChatSession.objects.filter(conversation_id=conversation.pk)
        InboundItem.objects.filter(
            Q(conversation_id=conversation.pk)
            | Q(pk__in=messages.values("inbound_item_id"))
            | Q(pk__in=sessions.values("first_item_id"))
        ).update(payload={}, remote_addr=None, user_agent="", error="")
        sessions.update(email="")
        messages.update(
            body_text="",
            body_html="",
            message_id="",
            in_reply_to="",
            references="",
            send_error="",
            bounced_address="",
        )
        if apps.is_installed("training"):
            apps.get_model("training", "HeldReply").objects.filter(conversation_id=conversation.pk).update(
                body_text="", sent_text="", comment=""
            )
        Conversation.objects.filter(pk=conversation.pk).update(
            subject="", landing_page="", referrer="", anonymised_at=now
        )
        transaction.on_commit(lambda: _delete_files(files))
    conversation.subject = conversation.landing_page = conversation.referrer = ""
    conversation.anonymised_at = now


def contact_anonymise(contact: Contact, *, now: datetime | None = None) -> None:
    """Erase who the contact is (name, email, phone, organisation, consent text); keep the row."""
    now = now or timezone.now()
    erased = {
        "email": "",
        "name": "",
        "organisation": "",
        "phone": "",
        "consent_text": "",
        "consent_source": "",
        "marketing_consent": False,
        "anonymised_at": now,
    }
    Contact.objects.filter(pk=contact.pk).update(**erased)
    for field, value in erased.items():
        setattr(contact, field, value)


def retention_cutoff(company: Company, now: datetime) -> datetime | None:
    """Conversations without activity since this moment are erased; None: the company keeps them."""
    if not company.enquiry_retention_months:
        return None
    return now - relativedelta(months=company.enquiry_retention_months)


def company_enquiries_purge(*, company: Company, now: datetime | None = None) -> tuple[int, int]:
    """Apply the company's retention setting; returns (conversations, contacts) anonymised."""
    now = now or timezone.now()
    cutoff = retention_cutoff(company, now)
    if cutoff is None:
        return 0, 0
    conversations = 0
    expired = Conversation.objects.for_company(company).filter(last_activity_at__lt=cutoff, anonymised_at__isnull=True)
    while batch := list(expired.order_by("pk").only("pk")[:PURGE_BATCH]):
        for conversation in batch:
            conversation_anonymise(conversation, now=now)
        conversations += len(batch)
    contacts = 0
    forgotten = (
        Contact.objects.for_company(company)
        .filter(anonymised_at__isnull=True, conversations__isnull=False)
        .exclude(conversations__last_activity_at__gte=cutoff)
        .exclude(newsletter_subscriptions__status__in=NEWSLETTER_KEEPS)
        .distinct()
    )
    for contact in forgotten.order_by("pk").only("pk"):
        contact_anonymise(contact, now=now)
        contacts += 1
    return conversations, contacts


def enquiries_purge(now: datetime | None = None) -> tuple[int, int]:
    """Every company with a retention setting; returns the totals anonymised."""
    now = now or timezone.now()
    totals = [0, 0]
    for company in Company.objects.filter(is_active=True, enquiry_retention_months__isnull=False).order_by("pk"):
        conversations, contacts = company_enquiries_purge(company=company, now=now)
        totals[0] += conversations
        totals[1] += contacts
        if conversations or contacts:
            logger.info(
                "Retention of %s: %s conversation(s) and %s contact(s) anonymised.",
                company.slug,
                conversations,
                contacts,
            )
    return totals[0], totals[1]
