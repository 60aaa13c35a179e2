"""Training figures for the dashboards and the Today page's training tasks."""

import json
from datetime import timedelta

from django.utils import timezone

from tests.handover.factories import HandoverItemFactory
from tests.training.factories import answered_enquiry
from training.assessments import assessment_record
from training.metrics import figures, training_tasks_due
from training.models import Assignment, Competency, Evidence, Module
from training.services import assignment_complete, company_today


def test_figures_count_the_period_and_are_json_serialisable(company, plan, consultant, digital_manager):
    today = company_today(company)
    module = plan.modules.get(code="module-1")
    Module.objects.filter(plan=plan, code="module-2").update(
        status=Module.Status.DONE, completed_on=today - timedelta(days=60)
    )
    task = Assignment.objects.filter(module=module).exclude(rule="enquiries_answered").first()
    Evidence.objects.create(company=company, assignment=task, kind="note", note="Fatto", added_by=digital_manager)
    assignment_complete(assignment=task, user=digital_manager, as_of=today)
    Module.objects.filter(pk=module.pk).update(status=Module.Status.DONE, completed_on=today)
    competency = Competency.objects.get(code="inbox.reply")
    for level in (2, 3):
        assessment_record(plan=plan, competency=competency, level=level, comment="", assessor=consultant, sign_off=True)
    HandoverItemFactory(engagement=plan.engagement, competencies=["inbox.reply"])
    answered_enquiry(company, digital_manager, seconds=600, at=timezone.now() - timedelta(days=1))
    result = figures(company, today - timedelta(days=29), today)
    assert json.loads(json.dumps(result)) == result
    assert result == {
        "has_plan": True,
        "modules_completed": 1,
        "modules_total": 3,
        "assignments_done": 1,
        "evidence": 1,
        "competencies_signed_off": 1,
        "readiness_overall": 100,
        "items_ready": 1,
        "items_total": 1,
    }
    # Before anything was signed off, readiness was lower.
    earlier = figures(company, today - timedelta(days=60), today - timedelta(days=1))
    assert earlier["readiness_overall"] < 100
    assert earlier["competencies_signed_off"] == 0


def test_figures_without_a_plan(company):
    assert figures(company, timezone.localdate(), timezone.localdate())["has_plan"] is False


def test_training_tasks_due_lists_the_trainees_open_work_due_by_the_day(company, plan, digital_manager, consultant):
    today = company_today(company)
    Module.objects.filter(plan=plan).update(target_on=today + timedelta(days=30))
    Module.objects.filter(plan=plan, code="module-2").update(target_on=today + timedelta(days=3))
    Assignment.objects.filter(module__plan=plan).update(due_on=today + timedelta(days=30))
    late = Assignment.objects.filter(module__plan=plan).order_by("pk").first()
    Assignment.objects.filter(pk=late.pk).update(due_on=today - timedelta(days=1))
    tasks = training_tasks_due(company, digital_manager, today + timedelta(days=6))
    assert [(t["kind"], t["due_on"]) for t in tasks] == [
        ("assignment", today - timedelta(days=1)),
        ("module", today + timedelta(days=3)),
    ]
    assert tasks[1]["title"] == "Modulo 2"
    assert training_tasks_due(company, consultant, today + timedelta(days=6)) == []
