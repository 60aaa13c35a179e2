"""Write services of the live chat: the chat channel, a visitor's lines, the email address
they leave, and what they have read.

The first line goes through the intake's store-first path (`inbox.services.inbound_receive`):
an inbound item, then the contact, the conversation and its message, then language, spam
score and SLA like any enquiry. Later lines are stored the same way — an inbound item exactly
as received, in the request's transaction, deduplicated by the widget's key for the line —
and become messages of the same conversation.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from inbox.chat.models import ChatSession
from inbox.models import Contact, Conversation, InboundItem, IntakeChannel, Message
from inbox.services import contact_upsert, inbound_receive

Status = Conversation.Status
# A visitor writing again brings a waiting or closed conversation back to the team.
REOPENED_BY_VISITOR = (Status.WAITING_CUSTOMER, Status.RESOLVED)


def chat_consent_text(company) -> str:
    """What the visitor agrees to by writing, in the active language; stored with the contact."""
    return _(
        "By writing here you agree that %(company)s processes your messages and the data you give to answer you."
    ) % {"company": company.name}


def chat_channel_ensure(*, company) -> IntakeChannel:
    """The company's chat channel, created once: switched on, with the website form's allowed sites."""
    with transaction.atomic():
        channels = IntakeChannel.objects.for_company(company).filter(
            kind__in=[IntakeChannel.Kind.CHAT, IntakeChannel.Kind.FORM]
        )
        origins = []
        for channel in channels.order_by("created_at", "pk"):
            if channel.kind == IntakeChannel.Kind.CHAT:
                return channel
            origins.extend(origin for origin in channel.origins if origin not in origins)
        with translation.override(company.language):
            name = str(IntakeChannel.Kind.CHAT.label)
        # The widget acknowledges in the chat itself: no acknowledgement by email.
        return IntakeChannel.objects.create(
            company=company,
            kind=IntakeChannel.Kind.CHAT,
            name=name,
            allowed_origins="\n".join(origins),
            auto_acknowledge=False,
        )


def chat_channel_switch_on(*, company) -> IntakeChannel:
    """The company's chat channel, created if missing and switched on."""
    channel = chat_channel_ensure(company=company)
    if not channel.is_active:
        IntakeChannel.objects.filter(pk=channel.pk).update(is_active=True)
        channel.is_active = True
    return channel


def _enquiry(*, channel, text: str, email: str, language: str, page: str, referrer: str, utm: dict) -> dict:
    company = channel.company
    with translation.override(language or company.language):
        consent_text = chat_consent_text(company)
    return {
        "email": email,
        "name": "",
        "organisation": "",
        "phone": "",
        "subject": "",
        "message": text,
        "language": language,
        "landing_page": page,
        "referrer": referrer,
        "utm": utm,
        "consent": {
            "given_at": timezone.now().isoformat(),
            "text": consent_text,
            "source": f"{channel.name} · {page}"[:200] if page else channel.name,
        },
        "honeypot": False,
    }


def chat_start(
    *,
    channel: IntakeChannel,
    text: str,
    language: str,
    received: dict,
    email: str = "",
    page: str = "",
    referrer: str = "",
    utm: dict | None = None,
    client_key: str = "",
    remote_addr: str | None = None,
    user_agent: str = "",
    origin: str = "",
) -> ChatSession:
    """A new chat from its first line; the same `client_key` again returns the same session."""
    email = email.strip().lower()
    enquiry = _enquiry(
        channel=channel, text=text, email=email, language=language, page=page, referrer=referrer, utm=utm or {}
    )
    with transaction.atomic():
        item, created = inbound_receive(
            channel=channel,
            enquiry=enquiry,
            received=received,
            idempotency_key=f"chat:{client_key}" if client_key else "",
            remote_addr=remote_addr,
            user_agent=user_agent,
            meta={"origin": origin, "chat": True},
        )
        if not created:
            existing = ChatSession.objects.filter(first_item=item).first()
            if existing is not None:
                return existing
        return ChatSession.objects.create(
            company_id=channel.company_id,
            channel=channel,
            first_item=item,
            conversation_id=item.conversation_id,
            language=language,
            email=email,
        )


def _locked(session: ChatSession) -> ChatSession:
    locked = ChatSession.objects.select_for_update(of=("self",)).select_related("channel__company").get(pk=session.pk)
    if locked.conversation_id is None and locked.first_item_id is not None:
        # The intake sweep may have opened the first line's conversation since.
        conversation_id = (
            InboundItem.objects.filter(pk=locked.first_item_id).values_list("conversation_id", flat=True).first()
        )
        if conversation_id is not None:
            locked.conversation_id = conversation_id
            locked.save(update_fields=["conversation"])
    return locked


