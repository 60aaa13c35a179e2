"""Reads of the live chat: what the visitor's widget shows, and where the widget is switched on."""

from inbox.chat.models import ChatSession
from inbox.models import Attachment, IntakeChannel, Message

# The widget shows the latest lines of a long chat; the whole of it is in the inbox.
HISTORY_LIMIT = 200


def active_chat_channel(company_id: int) -> IntakeChannel | None:
    return (
        IntakeChannel.objects.filter(company_id=company_id, kind=IntakeChannel.Kind.CHAT, is_active=True)
        .order_by("created_at", "pk")
        .first()
    )


def chat_channel_by_key(public_key: str) -> IntakeChannel | None:
    """The switched-on chat channel of an active company that a widget's public key names."""
    return (
        IntakeChannel.objects.select_related("company")
        .filter(public_key=public_key, kind=IntakeChannel.Kind.CHAT, is_active=True, company__is_active=True)
        .first()
    )


def session_by_claim(public_key: str, claim) -> ChatSession | None:
    """The session a valid token names, on the channel of `public_key`, if both are still live."""
    return (
        ChatSession.objects.select_related("channel__company")
        .filter(
            key=claim.session_key,
            channel_id=claim.channel_id,
            channel__public_key=public_key,
            channel__kind=IntakeChannel.Kind.CHAT,
            channel__is_active=True,
            channel__company__is_active=True,
        )
        .first()
    )


def visitor_messages(session: ChatSession, *, after: int = 0) -> list[Message]:
    """The visitor's lines and the team's answers after message `after`, oldest first.

    Internal notes never, and not the automatic acknowledgement (an email, not a chat line).
    One query, and one more for the files when there are answers among them (`files`).
    """
    if session.conversation_id is None:
        return []
    rows = list(
        Message.objects.filter(
            conversation_id=session.conversation_id,
            direction__in=[Message.Direction.IN, Message.Direction.OUT],
            is_automatic=False,
            pk__gt=after,
        )
        .select_related("author")
        .order_by("-pk")[:HISTORY_LIMIT]
    )
    rows.reverse()
    answers = {m.pk: m for m in rows if m.direction == Message.Direction.OUT}
    for message in rows:
        message.files = []
    if answers:
        for attachment in Attachment.objects.filter(message_id__in=answers).only(
            "pk", "message_id", "filename", "size"
        ):
            answers[attachment.message_id].files.append(attachment)
    return rows
