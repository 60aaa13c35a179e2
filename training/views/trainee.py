"""The trainee's pages: my training, a module with its lessons, an assignment with its evidence."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from engagements.tenancy import company_view
from training import selectors
from training.assessment_forms import LogEntryForm
from training.files import ALLOWED_TYPES
from training.forms import EvidenceForm, FeedbackForm
from training.models import Assignment, Evidence
from training.rules import RuleBook, describe_figures
from training.services import (
    assignment_complete,
    evidence_add,
    evidence_delete,
    lesson_mark_read,
    module_complete,
)
from training.views.common import (
    assignment_or_404,
    attach_company,
    evidence_or_404,
    is_trainee,
    lesson_or_404,
    module_or_404,
    today,
)


@company_view("training.view")
def training_home(request):
    """The trainee sees their own training; the consultant and the owner see the progress page."""
    if request.membership.can("training.work"):
        return my_training(request)
    from training.views.progress import progress_page

    return progress_page(request, selectors.current_plan(request.company))


def my_training(request, *, log_form=None, status=200):
    plan = selectors.trainee_plan(request.company, request.user)
    if plan is None:
        return render(request, "training/no_plan.html", {"engagement": None})
    attach_company(request, plan)
    day = today(request)
    modules = selectors.modules_with_progress(plan)
    assignments = selectors.plan_assignments(plan)
    RuleBook(trainee=plan.trainee, company=request.company, as_of=day).annotate(a for a in assignments if a.rule)
    open_assignments = [a for a in assignments if a.status == Assignment.Status.OPEN]
    for module in modules:
        module.overdue = module.is_overdue(day)
    for assignment in assignments:
        assignment.overdue = assignment.is_overdue(day)
    done = [m for m in modules if m.status == m.Status.DONE]
    hours_total = sum(m.estimated_hours for m in modules)
    context = {
        "plan": plan,
        "engagement": plan.engagement,
        "month_number": plan.engagement.month_number(day),
        "today": day,
        "modules": modules,
        "modules_done": len(done),
        "hours_total": hours_total,
        "hours_done": sum(m.estimated_hours for m in done),
        "percent": round(len(done) * 100 / len(modules)) if modules else 0,
        "next_assignments": open_assignments[:5],
        "open_count": len(open_assignments),
        "overdue_modules": [m for m in modules if m.overdue],
        "overdue_assignments": [a for a in open_assignments if a.overdue],
        "rule_assignments": [a for a in assignments if a.rule and getattr(a, "rule_result", None)],
        "recent_evidence": selectors.recent_evidence(plan),
        "evidence_total": selectors.evidence_count(plan),
        "log_entries": selectors.log_entries(plan),
        "log_form": log_form or LogEntryForm(initial={"written_on": day}),
    }
    return render(request, "training/my_training.html", context, status=status)


@company_view("training.view")
def module_detail(request, module_id):
    module = module_or_404(request, module_id)
    plan = module.plan
    attach_company(request, plan)
    day = today(request)
    lessons, resources, assignments = selectors.module_page(module, plan.trainee)
    RuleBook(trainee=plan.trainee, company=request.company, as_of=day).annotate(a for a in assignments if a.rule)
    for assignment in assignments:
        assignment.overdue = assignment.is_overdue(day)
    context = {
        "plan": plan,
        "module": module,
        "competencies": list(module.competencies.order_by("order", "code")),
        "lessons": lessons,
        "resources": resources,
        "assignments": assignments,
        "overdue": module.is_overdue(day),
        "is_trainee": is_trainee(request, plan),
        "can_complete": module.status != module.Status.DONE
        and all(a.status == Assignment.Status.DONE for a in assignments),
    }
    return render(request, "training/module.html", context)


@require_POST
@company_view("training.work")
def lesson_read(request, lesson_id):
    lesson = lesson_or_404(request, lesson_id)
    lesson_mark_read(lesson=lesson, user=request.user, today=today(request))
    messages.success(request, _("Lesson marked as read."))
    return redirect(f"{_module_url(request, lesson.module_id)}#lesson-{lesson.pk}")


def _module_url(request, module_id):
    return reverse("training_module", kwargs={"company_slug": request.company.slug, "module_id": module_id})


@require_POST
@company_view("training.work")
def module_complete_view(request, module_id):
    module = module_or_404(request, module_id)
    try:
        module_complete(module=module, user=request.user, today=today(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Module completed: well done."))
    return redirect(_module_url(request, module.pk))


def _assignment_page(request, assignment, *, form=None, feedback_form=None, status=200):
    plan = assignment.module.plan
    attach_company(request, plan)
    day = today(request)
    trainee = is_trainee(request, plan)
    if assignment.rule:
        RuleBook(trainee=plan.trainee, company=request.company, as_of=day).annotate([assignment])
    evidence = list(
        Evidence.objects.filter(assignment=assignment)
        .select_related("content_item__channel", "conversation", "added_by")
        .order_by("created_at", "pk")
    )
    for item in evidence:
        if item.kind == Evidence.Kind.RULE:
            item.summary = describe_figures(assignment.rule, item.figures)
    if trainee and form is None:
        form = EvidenceForm(plan=plan)
    if request.membership.can("training.manage") and feedback_form is None:
        feedback_form = FeedbackForm()
    context = {
        "plan": plan,
        "module": assignment.module,
        "assignment": assignment,
        "overdue": assignment.is_overdue(day),
        "evidence": evidence,
        "form": form if trainee else None,
        "feedback_form": feedback_form,
        "is_trainee": trainee,
    }
    return render(request, "training/assignment.html", context, status=status)


@company_view("training.view")
def assignment_detail(request, assignment_id):
    return _assignment_page(request, assignment_or_404(request, assignment_id))


def _assignment_url(request, assignment_id):
    return reverse("training_assignment", kwargs={"company_slug": request.company.slug, "assignment_id": assignment_id})


@require_POST
@company_view("training.work")
def evidence_add_view(request, assignment_id):
    assignment = assignment_or_404(request, assignment_id)
    plan = assignment.module.plan
    if not is_trainee(request, plan):
        raise PermissionDenied("Only the plan's trainee adds evidence.")
    attach_company(request, plan)
    form = EvidenceForm(request.POST, request.FILES, plan=plan)
    if form.is_valid():
        data = form.cleaned_data
        try:
            added = evidence_add(
                assignment=assignment,
                user=request.user,
                today=today(request),
                url=data["url"],
                note=data["note"],
                file=data["file"],
                content_item=data["content_item"],
                conversations=list(data["conversations"]),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Evidence added.") if len(added) == 1 else _("%(n)s pieces of evidence added.") % {"n": len(added)},
            )
            return redirect(_assignment_url(request, assignment.pk))
    messages.error(request, _("Nothing was saved: please correct the fields marked below."))
    return _assignment_page(request, assignment, form=form, status=400)


@require_POST
@company_view("training.work")
def evidence_delete_view(request, evidence_id):
    evidence = evidence_or_404(request, evidence_id)
    try:
        evidence_delete(evidence=evidence, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Evidence removed."))
    return redirect(_assignment_url(request, evidence.assignment_id))


@require_POST
@company_view("training.work")
def assignment_complete_view(request, assignment_id):
    assignment = assignment_or_404(request, assignment_id)
    try:
        assignment_complete(assignment=assignment, user=request.user, as_of=today(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Assignment done: the consultant sees it on the progress page."))
    return redirect(_assignment_url(request, assignment.pk))


@company_view("training.view")
def evidence_file(request, evidence_id):
    """Always a download, never shown inline: the browser must not render a file on our origin."""
    evidence = evidence_or_404(request, evidence_id)
    if not evidence.file:
        raise Http404("This evidence has no file.")
    try:
        handle = evidence.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404("The file is missing.") from None
    content_type = evidence.content_type if evidence.content_type in ALLOWED_TYPES else "application/octet-stream"
    response = FileResponse(
        handle, as_attachment=True, filename=evidence.filename or "evidence", content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
