"""Outgoing mail and notifications. PLACEHOLDERS until the mail work lands: replace entirely."""

from celery import shared_task


@shared_task
def send_message(message_id: int) -> None:
    """Send an outgoing reply by email (threading headers, reply-to token)."""


@shared_task
def send_acknowledgement(conversation_id: int) -> None:
    """Acknowledge a new enquiry in its language."""


@shared_task
def notify_routed(conversation_id: int, user_id: int) -> None:
    """Tell a colleague a conversation has been routed to them."""
