"""Periodic work of the live chat."""

from celery import shared_task

from engagements.services import job_run_record
from inbox.chat.delivery import chat_unread_replies_email

__all__ = ["email_unread_replies"]


@shared_task(name="inbox.chat.tasks.email_unread_replies")
def email_unread_replies() -> int:
    """Every minute: chat answers the visitor has not read within minutes go by email (once)."""
    sent = chat_unread_replies_email()
    job_run_record("email_unread_replies")
    return sent
