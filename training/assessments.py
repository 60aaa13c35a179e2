"""State changes of assessment: the consultant's ratings, the required levels for handover and
the learning log. Each runs in a transaction.

Only someone who may manage training in the plan's company assesses, and never the plan's
trainee, whatever their role (a consultant training themselves still needs someone else).
"""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from activity.log import record
from activity.verbs import Verb
from engagements.models import Membership
from training.models import Assessment, Competency, CompetencyRequirement, Level, LogEntry, TrainingPlan


def _require_assessor(plan: TrainingPlan, user) -> None:
    if user is None or user.pk == plan.trainee_id:
        raise PermissionDenied(_("Nobody can assess their own training: another consultant must do it."))
    membership = Membership.objects.filter(user=user, company_id=plan.company_id).first()
    if membership is None or not membership.can("training.manage"):
        raise PermissionDenied(_("Only the consultant assesses competencies."))


def _check_level(level) -> int:
    if level not in Level.values:
        raise ValidationError({"level": _("Choose a level from 1 to 4.")})
    return int(level)


def assessment_record(
    *, plan: TrainingPlan, competency: Competency, level: int, comment: str, assessor, sign_off: bool
) -> Assessment:
    """A new rating (never an update: the rows are the history), signed off now if asked."""
    _require_assessor(plan, assessor)
    level = _check_level(level)
    now = timezone.now()
    with transaction.atomic():
        assessment = Assessment.objects.create(
            plan=plan,
            competency=competency,
            level=level,
            comment=comment.strip(),
            assessed_by=assessor,
            created_at=now,
            signed_off_by=assessor if sign_off else None,
            signed_off_at=now if sign_off else None,
        )
        # One entry per action: a rating signed off at once is a sign-off.
        verb = Verb.COMPETENCY_SIGNED_OFF if sign_off else Verb.ASSESSMENT_RECORDED
        record(plan.company_id, assessor, verb, competency, level=level, assessment_id=assessment.pk)
    return assessment


def assessment_sign_off(*, assessment: Assessment, user) -> bool:
    """Sign off a draft rating; False when it already was (two clicks sign it once)."""
    _require_assessor(assessment.plan, user)
    with transaction.atomic():
        done = Assessment.objects.filter(pk=assessment.pk, signed_off_at__isnull=True).update(
            signed_off_by=user, signed_off_at=timezone.now()
        )
        if done:
            record(
                assessment.plan.company_id,
                user,
                Verb.COMPETENCY_SIGNED_OFF,
                assessment.competency,
                level=assessment.level,
                assessment_id=assessment.pk,
            )
    return bool(done)


def requirement_set(*, plan: TrainingPlan, code: str, level: int, user) -> CompetencyRequirement:
    _require_assessor(plan, user)
    level = _check_level(level)
    with transaction.atomic():
        requirement, _created = CompetencyRequirement.objects.update_or_create(
            plan=plan, code=code, defaults={"level": level, "updated_by": user, "updated_at": timezone.now()}
        )
    return requirement


def log_entry_add(*, plan: TrainingPlan, user, written_on: date, text: str, today: date) -> LogEntry:
    """Only the trainee writes their learning log."""
    if user is None or user.pk != plan.trainee_id:
        raise PermissionDenied(_("Only the digital manager writes their learning log."))
    if written_on > today:
        raise ValidationError({"written_on": _("The date cannot be in the future.")})
    with transaction.atomic():
        return LogEntry.objects.create(plan=plan, written_on=written_on, text=text.strip())


def log_entry_comment(*, entry: LogEntry, user, comment: str) -> LogEntry:
    _require_assessor(entry.plan, user)
    entry.comment = comment.strip()
    entry.commented_by = user if entry.comment else None
    entry.commented_at = timezone.now() if entry.comment else None
    with transaction.atomic():
        entry.save(update_fields=["comment", "commented_by", "commented_at"])
    return entry
