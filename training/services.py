"""State changes of training plans; each runs in a transaction.

Module status moves by itself with the trainee's work: the first lesson read or evidence
added starts a module, the last assignment done completes it, an assignment sent back by the
consultant reopens it. The consultant may still set any status by hand on the plan page.
"""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from engagements.plan.models import Engagement
from training.files import stored_type
from training.library import curriculum_load, library_copy, library_is_empty
from training.models import Assignment, Evidence, Lesson, LessonRead, Module, TrainingPlan
from training.rules import RULES, evaluate_rule

# The last month of an engagement is for the handover: the curriculum aims to end before it.
HANDOVER_DAYS = 30


def company_today(company) -> date:
    return timezone.localdate(timezone=company.tzinfo)


def propose_target_dates(hours: list[int], first_day: date, last_day: date) -> list[date]:
    """A target date per module, in order, spread over [first_day, last_day] by estimated hours.

    A module ends when its share of the hours has elapsed; dates falling on a weekend move
    back to the Friday, never before `first_day`.
    """
    total = sum(max(h, 1) for h in hours) or 1
    span = max((last_day - first_day).days, 0)
    dates, elapsed = [], 0
    for h in hours:
        elapsed += max(h, 1)
        day = first_day + timedelta(days=round(span * elapsed / total))
        while day.weekday() >= 5 and day - timedelta(days=1) >= first_day:
            day -= timedelta(days=1)
        dates.append(day)
    return dates


def _plan_window(engagement: Engagement, today: date) -> tuple[date, date]:
    first_day = max(engagement.starts_on, today)
    last_day = engagement.planned_end_on - timedelta(days=HANDOVER_DAYS)
    if last_day <= first_day + timedelta(days=HANDOVER_DAYS):
        last_day = max(engagement.planned_end_on, first_day)
    return first_day, last_day


def plan_create(*, engagement: Engagement, created_by, today: date | None = None) -> TrainingPlan:
    """The trainee's plan: the library copied into the engagement, with proposed dates.

    Loads the default curriculum first when the library is empty (a fresh installation).
    Creating the plan twice gives the same plan.
    """
    if engagement.trainee_id is None:
        raise ValidationError(_("Choose the digital manager in training on the engagement first."))
    today = today or company_today(engagement.company)
    with transaction.atomic():
        # Locks the engagement row on PostgreSQL so two clicks cannot both copy the library.
        Engagement.objects.select_for_update().filter(pk=engagement.pk).first()
        existing = TrainingPlan.objects.filter(engagement=engagement, trainee_id=engagement.trainee_id).first()
        if existing is not None:
            return existing
        if library_is_empty():
            curriculum_load()
        plan = TrainingPlan.objects.create(
            company=engagement.company, engagement=engagement, trainee_id=engagement.trainee_id, created_by=created_by
        )
        modules = library_copy(plan)
        _set_dates(modules, engagement, today)
    return plan


def _set_dates(modules: list[Module], engagement: Engagement, today: date) -> None:
    modules = sorted(modules, key=lambda m: (m.order, m.pk))
    first_day, last_day = _plan_window(engagement, today)
    for module, day in zip(
        modules, propose_target_dates([m.estimated_hours for m in modules], first_day, last_day), strict=True
    ):
        module.target_on = day
    Module.objects.bulk_update(modules, ["target_on"])
    for module in modules:
        Assignment.objects.filter(module=module).exclude(status=Assignment.Status.DONE).update(due_on=module.target_on)


def plan_propose_dates(*, plan: TrainingPlan, today: date) -> int:
    """Spread the modules not done yet again, from today to the end; assignments follow."""
    with transaction.atomic():
        modules = list(plan.modules.exclude(status=Module.Status.DONE))
        _set_dates(modules, plan.engagement, today)
    return len(modules)


def module_schedule(*, module: Module, target_on: date | None, status: str, today: date) -> Module:
    """Change a module's target date and status by hand (the consultant's plan page).

    Assignments that were due on the old target date follow the new one.
    """
    changed = []
    with transaction.atomic():
        if target_on != module.target_on:
            Assignment.objects.filter(module=module, due_on=module.target_on).exclude(
                status=Assignment.Status.DONE
            ).update(due_on=target_on)
            module.target_on = target_on
            changed.append("target_on")
        if status != module.status:
            _set_status(module, status, today)
            changed += ["status", "started_on", "completed_on"]
        if changed:
            module.save(update_fields=changed)
    return module


def _set_status(module: Module, status: str, today: date) -> None:
    module.status = status
    if status == Module.Status.NOT_STARTED:
        module.started_on = module.completed_on = None
    elif status == Module.Status.IN_PROGRESS:
        module.started_on = module.started_on or today
        module.completed_on = None
    else:
        module.started_on = module.started_on or today
        module.completed_on = today


def _module_started(module: Module, today: date) -> None:
    updated = Module.objects.filter(pk=module.pk, status=Module.Status.NOT_STARTED).update(
        status=Module.Status.IN_PROGRESS, started_on=today
    )
    if updated:
        module.status, module.started_on = Module.Status.IN_PROGRESS, today


def _module_follow_assignments(module: Module, today: date) -> None:
    counts = Assignment.objects.filter(module=module).aggregate(
        total=Count("pk"), open=Count("pk", filter=Q(status=Assignment.Status.OPEN))
    )
    status = Module.Status.DONE if counts["total"] and not counts["open"] else Module.Status.IN_PROGRESS
    if status != module.status:
        _set_status(module, status, today)
        module.save(update_fields=["status", "started_on", "completed_on"])


