"""Engagement figures for a company and a period, for the dashboards and the monthly report.

`figures(company, start, end)` answers a JSON-ready dict (dates as ISO strings) about the
engagement under way in the period, or None when the company had none then.

Everything is seen *as of* the end of the period, or today while the period is still running:
the phase under way then, the milestones due and done in the period, those overdue, and the
next open milestones. Four queries.
"""

from datetime import date

from django.db.models import Case, Count, Q, When
from django.utils import timezone

from engagements.models import Company
from engagements.plan.models import Engagement, Milestone, Phase

NEXT_MILESTONES = 5


def engagement_in_period(company: Company, start: date, end: date) -> Engagement | None:
    """The engagement running at some point of the period: the open one first, else the latest."""
    return (
        Engagement.objects.for_company(company)
        .filter(starts_on__lte=end)
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gte=start))
        .annotate(is_open=Case(When(status=Engagement.Status.CLOSED, then=0), default=1))
        .order_by("-is_open", "-starts_on")
        .first()
    )


def figures(company: Company, start: date, end: date, *, today: date | None = None) -> dict | None:
    if end < start:
        raise ValueError("The period ends before it starts.")
    engagement = engagement_in_period(company, start, end)
    if engagement is None:
        return None
    as_of = min(end, today or timezone.localdate(timezone=company.tzinfo))
    milestones = Milestone.objects.filter(phase__engagement=engagement)
    not_done_by = Q(done_on__isnull=True) | Q(done_on__gt=as_of)
    counts = milestones.aggregate(
        total=Count("pk"),
        due=Count("pk", filter=Q(due_on__range=(start, end))),
        done=Count("pk", filter=Q(done_on__range=(start, as_of))),
        overdue=Count("pk", filter=Q(due_on__lt=as_of) & not_done_by),
        done_overall=Count("pk", filter=Q(done_on__lte=as_of)),
    )
    phase = (
        Phase.objects.filter(engagement=engagement)
        .filter(_under_way(as_of))
        .order_by("-order")
        .values("name", "kind")
        .first()
    )
    upcoming = (
        milestones.filter(not_done_by)
        .order_by("due_on", "pk")
        .values("title", "due_on", "phase__name")[:NEXT_MILESTONES]
    )
    return {
        "as_of": as_of.isoformat(),
        "engagement": {
            "title": engagement.title,
            "status": engagement.status,
            "starts_on": engagement.starts_on.isoformat(),
            "planned_end_on": engagement.planned_end_on.isoformat(),
            "month_number": engagement.month_number(as_of),
            "total_months": engagement.total_months,
        },
        "current_phase": phase,
        "milestones": counts,
        "next_milestones": [
            {
                "title": row["title"],
                "due_on": row["due_on"].isoformat(),
                "phase": row["phase__name"],
                "overdue": row["due_on"] < as_of,
            }
            for row in upcoming
        ],
    }


def _under_way(day: date) -> Q:
    """Phases started and not ended on `day`, by their actual dates when known, else the planned ones."""
    started = Q(actual_start__lte=day) | Q(actual_start__isnull=True, planned_start__lte=day)
    not_ended = (
        Q(actual_end__gte=day)
        | Q(actual_end__isnull=True, actual_start__isnull=False)
        | Q(actual_end__isnull=True, planned_end__gte=day)
    )
    return started & not_ended
