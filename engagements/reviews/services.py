"""State changes of monthly reviews; each runs in a transaction."""

from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from engagements.plan.models import Engagement
from engagements.reviews.figures import review_figures
from engagements.reviews.models import Review, ReviewAction

REVIEWED_STATUSES = (Engagement.Status.ACTIVE, Engagement.Status.HANDOVER)


def month_bounds(month: date) -> tuple[date, date]:
    start = month.replace(day=1)
    return start, start + relativedelta(months=1) - timedelta(days=1)


def previous_month(now: datetime, tz) -> date:
    """The first day of the month before `now`, as the calendar reads in time zone `tz`."""
    this_month = timezone.localtime(now, tz).date().replace(day=1)
    return this_month - relativedelta(months=1)


def review_draft(*, engagement: Engagement, month: date) -> tuple[Review, bool]:
    """The review of `month` for the engagement, drafted with today's figures if it does not exist.

    Safe to call twice or from two workers at once: the unique (engagement, month) constraint
    keeps one review, and the loser gets the winner's review with `created` False.
    """
    start, end = month_bounds(month)
    if end < engagement.starts_on:
        raise ValidationError(_("The engagement had not started in that month."))
    existing = Review.objects.filter(engagement=engagement, month=start).first()
    if existing is not None:
        return existing, False
    figures = review_figures(engagement, start, end)
    now = timezone.now()
    try:
        with transaction.atomic():
            review = Review.objects.create(
                engagement=engagement, month=start, figures=figures, drafted_at=now, figures_taken_at=now
            )
    except IntegrityError:
        return Review.objects.get(engagement=engagement, month=start), False
    return review, True


def review_refresh_figures(*, review: Review) -> Review:
    """Take the month's figures again (a draft only: a completed review keeps its snapshot)."""
    if review.is_completed:
        raise ValidationError(_("A completed review keeps the figures it was completed with."))
    start, end = month_bounds(review.month)
    review.figures = review_figures(review.engagement, start, end)
    review.figures_taken_at = timezone.now()
    with transaction.atomic():
        updated = Review.objects.filter(pk=review.pk, status=Review.Status.DRAFT).update(
            figures=review.figures, figures_taken_at=review.figures_taken_at
        )
        if not updated:
            raise ValidationError(_("A completed review keeps the figures it was completed with."))
    return review


def review_update(
    *,
    review: Review,
    notes: str | None = None,
    decisions: str | None = None,
    actions: list[ReviewAction] = (),
    removed_actions: list[ReviewAction] = (),
) -> Review:
    """Save the consultant's notes and decisions (drafts only) and the review's actions.

    Actions are followed up after the review is completed, so they stay editable.
    """
    with transaction.atomic():
        if notes is not None or decisions is not None:
            if review.is_completed:
                raise ValidationError(_("A completed review cannot be changed; its actions still can."))
            review.notes = notes if notes is not None else review.notes
            review.decisions = decisions if decisions is not None else review.decisions
            review.save(update_fields=["notes", "decisions"])
        for action in removed_actions:
            if action.pk and action.review_id == review.pk:
                action.delete()
        for action in actions:
            action.review = review
            action.full_clean()
            action.save()
    return review


def review_complete(*, review: Review, user) -> Review:
    """Close the review: its notes, decisions and figures stay as they are from now on."""
    now = timezone.now()
    with transaction.atomic():
        updated = Review.objects.filter(pk=review.pk, status=Review.Status.DRAFT).update(
            status=Review.Status.COMPLETED, completed_at=now, completed_by=user
        )
        if not updated:
            raise ValidationError(_("This review has already been completed."))
    review.status, review.completed_at, review.completed_by = Review.Status.COMPLETED, now, user
    return review


def engagements_due_for_review(now: datetime | None = None) -> list[tuple[Engagement, date]]:
    """Open engagements whose previous month (in the company's time zone) has no review yet.

    Three queries whatever the number of engagements.
    """
    now = now or timezone.now()
    candidates = []
    engagements = Engagement.objects.filter(status__in=REVIEWED_STATUSES, company__is_active=True).select_related(
        "company"
    )
    for engagement in engagements:
        month = previous_month(now, engagement.company.tzinfo)
        _start, end = month_bounds(month)
        if engagement.starts_on <= end:
            candidates.append((engagement, month))
    if not candidates:
        return []
    existing = set(
        Review.objects.filter(
            engagement_id__in=[e.pk for e, _m in candidates], month__in={m for _e, m in candidates}
        ).values_list("engagement_id", "month")
    )
    return [(e, m) for e, m in candidates if (e.pk, m) not in existing]
