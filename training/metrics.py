"""Training figures for the dashboards and the monthly report, computed in SQL.

`figures(company, start, end)` covers the days start … end included, in the company's time
zone, for the plan of the company's current engagement (the open one, else the latest).
"""

from datetime import date, datetime, time, timedelta

from django.db.models import Count, Q

from engagements.handover.models import HandoverItem
from training import readiness, selectors
from training.models import Assessment, Assignment, Evidence, Module


def _bounds(company, start: date, end: date) -> tuple[datetime, datetime]:
    return (
        datetime.combine(start, time.min, tzinfo=company.tzinfo),
        datetime.combine(end + timedelta(days=1), time.min, tzinfo=company.tzinfo),
    )


def figures(company, start: date, end: date) -> dict:
    """{"has_plan": bool, "modules_completed": int, "modules_total": int, "assignments_done": int,
    "evidence": int, "competencies_signed_off": int, "readiness_overall": int | None (0–100,
    as of `end`), "items_ready": int, "items_total": int} — JSON-serialisable; at most ten queries."""
    plan = selectors.current_plan(company)
    empty = {
        "has_plan": False,
        "modules_completed": 0,
        "modules_total": 0,
        "assignments_done": 0,
        "evidence": 0,
        "competencies_signed_off": 0,
        "readiness_overall": None,
        "items_ready": 0,
        "items_total": 0,
    }
    if plan is None:
        return empty
    since, until = _bounds(company, start, end)
    modules = Module.objects.filter(plan=plan).aggregate(
        total=Count("pk"),
        completed=Count("pk", filter=Q(status=Module.Status.DONE, completed_on__gte=start, completed_on__lte=end)),
    )
    items = list(HandoverItem.objects.filter(engagement_id=plan.engagement_id).only("pk", "competencies"))
    result = readiness.compute(company=company, plan=plan, items=items, as_of=end)
    return {
        "has_plan": True,
        "modules_completed": modules["completed"],
        "modules_total": modules["total"],
        "assignments_done": Assignment.objects.filter(
            module__plan=plan, status=Assignment.Status.DONE, done_at__gte=since, done_at__lt=until
        ).count(),
        "evidence": Evidence.objects.filter(
            assignment__module__plan=plan, created_at__gte=since, created_at__lt=until
        ).count(),
        "competencies_signed_off": Assessment.objects.filter(
            plan=plan, signed_off_at__gte=since, signed_off_at__lt=until
        )
        .values("competency")
        .distinct()
        .count(),
        "readiness_overall": result.overall,
        "items_ready": result.ready_count,
        "items_total": sum(1 for r in result.items.values() if r.percent is not None),
    }


def training_tasks_due(company, user, until: date) -> list[dict]:
    """The user's open assignments and unfinished modules due by `until` (overdue ones too),
    soonest first, for the digital manager's Today page; two queries.

    Each: {"kind": "assignment" | "module", "id", "title", "due_on": date, "module_title"}.
    """
    plan = selectors.trainee_plan(company, user)
    if plan is None:
        return []
    tasks = [
        {"kind": "assignment", "id": a.pk, "title": a.title, "due_on": a.due_on, "module_title": a.module.title}
        for a in Assignment.objects.filter(module__plan=plan, status=Assignment.Status.OPEN, due_on__lte=until)
        .select_related("module")
        .order_by("due_on", "pk")
    ]
    tasks += [
        {"kind": "module", "id": m.pk, "title": m.title, "due_on": m.target_on, "module_title": m.title}
        for m in Module.objects.filter(plan=plan, target_on__lte=until)
        .exclude(status=Module.Status.DONE)
        .order_by("target_on", "pk")
    ]
    tasks.sort(key=lambda t: (t["due_on"], t["kind"] != "assignment", t["id"]))
    return tasks
