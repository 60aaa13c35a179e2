from datetime import date

from dateutil.relativedelta import relativedelta

from engagements.plan.services import engagement_create


def make_engagement(company, consultant, trainee=None, *, starts_on: date, months: int = 7, **extra):
    """An engagement with the default plan (phases, milestones, objectives)."""
    return engagement_create(
        company=company,
        consultant=consultant,
        trainee=trainee,
        title=extra.pop("title", "Progetto digitale"),
        starts_on=starts_on,
        planned_end_on=starts_on + relativedelta(months=months),
        **extra,
    )
