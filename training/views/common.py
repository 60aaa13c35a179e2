"""What the training views share: today in the company, objects fetched within the company."""

from django.shortcuts import get_object_or_404

from training.models import Assignment, Evidence, Lesson, Module, TrainingPlan
from training.services import company_today


def today(request):
    return company_today(request.company)


def plan_or_404(request, plan_id) -> TrainingPlan:
    return get_object_or_404(
        TrainingPlan.objects.for_company(request.company).select_related("engagement", "trainee"), pk=plan_id
    )


def module_or_404(request, module_id) -> Module:
    return get_object_or_404(
        Module.objects.for_company(request.company).select_related("plan__engagement", "plan__trainee"), pk=module_id
    )


def lesson_or_404(request, lesson_id) -> Lesson:
    return get_object_or_404(
        Lesson.objects.for_company(request.company).select_related("module__plan__trainee"), pk=lesson_id
    )


def assignment_or_404(request, assignment_id) -> Assignment:
    return get_object_or_404(
        Assignment.objects.for_company(request.company).select_related(
            "module__plan__engagement", "module__plan__trainee", "done_by"
        ),
        pk=assignment_id,
    )


def evidence_or_404(request, evidence_id) -> Evidence:
    return get_object_or_404(
        Evidence.objects.for_company(request.company).select_related("assignment__module__plan"),
        pk=evidence_id,
        assignment__module__plan__company=request.company,
    )


def attach_company(request, plan: TrainingPlan) -> None:
    """The plan's company is the request's: no query to read it again."""
    plan.company = request.company


def is_trainee(request, plan: TrainingPlan) -> bool:
    return plan.trainee_id == request.user.pk and request.membership.can("training.work")
