"""The consultant's portfolio: every client company at a glance, in a fixed number of queries."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber

from engagements.models import Membership
from engagements.plan.models import Engagement, Milestone, Phase
from engagements.roles import Role


@dataclass
class PortfolioRow:
    company: object
    engagement: Engagement | None = None
    current_phase: Phase | None = None
    days_to_handover: int | None = None
    overdue_milestones: int = 0
    next_milestone: Milestone | None = None
    extras: dict = field(default_factory=dict)


# Other parts of the engagement add their figures here: a function that takes the list of
# rows and fills row.extras in one or two queries for all companies at once.
PORTFOLIO_PROVIDERS: list = []


def portfolio_rows(user, today: date) -> list[PortfolioRow]:
    memberships = Membership.objects.for_user(user).filter(role=Role.CONSULTANT).order_by("company__name")
    rows = {m.company_id: PortfolioRow(company=m.company) for m in memberships}
    if not rows:
        return []
    engagements = Engagement.objects.filter(company_id__in=rows).current().select_related("trainee")
    by_engagement = {}
    for engagement in engagements:
        rows[engagement.company_id].engagement = engagement
        by_engagement[engagement.pk] = rows[engagement.company_id]

    phases = defaultdict(list)
    for phase in Phase.objects.filter(engagement_id__in=by_engagement).order_by("engagement_id", "order"):
        phases[phase.engagement_id].append(phase)
    for engagement_id, engagement_phases in phases.items():
        row = by_engagement[engagement_id]
        row.current_phase = next((p for p in engagement_phases if p.is_current(today)), None)
        handover = next((p for p in engagement_phases if p.kind == Phase.Kind.HANDOVER), None)
        if handover is not None:
            row.days_to_handover = max(0, (handover.planned_start - today).days)

    overdue = (
        Milestone.objects.filter(phase__engagement_id__in=by_engagement)
        .values("phase__engagement_id")
        .annotate(n=Count("id", filter=Q(done_on__isnull=True, due_on__lt=today)))
    )
    for item in overdue:
        by_engagement[item["phase__engagement_id"]].overdue_milestones = item["n"]

    # The earliest open milestone not yet due, one per engagement.
    upcoming = (
        Milestone.objects.filter(phase__engagement_id__in=by_engagement, done_on__isnull=True, due_on__gte=today)
        .select_related("phase")
        .annotate(
            rank=Window(
                RowNumber(), partition_by=F("phase__engagement_id"), order_by=[F("due_on").asc(), F("id").asc()]
            )
        )
        .filter(rank=1)
    )
    for milestone in upcoming:
        by_engagement[milestone.phase.engagement_id].next_milestone = milestone

    result = list(rows.values())
    for provider in PORTFOLIO_PROVIDERS:
        provider(result, today)
    return result
