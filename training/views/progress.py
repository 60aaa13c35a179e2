"""The consultant's side: the progress page per trainee (read-only for the owner), creating the
plan, its schedule, and sending an assignment back."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from engagements.handover.models import HandoverItem
from engagements.plan.models import Engagement
from engagements.tenancy import company_view
from training import readiness, selectors
from training.forms import FeedbackForm
from training.models import Assignment, Module
from training.rules import RuleBook
from training.services import assignment_reopen, module_schedule, plan_create, plan_propose_dates
from training.views.common import assignment_or_404, attach_company, plan_or_404, today
from training.views.trainee import _assignment_page


def _home(request):
    return redirect("training_home", company_slug=request.company.slug)


def progress_page(request, plan):
    if plan is None:
        engagement = Engagement.objects.for_company(request.company).current().select_related("trainee").first()
        return render(request, "training/no_plan.html", {"engagement": engagement})
    attach_company(request, plan)
    day = today(request)
    modules = selectors.modules_with_progress(plan)
    assignments = selectors.plan_assignments(plan)
    RuleBook(trainee=plan.trainee, company=request.company, as_of=day).annotate(a for a in assignments if a.rule)
    for module in modules:
        module.overdue = module.is_overdue(day)
    for assignment in assignments:
        assignment.overdue = assignment.is_overdue(day)
    by_status = {status: [m for m in modules if m.status == status] for status in Module.Status.values}
    rule_assignments = [a for a in assignments if getattr(a, "rule_result", None) is not None]
    overdue_modules = [m for m in modules if m.overdue]
    overdue_assignments = [a for a in assignments if a.overdue]
    context = {
        "plan": plan,
        "engagement": plan.engagement,
        "month_number": plan.engagement.month_number(day),
        "today": day,
        "modules": modules,
        "counts": {
            "done": len(by_status[Module.Status.DONE]),
            "in_progress": len(by_status[Module.Status.IN_PROGRESS]),
            "not_started": len(by_status[Module.Status.NOT_STARTED]),
            "total": len(modules),
            "assignments_done": sum(1 for a in assignments if a.status == Assignment.Status.DONE),
            "assignments_total": len(assignments),
            "rules_met": sum(1 for a in rule_assignments if a.rule_result.met),
            "rules_total": len(rule_assignments),
            "overdue": len(overdue_modules) + len(overdue_assignments),
        },
        "overdue_modules": overdue_modules,
        "overdue_assignments": overdue_assignments,
        "rule_assignments": rule_assignments,
        "competency_rows": selectors.competency_rows(plan, modules, assignments),
        "other_plans": [p for p in selectors.all_plans(request.company) if p.pk != plan.pk],
        "evidence_total": selectors.evidence_count(plan),
        "log_entries": selectors.log_entries(plan),
        "can_comment": request.membership.can("training.manage") and plan.trainee_id != request.user.pk,
        **readiness_context(request.company, plan, day),
    }
    return render(request, "training/progress.html", context)


def readiness_context(company, plan, day) -> dict:
    """The handover items of the plan's engagement, each with its readiness (see training.readiness)."""
    items = list(HandoverItem.objects.filter(engagement=plan.engagement).order_by("order", "id"))
    result = readiness.compute(company=company, plan=plan, items=items, as_of=day)
    for item in items:
        item.readiness = result.for_item(item)
    return {
        "handover_items": items,
        "readiness": result,
        "work_weeks": readiness.WORK_WEEKS,
        "work_target": readiness.WORK_SHARE_TARGET,
    }


@company_view("training.view")
def progress(request, plan_id):
    return progress_page(request, plan_or_404(request, plan_id))


@require_POST
@company_view("training.manage")
def plan_create_view(request):
    engagement = Engagement.objects.for_company(request.company).current().select_related("company").first()
    if engagement is None:
        messages.error(request, _("Create the engagement first: the training plan follows its dates."))
        return _home(request)
    try:
        plan = plan_create(engagement=engagement, created_by=request.user, today=today(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _home(request)
    messages.success(
        request,
        _(
            "The training plan is ready: the curriculum has been copied and the target dates spread over the engagement."
        ),
    )
    return redirect("training_progress", company_slug=request.company.slug, plan_id=plan.pk)


@company_view("training.manage")
def plan_schedule(request, plan_id):
    """Target date and status of every module, on one page."""
    plan = plan_or_404(request, plan_id)
    attach_company(request, plan)
    modules = list(plan.modules.order_by("order", "id"))
    status = 200
    if request.method == "POST":
        rows, errors = _schedule_rows(request.POST, modules)
        if not errors:
            day = today(request)
            for module, target_on, state in rows:
                module_schedule(module=module, target_on=target_on, status=state, today=day)
            messages.success(request, _("The plan's dates and statuses are saved."))
            return redirect("training_progress", company_slug=request.company.slug, plan_id=plan.pk)
        messages.error(request, _("Nothing was saved: please correct the fields marked below."))
        for module, target_on, state in rows:
            module.form_target, module.form_status = target_on, state
        for module in modules:
            module.error = errors.get(module.pk, "")
        status = 400
    return render(
        request,
        "training/plan_schedule.html",
        {"plan": plan, "modules": modules, "statuses": Module.Status.choices},
        status=status,
    )


def _schedule_rows(data, modules):
    """(module, target date, status) per module from the posted form, and the errors by module id."""
    field = forms.DateField(required=False)
    rows, errors = [], {}
    for module in modules:
        raw_date = data.get(f"target-{module.pk}", "")
        raw_status = data.get(f"status-{module.pk}", module.status)
        try:
            target_on = field.clean(raw_date)
        except ValidationError:
            target_on = None
            errors[module.pk] = _("Enter a valid date.")
            module.raw_target = raw_date
        if raw_status not in Module.Status.values:
            raw_status = module.status
            errors[module.pk] = _("Choose one of the statuses.")
        rows.append((module, target_on, raw_status))
    return rows, errors


@require_POST
@company_view("training.manage")
def plan_propose_view(request, plan_id):
    plan = plan_or_404(request, plan_id)
    count = plan_propose_dates(plan=plan, today=today(request))
    messages.success(
        request,
        _("New target dates proposed for the %(n)s modules not done yet, from today to the handover month.")
        % {"n": count},
    )
    return redirect("training_plan_schedule", company_slug=request.company.slug, plan_id=plan.pk)


@require_POST
@company_view("training.manage")
def assignment_reopen_view(request, assignment_id):
    assignment = assignment_or_404(request, assignment_id)
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Nothing was saved: please correct the fields marked below."))
        return _assignment_page(request, assignment, feedback_form=form, status=400)
    was_done = assignment.status == Assignment.Status.DONE
    assignment_reopen(assignment=assignment, feedback=form.cleaned_data["feedback"], today=today(request))
    if was_done:
        messages.success(request, _("Assignment sent back: the digital manager sees your comment."))
    else:
        messages.success(request, _("Comment saved: the digital manager sees it on the assignment."))
    return redirect(
        reverse("training_assignment", kwargs={"company_slug": request.company.slug, "assignment_id": assignment.pk})
    )
