"""Where an email belongs: the channel its address names, and the conversation it answers.

Addresses: an email channel's own address (info@…, with or without a "+tag"), or the
reply address of our outgoing mail, `reply+<conversation token>@INBOUND_EMAIL_DOMAIN`, which
names the conversation itself. Threading: that reply address among the recipients, else the
Message-IDs the email answers (In-Reply-To, References; for a bounce, the Message-ID of our
email it carries) against the messages of the same company.
"""

import re
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import translation
from django.utils.translation import gettext

from inbox.mail.compose import inbound_domain
from inbox.models import Conversation, IntakeChannel, Message

_REPLY_LOCAL = re.compile(r"^reply\+([0-9a-f]{8,24})$", re.IGNORECASE)


@dataclass
class Destination:
    channel: IntakeChannel
    conversation: Conversation | None = None


def normalise_address(address: str) -> str:
    return (address or "").strip().strip("<>").strip().lower()


def reply_token(address: str) -> str | None:
    """The conversation token of a `reply+<token>@INBOUND_EMAIL_DOMAIN` address, else None."""
    local, _at, domain = normalise_address(address).rpartition("@")
    if domain != inbound_domain().lower():
        return None
    match = _REPLY_LOCAL.match(local)
    return match.group(1).lower() if match else None


def _channel_by_address(address: str) -> IntakeChannel | None:
    return (
        IntakeChannel.objects.select_related("company")
        .alias(address_lower=Lower("address"))
        .filter(~Q(address=""), address_lower=address, kind=IntakeChannel.Kind.EMAIL, is_active=True)
        .filter(company__is_active=True)
        .first()
    )


def replies_channel(conversation: Conversation) -> IntakeChannel:
    """The email channel that stores replies to this conversation (created once if the company
    has none: replies to a web-form enquiry arrive by email too)."""
    channel = conversation.channel
    if channel is not None and channel.kind == IntakeChannel.Kind.EMAIL:
        return channel
    company = conversation.company
    channels = IntakeChannel.objects.for_company(company).filter(kind=IntakeChannel.Kind.EMAIL)
    existing = channels.filter(is_active=True).order_by("created_at", "pk").first() or channels.first()
    if existing is not None:
        return existing
    with transaction.atomic(), translation.override(company.language):
        return IntakeChannel.objects.create(
            company=company, kind=IntakeChannel.Kind.EMAIL, name=gettext("Email replies"), auto_acknowledge=False
        )


def destination_for(address: str) -> Destination | None:
    """The channel (and conversation, for a reply address) that `address` names; None if unknown."""
    address = normalise_address(address)
    if "@" not in address:
        return None
    token = reply_token(address)
    if token is not None:
        conversation = (
            Conversation.objects.select_related("company", "channel", "contact")
            .filter(reply_token=token, company__is_active=True)
            .first()
        )
        if conversation is None:
            return None
        return Destination(channel=replies_channel(conversation), conversation=conversation)
    channel = _channel_by_address(address)
    if channel is None and "+" in address.partition("@")[0]:
        local, _at, domain = address.partition("@")
        channel = _channel_by_address(f"{local.partition('+')[0]}@{domain}")
    return Destination(channel=channel) if channel is not None else None


def thread_conversation(*, company, parsed) -> Conversation | None:
    """The company's conversation this email answers, or None for a new enquiry."""
    for address in parsed.recipients:
        token = reply_token(address)
        if token:
            conversation = Conversation.objects.for_company(company).filter(reply_token=token).first()
            if conversation is not None:
                return conversation
    ids = parsed.thread_ids
    if not ids:
        return None
    # Stored with angle brackets; tolerate rows written without them.
    candidates = set(ids) | {message_id.strip("<>") for message_id in ids}
    found = dict(
        Message.objects.for_company(company)
        .filter(message_id__in=candidates)
        .order_by("created_at")
        .values_list("message_id", "conversation_id")
    )
    for message_id in ids:
        conversation_id = found.get(message_id) or found.get(message_id.strip("<>"))
        if conversation_id:
            return Conversation.objects.select_related("company", "channel", "contact").get(pk=conversation_id)
    return None
