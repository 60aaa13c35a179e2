"""Demo engagements: Officine Berica in month 4 of 7, Tessiture Astico in month 1."""

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from engagements.plan.models import Engagement, Milestone, Objective
from engagements.plan.services import engagement_create, engagement_set_status

BERICA_OBJECTIVES = [
    (Objective.Kind.QUALIFIED_ENQUIRIES, Objective.Direction.AT_LEAST, 25),
    (Objective.Kind.FIRST_RESPONSE, Objective.Direction.AT_MOST, 4),
    (Objective.Kind.CONTENT_PUBLISHED, Objective.Direction.AT_LEAST, 12),
    (Objective.Kind.LEADS_TO_SALES, Objective.Direction.AT_LEAST, 8),
]

# Evidence for the milestones already reached, in the order they fall due.
BERICA_EVIDENCE = [
    ("Questionario compilato con titolare e commerciale: punteggio medio 38%.", ""),
    (
        "Presentazione dell'audit al titolare il venerdì mattina; verbale condiviso.",
        "https://drive.example/officine-berica/audit.pdf",
    ),
    (
        "Nuovo modulo contatti sul sito WordPress, richieste instradate a vendite e R&S.",
        "https://www.officine-berica.example/contatti",
    ),
    ("Linea editoriale approvata: 3 pilastri (applicazioni, casi cliente, dietro le quinte).", ""),
]


def seed_demo_engagement(company, *, consultant, trainee, today: date, month: int, months: int = 7) -> Engagement:
    """The company's engagement, started so that `today` falls in month `month` (idempotent)."""
    existing = Engagement.objects.for_company(company).first()
    if existing is not None:
        return existing
    starts_on = today - relativedelta(months=month - 1) - timedelta(days=9)
    if company.slug == "officine-berica":
        title = "Marketing digitale: dalle richieste web alle vendite"
        objectives = BERICA_OBJECTIVES
    else:
        title = "Ristrutturazione della comunicazione online"
        objectives = None
    engagement = engagement_create(
        company=company,
        consultant=consultant,
        trainee=trainee,
        title=title,
        starts_on=starts_on,
        planned_end_on=starts_on + relativedelta(months=months),
        objectives=objectives,
    )
    engagement_set_status(engagement=engagement, status=Engagement.Status.ACTIVE, today=today)
    _reach_past_milestones(engagement, today)
    return engagement


def _reach_past_milestones(engagement, today):
    """Milestones already due are done, with evidence — all but the latest, left overdue."""
    past = list(Milestone.objects.filter(phase__engagement=engagement, due_on__lt=today).order_by("due_on"))
    evidence = BERICA_EVIDENCE if engagement.company.slug == "officine-berica" else []
    for index, milestone in enumerate(past[:-1] if len(past) > 1 else []):
        milestone.done_on = min(today, milestone.due_on + timedelta(days=index % 3))
        if index < len(evidence):
            milestone.evidence_note, milestone.evidence_url = evidence[index]
        milestone.save()
    phases = list(engagement.phases.order_by("order"))
    for phase in phases:
        if phase.planned_end < today:
            phase.actual_start, phase.actual_end = phase.planned_start, phase.planned_end
        elif phase.planned_start <= today:
            phase.actual_start = phase.planned_start
        phase.save()
