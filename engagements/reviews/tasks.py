import logging
from datetime import date

from celery import shared_task
from django.core.exceptions import ValidationError

from engagements.plan.models import Engagement
from engagements.reviews.services import REVIEWED_STATUSES, engagements_due_for_review, review_draft
from engagements.services import job_run_record

logger = logging.getLogger(__name__)


@shared_task(name="engagements.reviews.tasks.draft_monthly_reviews")
def draft_monthly_reviews() -> int:
    """Draft last month's review of every active engagement that lacks one (hourly; idempotent).

    Hourly so that each company's month turns in its own time zone; a second run, or two
    workers at once, find the review already there and draft nothing.
    """
    drafted = 0
    for engagement, month in engagements_due_for_review():
        _review, created = review_draft(engagement=engagement, month=month)
        drafted += created
    job_run_record("draft_monthly_reviews")
    if drafted:
        logger.info("Drafted %s monthly review(s).", drafted)
    return drafted


@shared_task(name="engagements.reviews.tasks.draft_review")
def draft_review(engagement_id: int, month_iso: str) -> int | None:
    """Draft one review (`month_iso` is any day of the month, YYYY-MM-DD); returns its id."""
    engagement = (
        Engagement.objects.filter(pk=engagement_id, status__in=REVIEWED_STATUSES).select_related("company").first()
    )
    if engagement is None:
        logger.info("Engagement %s is gone or not active: no review drafted.", engagement_id)
        return None
    try:
        review, _created = review_draft(engagement=engagement, month=date.fromisoformat(month_iso))
    except ValidationError as error:
        logger.info("No review drafted for engagement %s, %s: %s", engagement_id, month_iso, error.messages[0])
        return None
    return review.pk
