"""Reads of the engagement plan, with their queries decided once."""

from django.db.models import Case, Count, Prefetch, Q, When

from engagements.plan.models import Engagement, Milestone, Phase


def engagement_for_overview(company):
    """The open engagement, else the most recent closed one, else None (one query)."""
    return (
        Engagement.objects.for_company(company)
        .select_related("consultant", "trainee")
        .annotate(is_open=Case(When(status=Engagement.Status.CLOSED, then=0), default=1))
        .order_by("-is_open", "-starts_on")
        .first()
    )


def phases_with_milestones(engagement):
    return list(
        Phase.objects.filter(engagement=engagement)
        .order_by("order")
        .prefetch_related(Prefetch("milestones", queryset=Milestone.objects.order_by("due_on", "id")))
    )


def milestone_counts(engagement, today):
    return Milestone.objects.filter(phase__engagement=engagement).aggregate(
        total=Count("id"),
        done=Count("id", filter=Q(done_on__isnull=False)),
        overdue=Count("id", filter=Q(done_on__isnull=True, due_on__lt=today)),
    )


def engagement_summary(company, today):
    """What the company home shows of the engagement: where it stands and what comes next."""
    engagement = Engagement.objects.for_company(company).current().first()
    if engagement is None:
        return None
    milestones = list(
        Milestone.objects.filter(phase__engagement=engagement, done_on__isnull=True)
        .select_related("phase")
        .order_by("due_on", "id")[:4]
    )
    return {
        "engagement": engagement,
        "month_number": engagement.month_number(today),
        "milestones": milestones,
        "overdue": [m for m in milestones if m.due_on < today],
    }
