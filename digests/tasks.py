"""The periodic emails and the data-retention purge. Each is safe to run twice, or twice at once:
the work is claimed in the database (digests.models.Dispatch; anonymised_at for the purge)."""

import logging

from celery import shared_task

from digests.morning import morning_digests_send
from digests.portfolio import portfolio_digests_send
from digests.reminders import overdue_reminders_send
from engagements.services import job_run_record
from inbox.retention import enquiries_purge

logger = logging.getLogger(__name__)


@shared_task(name="digests.tasks.morning_digests")
def morning_digests() -> int:
    """Every 15 minutes: today's digest to each digital manager whose company's 07:00 has come."""
    sent = morning_digests_send()
    job_run_record("morning_digests")
    if sent:
        logger.info("Sent %s morning digest(s).", sent)
    return sent


@shared_task(name="digests.tasks.overdue_reminders")
def overdue_reminders() -> int:
    """Every 15 minutes: late content items (once a day each) and overdue milestones (once a week)."""
    sent = overdue_reminders_send()
    job_run_record("overdue_reminders")
    if sent:
        logger.info("Sent %s overdue reminder(s).", sent)
    return sent


@shared_task(name="digests.tasks.portfolio_digests")
def portfolio_digests() -> int:
    """Every 15 minutes: the weekly portfolio digest of each consultant, once their Monday 07:00 has come."""
    sent = portfolio_digests_send()
    job_run_record("portfolio_digests")
    if sent:
        logger.info("Sent %s portfolio digest(s).", sent)
    return sent


@shared_task(name="digests.tasks.enquiries_retention_purge")
def enquiries_retention_purge() -> int:
    """Hourly: anonymise the enquiries older than each company's retention setting (GDPR)."""
    conversations, _contacts = enquiries_purge()
    job_run_record("enquiries_retention_purge")
    return conversations