def chat_post(
    *,
    session: ChatSession,
    text: str,
    received: dict,
    client_key: str = "",
    remote_addr: str | None = None,
    user_agent: str = "",
    origin: str = "",
) -> Message | None:
    """A later line of the visitor: a message of the chat's conversation (once per `client_key`).

    None only when no conversation could be opened yet: the line is then stored as an inbound
    item that the intake sweep turns into a conversation, like any enquiry.
    """
    now = timezone.now()
    with transaction.atomic():
        session = _locked(session)
        channel = session.channel
        if session.conversation_id is None:
            item, _created = inbound_receive(
                channel=channel,
                enquiry=_enquiry(
                    channel=channel,
                    text=text,
                    email=session.email,
                    language=session.language,
                    page="",
                    referrer="",
                    utm={},
                ),
                received=received,
                idempotency_key=f"chat:{session.pk}:{client_key}" if client_key else "",
                remote_addr=remote_addr,
                user_agent=user_agent,
                meta={"origin": origin, "chat": True},
            )
            if item.conversation_id is None:
                return None
            session.conversation_id = item.conversation_id
            session.save(update_fields=["conversation"])
            return Message.objects.filter(inbound_item=item).first()
        key = f"chat:{session.pk}:{client_key}" if client_key else ""
        try:
            with transaction.atomic(savepoint=bool(key)):
                item = InboundItem.objects.create(
                    company_id=session.company_id,
                    channel=channel,
                    idempotency_key=key,
                    payload={
                        "received": received,
                        "chat_line": {"message": text},
                        "meta": {"origin": origin, "chat": True},
                    },
                    remote_addr=remote_addr,
                    user_agent=user_agent[:300],
                    processed_at=now,  # nothing follows a later line: the conversation is scored already
                    conversation_id=session.conversation_id,
                )
        except IntegrityError:
            if not key:
                raise
            # The widget sent the same line again (a lost answer): stored once.
            return (
                Message.objects.filter(inbound_item__channel=channel, inbound_item__idempotency_key=key)
                .order_by("pk")
                .first()
            )
        message = Message.objects.create(
            company_id=session.company_id,
            conversation_id=session.conversation_id,
            direction=Message.Direction.IN,
            body_text=text,
            created_at=now,
            inbound_item=item,
        )
        conversations = Conversation.objects.filter(pk=session.conversation_id)
        conversations.filter(status__in=REOPENED_BY_VISITOR).update(
            status=Status.OPEN, resolved_at=None, resolution_seconds=None
        )
        conversations.update(last_activity_at=now)
    return message


def chat_set_email(*, session: ChatSession, email: str) -> ChatSession:
    """The visitor's address, for answers given while they are away: on the session and the contact.

    A chat contact has no address yet: it gets this one, or — when the company already knows
    the address — the conversation moves to that contact and the empty one goes. A contact
    that already has another address is never renamed: the conversation moves to the contact
    of the new address instead.
    """
    email = email.strip().lower()
    with transaction.atomic():
        session = _locked(session)
        session.email = email
        session.save(update_fields=["email"])
        if session.conversation_id is None:
            return session
        conversation = Conversation.objects.select_related("contact").get(pk=session.conversation_id)
        _give_email(conversation, email, language=session.language)
    return session


def _give_email(conversation: Conversation, email: str, *, language: str) -> None:
    contact = conversation.contact
    if contact.email.lower() == email:
        return
    known = Contact.objects.for_company(conversation.company_id).with_email(email).exclude(pk=contact.pk).first()
    if known is None and not contact.email:
        try:
            with transaction.atomic():
                Contact.objects.filter(pk=contact.pk).update(email=email, updated_at=timezone.now())
            return
        except IntegrityError:  # the same address arrived at the same moment from elsewhere
            known = Contact.objects.for_company(conversation.company_id).with_email(email).first()
    if known is None:
        known = contact_upsert(company=conversation.company, email=email, language=language, update_existing=False)
    Conversation.objects.filter(pk=conversation.pk).update(contact=known)
    if not contact.email and not contact.conversations.exists():
        contact.delete()


def chat_mark_seen(*, session: ChatSession, up_to: int) -> int:
    """The answers up to message `up_to` were shown in the open widget: delivered, never emailed."""
    if session.conversation_id is None or up_to < 1:
        return 0
    return Message.objects.filter(
        conversation_id=session.conversation_id,
        direction=Message.Direction.OUT,
        is_automatic=False,
        sent_at__isnull=True,
        pk__lte=up_to,
    ).update(sent_at=timezone.now(), send_error="")
