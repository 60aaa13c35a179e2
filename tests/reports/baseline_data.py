"""An engagement whose audit phase has chosen dates, for the audit baseline tests."""

from datetime import date

from engagements.plan.models import Phase
from tests.plan.factories import make_engagement


def engagement_with_audit(company, consultant, start: date, end: date):
    """An engagement (default plan) whose audit phase runs from `start` to `end`."""
    engagement = make_engagement(company, consultant, starts_on=start)
    Phase.objects.filter(engagement=engagement, kind=Phase.Kind.AUDIT).update(planned_start=start, planned_end=end)
    return engagement
