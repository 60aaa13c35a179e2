"""Celery tasks of the item pages: they take ids and are safe to run twice."""

from smtplib import SMTPException

from celery import shared_task

from contentdesk.items.notifications import content_event_notify

__all__ = ["notify_content_event"]

SMTP_RETRY = {
    "autoretry_for": (SMTPException, OSError),
    "retry_backoff": 30,
    "retry_backoff_max": 1800,
    "retry_jitter": True,
    "max_retries": 8,
}


@shared_task(name="contentdesk.items.tasks.notify_content_event", **SMTP_RETRY)
def notify_content_event(event_id: int) -> int:
    """Email the approvers or the author about a step of the approval; each email once."""
    return content_event_notify(event_id)
