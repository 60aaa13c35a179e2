"""State changes of an engagement's plan; each runs in a transaction."""

import itertools
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from engagements.plan.defaults import DEFAULT_OBJECTIVES, DEFAULT_PHASES, default_phase_spans
from engagements.plan.models import Engagement, Milestone, Objective, Phase


def engagement_create(
    *,
    company,
    consultant,
    trainee,
    title,
    starts_on,
    planned_end_on,
    length_reason="",
    restructuring_months=24,
    objectives=None,
) -> Engagement:
    """Create the engagement with the default plan: phases, milestones and objectives."""
    engagement = Engagement(
        company=company,
        consultant=consultant,
        trainee=trainee,
        title=title,
        starts_on=starts_on,
        planned_end_on=planned_end_on,
        length_reason=length_reason,
        restructuring_months=restructuring_months,
    )
    engagement.full_clean()
    # Phase and milestone names are data the consultant edits: written in the company's language.
    with transaction.atomic(), translation.override(company.language):
        if Engagement.objects.for_company(company).current().exists():
            raise ValidationError(_("This company already has an engagement that is not closed."))
        engagement.save()
        phases = []
        for order, ((kind, _share, _milestones), (start, end)) in enumerate(
            zip(DEFAULT_PHASES, default_phase_spans(starts_on, planned_end_on), strict=True), start=1
        ):
            phases.append(
                Phase(
                    engagement=engagement,
                    kind=kind,
                    name=str(Phase.Kind(kind).label),
                    order=order,
                    planned_start=start,
                    planned_end=end,
                )
            )
        Phase.objects.bulk_create(phases)
        milestones = []
        for phase, (_kind, _share, phase_milestones) in zip(phases, DEFAULT_PHASES, strict=True):
            for title_, when in phase_milestones:
                offset = round((phase.duration_days - 1) * when)
                milestones.append(
                    Milestone(phase=phase, title=str(title_), due_on=phase.planned_start + timedelta(days=offset))
                )
        Milestone.objects.bulk_create(milestones)
        rows = objectives if objectives is not None else DEFAULT_OBJECTIVES
        Objective.objects.bulk_create(
            Objective(engagement=engagement, kind=kind, direction=direction, target_value=target, order=i)
            for i, (kind, direction, target) in enumerate(rows)
        )
    return engagement


def phases_problems(phases: list) -> list[str]:
    """What is wrong with a sequence of phases (ordered): overlaps and gaps, by name."""
    problems = []
    for phase in phases:
        if phase.planned_end < phase.planned_start:
            problems.append(_("“%(phase)s” ends before it starts.") % {"phase": phase.name})
        if phase.actual_start and phase.actual_end and phase.actual_end < phase.actual_start:
            problems.append(_("“%(phase)s” has an actual end before its actual start.") % {"phase": phase.name})
    for before, after in itertools.pairwise(phases):
        expected = before.planned_end + timedelta(days=1)
        if after.planned_start < expected:
            problems.append(
                _("“%(first)s” and “%(second)s” overlap: “%(second)s” must start on %(date)s.")
                % {"first": before.name, "second": after.name, "date": _format(expected)}
            )
        elif after.planned_start > expected:
            problems.append(
                _("There is a gap between “%(first)s” and “%(second)s”: “%(second)s” must start on %(date)s.")
                % {"first": before.name, "second": after.name, "date": _format(expected)}
            )
    return problems


def _format(day: date) -> str:
    from django.utils.formats import date_format

    return date_format(day, "SHORT_DATE_FORMAT")


def phases_save(*, engagement, phases: list[Phase]) -> None:
    """Save edited phases as a whole; refuse overlaps and gaps with the names of the phases."""
    phases = sorted(phases, key=lambda p: p.order)
    problems = phases_problems(phases)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        Phase.objects.bulk_update(
            phases, ["name", "order", "planned_start", "planned_end", "actual_start", "actual_end"]
        )


def phase_move(*, phase: Phase, direction: int) -> None:
    """Move a phase one place earlier (-1) or later (+1), keeping every phase's length.

    The phases are laid again one after the other from the first one's start, so the plan
    stays without gaps or overlaps.
    """
    with transaction.atomic():
        phases = list(Phase.objects.select_for_update().filter(engagement_id=phase.engagement_id).order_by("order"))
        index = next(i for i, p in enumerate(phases) if p.pk == phase.pk)
        target = index + direction
        if not 0 <= target < len(phases):
            return
        start = phases[0].planned_start
        phases[index], phases[target] = phases[target], phases[index]
        cursor = start
        for order, p in enumerate(phases, start=1):
            length = p.duration_days
            p.order = order
            p.planned_start = cursor
            p.planned_end = cursor + timedelta(days=length - 1)
            cursor = p.planned_end + timedelta(days=1)
        Phase.objects.bulk_update(phases, ["order", "planned_start", "planned_end"])


def engagement_set_status(*, engagement: Engagement, status: str, today: date | None = None) -> Engagement:
    """Move the engagement along planned → active → handover → closed."""
    today = today or timezone.localdate()
    engagement.status = status
    fields = ["status"]
    if status == Engagement.Status.CLOSED:
        engagement.closed_on = engagement.closed_on or today
    else:
        engagement.closed_on = None
    fields.append("closed_on")
    with transaction.atomic():
        engagement.save(update_fields=fields)
    return engagement


def milestone_save(*, milestone: Milestone) -> Milestone:
    milestone.full_clean()
    milestone.save()
    return milestone
