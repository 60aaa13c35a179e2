"""Celery tasks of the inbox's mail. They take ids, are safe to run twice, and retry with
backoff when the SMTP server fails (the work is claimed in the database, not in the task)."""

import logging
from smtplib import SMTPException

from celery import shared_task

from engagements.services import job_run_record
from inbox.mail.alerts import sla_alerts_send
from inbox.mail.services import acknowledgement_prepare, message_deliver, routed_notification_send

__all__ = ["notify_routed", "send_acknowledgement", "send_message", "sla_alerts"]

logger = logging.getLogger(__name__)

SMTP_RETRY = {
    "autoretry_for": (SMTPException, OSError),
    "retry_backoff": 30,
    "retry_backoff_max": 1800,
    "retry_jitter": True,
    "max_retries": 8,
}


@shared_task(name="inbox.mail.tasks.send_message", **SMTP_RETRY)
def send_message(message_id: int) -> bool:
    """Send an outgoing reply by email (threading headers, reply-to token, quote); once."""
    return message_deliver(message_id)


@shared_task(name="inbox.mail.tasks.send_acknowledgement", **SMTP_RETRY)
def send_acknowledgement(conversation_id: int) -> bool:
    """Acknowledge a new enquiry in its language, with the expected answer time; once.

    Never to spam, to a contact without email, or after a person has already answered.
    """
    message = acknowledgement_prepare(conversation_id)
    return message is not None and message_deliver(message.pk)


@shared_task(name="inbox.mail.tasks.notify_routed", **SMTP_RETRY)
def notify_routed(conversation_id: int, user_id: int) -> bool:
    """Tell a colleague, in their language, that a conversation has been routed to them."""
    return routed_notification_send(conversation_id, user_id)


@shared_task(name="inbox.mail.tasks.sla_alerts")
def sla_alerts() -> int:
    """Every 15 minutes: digests of enquiries at risk, overdue, or urgent while off duty."""
    sent = sla_alerts_send()
    job_run_record("sla_alerts")
    if sent:
        logger.info("Sent %s SLA alert digest(s).", sent)
    return sent
