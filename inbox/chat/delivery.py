"""How the team's answers reach a chat visitor: in the widget, or by email if unread.

An answer on a chat conversation is shown in the visitor's widget, which marks it delivered
(`sent_at`) once it has been on screen in the open panel (a chat whose token has expired has
no widget any more: its answers are emailed at once). An answer still unread after
`EMAIL_UNREAD_AFTER` is emailed when the visitor left an address — the visitor has gone,
and email is how the rest of the inbox answers (threaded, so a reply by email comes back
to the same conversation). The sweep runs every minute; `message_deliver` claims each
message, so an answer is emailed once, and never once the widget has shown it.
"""

import logging
from datetime import datetime, timedelta

from django.utils import timezone

from inbox.chat import tokens
from inbox.chat.models import ChatSession
from inbox.models import IntakeChannel, Message

logger = logging.getLogger(__name__)

EMAIL_UNREAD_AFTER = timedelta(minutes=5)
# Older unread answers are left alone: a visitor who never came back in a week and left no
# working address is not helped by another attempt every minute.
GIVE_UP_AFTER = timedelta(days=7)
SWEEP_BATCH = 100


def is_chat(conversation) -> bool:
    channel = conversation.channel
    return channel is not None and channel.kind == IntakeChannel.Kind.CHAT


def live_sessions(now: datetime):
    """Chat sessions whose widget can still show answers (their token has not expired)."""
    return ChatSession.objects.filter(created_at__gt=now - tokens.MAX_AGE)


def chat_reply_waits(message: Message, *, now: datetime | None = None) -> bool:
    """True when a widget still has time to show this answer: it must not be emailed now.

    An answer on a chat whose token has expired can never be shown: it is emailed at once.
    """
    now = now or timezone.now()
    if message.is_automatic or not is_chat(message.conversation):
        return False
    if message.created_at <= now - EMAIL_UNREAD_AFTER:
        return False
    return live_sessions(now).filter(conversation_id=message.conversation_id).exists()


def unread_replies_due(now: datetime) -> list[int]:
    # Through the live sessions, so that the messages are reached by conversation (indexed),
    # never by scanning every message of every company.
    return list(
        Message.objects.filter(
            conversation_id__in=live_sessions(now).values("conversation_id"),
            direction=Message.Direction.OUT,
            is_automatic=False,
            sent_at__isnull=True,
            created_at__lte=now - EMAIL_UNREAD_AFTER,
            created_at__gt=now - GIVE_UP_AFTER,
        )
        .exclude(conversation__contact__email="")
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)[:SWEEP_BATCH]
    )


def chat_unread_replies_email(*, now: datetime | None = None) -> int:
    """Email the chat answers left unread (visitor gone, address known); how many were sent."""
    from inbox.mail.services import message_deliver

    sent = 0
    for message_id in unread_replies_due(now or timezone.now()):
        try:
            sent += message_deliver(message_id)
        except Exception:  # the SMTP error is on the message; the next sweep tries again
            logger.warning("Chat answer %s could not be emailed; it will be tried again.", message_id, exc_info=True)
    return sent
