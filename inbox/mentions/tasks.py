"""The periodic reading of the watched feeds."""

from celery import shared_task

from engagements.services import job_run_record
from inbox.mentions.services import mention_feeds_poll_due

__all__ = ["mention_feeds_poll"]


@shared_task(name="inbox.mentions.tasks.mention_feeds_poll")
def mention_feeds_poll() -> int:
    """Every 30 minutes: read the feeds that are due and store their new entries.

    Safe to run twice or in two workers at once: each feed is claimed before it is read, and
    a mention is stored once per company (unique key).
    """
    stored = sum(result.stored for result in mention_feeds_poll_due())
    job_run_record("mention_feeds_poll")
    return stored
