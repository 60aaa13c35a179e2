"""Demo presence plan for the trainee (called by the demo seeding; safe to run again)."""

from datetime import date

from engagements.models import Company, User
from engagements.schedule.models import PresencePeriod
from engagements.schedule.services import presence_default_plan


def seed_demo_schedule(company: Company, *, trainee: User, start: date) -> list[PresencePeriod]:
    """The typical plan from `start`, unless the trainee already has periods in this company."""
    existing = list(PresencePeriod.objects.for_company(company).filter(trainee=trainee).order_by("starts_on"))
    if existing:
        return existing
    return presence_default_plan(company=company, trainee=trainee, start=start)