def _require_trainee(plan: TrainingPlan, user) -> None:
    if plan.trainee_id != user.pk:
        raise PermissionDenied("Only the plan's trainee records this.")


def lesson_mark_read(*, lesson: Lesson, user, today: date) -> bool:
    """The trainee read the lesson; True the first time."""
    module = lesson.module
    _require_trainee(module.plan, user)
    with transaction.atomic():
        _read, created = LessonRead.objects.get_or_create(lesson=lesson, user=user)
        _module_started(module, today)
    return created


def module_complete(*, module: Module, user, today: date) -> None:
    """The trainee closes a module whose assignments are all done (or that has none)."""
    _require_trainee(module.plan, user)
    if module.assignments.filter(status=Assignment.Status.OPEN).exists():
        raise ValidationError(_("Some assignments of this module are still to do: finish them first."))
    with transaction.atomic():
        if module.status != Module.Status.DONE:
            _set_status(module, Module.Status.DONE, today)
            module.save(update_fields=["status", "started_on", "completed_on"])


def evidence_add(
    *,
    assignment: Assignment,
    user,
    today: date,
    url: str = "",
    note: str = "",
    file=None,
    content_item=None,
    conversations=(),
) -> list[Evidence]:
    """Record what the trainee shows for an assignment: one evidence per thing given.

    The caller has validated the input (`EvidenceForm`): the file's type and size, and that the
    content item and conversations belong to the same company.
    """
    plan = assignment.module.plan
    _require_trainee(plan, user)
    common = {"company_id": plan.company_id, "assignment": assignment, "added_by": user}
    rows = []
    if url:
        rows.append(Evidence(kind=Evidence.Kind.LINK, url=url, **common))
    if note.strip():
        rows.append(Evidence(kind=Evidence.Kind.NOTE, note=note.strip(), **common))
    if content_item is not None:
        rows.append(Evidence(kind=Evidence.Kind.CONTENT, content_item=content_item, **common))
    rows += [Evidence(kind=Evidence.Kind.CONVERSATION, conversation=c, **common) for c in conversations]
    with transaction.atomic():
        if file is not None:
            evidence = Evidence(
                kind=Evidence.Kind.FILE,
                filename=(file.name or "file")[-200:],
                content_type=stored_type(file),
                size=file.size,
                **common,
            )
            evidence.file.save(file.name or "file", file, save=False)
            rows.append(evidence)
        try:
            with transaction.atomic():
                for row in rows:
                    row.save()
        except IntegrityError:
            if file is not None and rows[-1].file:
                rows[-1].file.delete(save=False)
            raise ValidationError(
                _("Some of what you picked is already among the evidence of this assignment.")
            ) from None
        _module_started(assignment.module, today)
    return rows


def evidence_delete(*, evidence: Evidence, user) -> None:
    """The trainee removes their own evidence while the assignment is still open."""
    _require_trainee(evidence.assignment.module.plan, user)
    if evidence.assignment.status == Assignment.Status.DONE:
        raise ValidationError(_("This assignment is done: its evidence can no longer be removed."))
    if evidence.kind == Evidence.Kind.RULE:
        raise ValidationError(_("Automatic evidence cannot be removed."))
    with transaction.atomic():
        evidence.delete()
        if evidence.file:
            name, storage = evidence.file.name, evidence.file.storage
            transaction.on_commit(lambda: storage.delete(name))


def assignment_complete(*, assignment: Assignment, user, as_of: date) -> Assignment:
    """The trainee marks the assignment done.

    With an automatic rule, the rule must be met today: its figures are frozen as evidence.
    Without one, at least one evidence must have been added.
    """
    plan = assignment.module.plan
    _require_trainee(plan, user)
    if assignment.status == Assignment.Status.DONE:
        return assignment
    result = None
    if assignment.rule in RULES:
        result = evaluate_rule(
            assignment.rule, trainee=plan.trainee, company=plan.company, as_of=as_of, params=assignment.rule_params
        )
        if not result.met:
            raise ValidationError(
                _("The automatic evidence is not reached yet: %(summary)s.") % {"summary": result.summary}
            )
    elif not assignment.evidence.exists():
        raise ValidationError(_("Add at least one piece of evidence before marking the assignment as done."))
    now = timezone.now()
    with transaction.atomic():
        claimed = Assignment.objects.filter(pk=assignment.pk, status=Assignment.Status.OPEN).update(
            status=Assignment.Status.DONE, done_at=now, done_by=user
        )
        if not claimed:
            assignment.refresh_from_db()
            return assignment
        if result is not None:
            Evidence.objects.update_or_create(
                assignment=assignment,
                kind=Evidence.Kind.RULE,
                defaults={
                    "company_id": plan.company_id,
                    "figures": result.figures,
                    "added_by": user,
                    "created_at": now,
                },
            )
        assignment.status, assignment.done_at, assignment.done_by = Assignment.Status.DONE, now, user
        _module_follow_assignments(assignment.module, as_of)
    return assignment


def assignment_reopen(*, assignment: Assignment, feedback: str, today: date) -> Assignment:
    """The consultant sends a done assignment back, saying what to redo."""
    with transaction.atomic():
        Assignment.objects.filter(pk=assignment.pk).update(
            status=Assignment.Status.OPEN, done_at=None, done_by=None, feedback=feedback.strip()
        )
        assignment.status, assignment.done_at, assignment.done_by = Assignment.Status.OPEN, None, None
        assignment.feedback = feedback.strip()
        _module_follow_assignments(assignment.module, today)
    return assignment
