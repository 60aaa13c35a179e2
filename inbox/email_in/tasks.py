"""Celery tasks of the email intake: the periodic IMAP fetch (beat: every minute)."""

import logging

from celery import shared_task

from engagements.services import job_run_record
from inbox.email_in.fetch import mailbox_fetch, mailboxes_due
from inbox.intake.queue import enqueue

__all__ = ["fetch_mailbox", "mailboxes_fetch"]

logger = logging.getLogger(__name__)


@shared_task(name="inbox.email_in.tasks.mailboxes_fetch")
def mailboxes_fetch() -> int:
    """Every minute: queue a fetch for each active mailbox that no run holds; how many queued."""
    queued = sum(enqueue(fetch_mailbox, mailbox_id) for mailbox_id in mailboxes_due())
    job_run_record("mailboxes_fetch")
    return queued


@shared_task(name="inbox.email_in.tasks.fetch_mailbox")
def fetch_mailbox(mailbox_id: int) -> dict | None:
    """Fetch one mailbox; a second run while one holds the mailbox does nothing."""
    result = mailbox_fetch(mailbox_id=mailbox_id)
    if result is None:
        return None
    if result.stored or result.quarantined:
        logger.info(
            "Mailbox %s: %s stored, %s duplicates, %s quarantined.",
            mailbox_id,
            result.stored,
            result.duplicates,
            result.quarantined,
        )
    return {"stored": result.stored, "duplicates": result.duplicates, "quarantined": result.quarantined}
