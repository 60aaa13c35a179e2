"""Reads of training plans, with their queries decided once."""

from collections import defaultdict

from django.db.models import Case, Count, F, IntegerField, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce

from engagements.plan.models import Engagement
from training.models import (
    DEFAULT_REQUIRED_LEVEL,
    Assessment,
    Assignment,
    Competency,
    CompetencyRequirement,
    Evidence,
    Lesson,
    LessonRead,
    LogEntry,
    Module,
    TrainingPlan,
)


def _count(queryset, group: str):
    """A correlated COUNT(*) (0 when none), grouped on `group`, for annotating parent rows."""
    counted = queryset.order_by().values(group).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _plans(company):
    return (
        TrainingPlan.objects.for_company(company)
        .select_related("engagement", "trainee")
        .annotate(is_open=Case(When(engagement__status=Engagement.Status.CLOSED, then=0), default=1))
        .order_by("-is_open", "-created_at", "-pk")
    )


def current_plan(company):
    """The plan of the open engagement, else the most recent one, else None (one query)."""
    return _plans(company).first()


def all_plans(company):
    return list(_plans(company))


def trainee_plan(company, user):
    """The user's own plan in this company (the open engagement's first), or None."""
    return _plans(company).filter(trainee=user).first()


def modules_with_progress(plan):
    """The plan's modules in order, each with counts of lessons read and assignments done (one query)."""
    return list(
        Module.objects.filter(plan=plan)
        .annotate(
            lessons_total=_count(Lesson.objects.filter(module=OuterRef("pk")), "module"),
            lessons_read=_count(
                LessonRead.objects.filter(lesson__module=OuterRef("pk"), user_id=plan.trainee_id), "lesson__module"
            ),
            assignments_total=_count(Assignment.objects.filter(module=OuterRef("pk")), "module"),
            assignments_done=_count(
                Assignment.objects.filter(module=OuterRef("pk"), status=Assignment.Status.DONE), "module"
            ),
        )
        .order_by("order", "id")
    )


def plan_assignments(plan):
    """Every assignment of the plan with its module and how much evidence it has (one query)."""
    return list(
        Assignment.objects.filter(module__plan=plan)
        .select_related("module")
        .annotate(evidence_count=_count(Evidence.objects.filter(assignment=OuterRef("pk")), "assignment"))
        .order_by(F("due_on").asc(nulls_last=True), "module__order", "order", "pk")
    )


def recent_evidence(plan, limit: int = 6):
    return list(
        Evidence.objects.filter(assignment__module__plan=plan)
        .select_related("assignment__module", "content_item", "conversation")
        .order_by("-created_at", "-pk")[:limit]
    )


def evidence_count(plan) -> int:
    return Evidence.objects.filter(assignment__module__plan=plan).count()


def module_page(module, user):
    """A module's lessons (with whether `user` read each), resources and assignments: three queries."""
    reads = LessonRead.objects.filter(lesson=OuterRef("pk"), user=user)
    lessons = list(
        Lesson.objects.filter(module=module).annotate(read_by_user=_count(reads, "lesson")).order_by("order", "pk")
    )
    resources = list(module.resources.order_by("order", "pk"))
    assignments = list(
        Assignment.objects.filter(module=module)
        .annotate(evidence_count=_count(Evidence.objects.filter(assignment=OuterRef("pk")), "assignment"))
        .order_by("order", "pk")
    )
    return lessons, resources, assignments


def competency_rows(plan, modules, assignments):
    """Per competency the plan covers: its modules (done of total), the automatic evidence met
    (of the rules on those modules' assignments), the latest signed-off level with its comment
    and the level required for the handover; four queries.

    `modules` and `assignments` are the lists the page already holds; assignments carry their
    `rule_result` (see `RuleBook.annotate`).
    """
    through = Module.competencies.through
    links = list(through.objects.filter(module__plan=plan).values_list("competency_id", "module_id"))
    module_ids_by_competency = defaultdict(list)
    for competency_id, module_id in links:
        module_ids_by_competency[competency_id].append(module_id)
    competencies = list(Competency.objects.filter(pk__in=module_ids_by_competency).order_by("order", "code"))
    latest = {}
    for row in (
        Assessment.objects.filter(plan=plan, signed_off_at__isnull=False)
        .order_by("competency_id", "-signed_off_at", "-pk")
        .values("competency_id", "level", "comment", "signed_off_at")
    ):
        latest.setdefault(row["competency_id"], row)
    required = dict(CompetencyRequirement.objects.filter(plan=plan).values_list("code", "level"))
    modules_by_id = {m.pk: m for m in modules}
    rules_by_module = defaultdict(list)
    for assignment in assignments:
        if getattr(assignment, "rule_result", None) is not None:
            rules_by_module[assignment.module_id].append(assignment.rule_result)
    rows = []
    for competency in competencies:
        its_modules = [modules_by_id[i] for i in module_ids_by_competency[competency.pk] if i in modules_by_id]
        its_modules.sort(key=lambda m: (m.order, m.pk))
        results = [r for m in its_modules for r in rules_by_module[m.pk]]
        rows.append(
            {
                "competency": competency,
                "modules": its_modules,
                "modules_done": sum(1 for m in its_modules if m.status == Module.Status.DONE),
                "rules_total": len(results),
                "rules_met": sum(1 for r in results if r.met),
                "level": latest.get(competency.pk, {}).get("level"),
                "comment": latest.get(competency.pk, {}).get("comment", ""),
                "signed_off_at": latest.get(competency.pk, {}).get("signed_off_at"),
                "required": required.get(competency.code, int(DEFAULT_REQUIRED_LEVEL)),
            }
        )
    return rows


def log_entries(plan, limit: int = 20):
    """The latest entries of the learning log, with who commented (one query)."""
    return list(
        LogEntry.objects.filter(plan=plan).select_related("commented_by").order_by("-written_on", "-pk")[:limit]
    )


def last_signed_off(plan, limit: int = 5):
    """The latest signed-off ratings, newest first (one query)."""
    return list(
        Assessment.objects.filter(plan=plan, signed_off_at__isnull=False)
        .select_related("competency")
        .order_by("-signed_off_at", "-pk")[:limit]
    )
