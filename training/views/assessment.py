"""Assessment: the consultant rates a competency (the history stays), sets the level its
handover needs, and answers the learning log; the trainee writes the log."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from engagements.tenancy import company_view
from training import selectors
from training.assessment_forms import AssessmentForm, LogCommentForm, LogEntryForm, RequirementForm
from training.assessments import (
    assessment_record,
    assessment_sign_off,
    log_entry_add,
    log_entry_comment,
    requirement_set,
)
from training.models import DEFAULT_REQUIRED_LEVEL, Assessment, Competency, CompetencyRequirement, LogEntry
from training.views.common import attach_company, plan_or_404, today


def _assess_url(request, plan, competency):
    return reverse(
        "training_assess",
        kwargs={"company_slug": request.company.slug, "plan_id": plan.pk, "competency_id": competency.pk},
    )


def _assess_page(request, plan, competency, *, form=None, requirement_form=None, status=200):
    history = list(
        Assessment.objects.filter(plan=plan, competency=competency)
        .select_related("assessed_by", "signed_off_by")
        .order_by("-created_at", "-pk")
    )
    requirement = CompetencyRequirement.objects.filter(plan=plan, code=competency.code).first()
    required = requirement.level if requirement else int(DEFAULT_REQUIRED_LEVEL)
    signed = next((a for a in history if a.signed_off_at), None)
    context = {
        "plan": plan,
        "competency": competency,
        "history": history,
        "current": signed,
        "required": required,
        "requirement": requirement,
        "form": form or AssessmentForm(initial={"level": signed.level if signed else None, "sign_off": True}),
        "requirement_form": requirement_form or RequirementForm(initial={"level": required}),
        "is_self": plan.trainee_id == request.user.pk,
    }
    return render(request, "training/assess.html", context, status=status)


@company_view("training.manage")
def competency_assess(request, plan_id, competency_id):
    plan = plan_or_404(request, plan_id)
    attach_company(request, plan)
    competency = get_object_or_404(Competency, pk=competency_id)
    if request.method != "POST":
        return _assess_page(request, plan, competency)
    form = AssessmentForm(request.POST)
    if form.is_valid():
        try:
            assessment = assessment_record(plan=plan, competency=competency, assessor=request.user, **form.cleaned_data)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if assessment.signed_off_at:
                messages.success(request, _("Level %(level)s signed off.") % {"level": assessment.level})
            else:
                messages.success(request, _("Assessment saved as a draft: sign it off when you are sure."))
            return redirect(_assess_url(request, plan, competency))
    messages.error(request, _("Nothing was saved: please correct the fields marked below."))
    return _assess_page(request, plan, competency, form=form, status=400)


@require_POST
@company_view("training.manage")
def assessment_sign_off_view(request, assessment_id):
    assessment = get_object_or_404(
        Assessment.objects.for_company(request.company).select_related("plan", "competency"), pk=assessment_id
    )
    try:
        signed = assessment_sign_off(assessment=assessment, user=request.user)
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        if signed:
            messages.success(request, _("Level %(level)s signed off.") % {"level": assessment.level})
        else:
            messages.info(request, _("This assessment was already signed off."))
    return redirect(_assess_url(request, assessment.plan, assessment.competency))


@require_POST
@company_view("training.manage")
def requirement_set_view(request, plan_id, competency_id):
    plan = plan_or_404(request, plan_id)
    attach_company(request, plan)
    competency = get_object_or_404(Competency, pk=competency_id)
    form = RequirementForm(request.POST)
    if form.is_valid():
        try:
            requirement_set(plan=plan, code=competency.code, level=form.cleaned_data["level"], user=request.user)
        except PermissionDenied as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Required level saved: readiness for the handover follows it."))
            return redirect(_assess_url(request, plan, competency))
    else:
        messages.error(request, _("Nothing was saved: please correct the fields marked below."))
    return _assess_page(request, plan, competency, requirement_form=form, status=400)


@require_POST
@company_view("training.work")
def log_entry_add_view(request):
    plan = selectors.trainee_plan(request.company, request.user)
    if plan is None:
        messages.error(request, _("You have no training plan yet: the consultant creates it."))
        return redirect("training_home", company_slug=request.company.slug)
    form = LogEntryForm(request.POST)
    if form.is_valid():
        try:
            log_entry_add(plan=plan, user=request.user, today=today(request), **form.cleaned_data)
        except ValidationError as error:
            form.add_error("written_on" if hasattr(error, "error_dict") else None, error.messages)
        else:
            messages.success(request, _("Added to your learning log."))
            return redirect("training_home", company_slug=request.company.slug)
    messages.error(request, _("Nothing was saved: please correct the fields marked below."))
    from training.views.trainee import my_training

    return my_training(request, log_form=form, status=400)


@require_POST
@company_view("training.manage")
def log_entry_comment_view(request, entry_id):
    entry = get_object_or_404(LogEntry.objects.for_company(request.company).select_related("plan"), pk=entry_id)
    form = LogCommentForm(request.POST)
    if form.is_valid():
        try:
            log_entry_comment(entry=entry, user=request.user, comment=form.cleaned_data["comment"])
        except PermissionDenied as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Comment saved: the digital manager sees it in their log."))
    else:
        messages.error(request, _("The comment is too long: at most 2000 characters."))
    return redirect(
        reverse("training_progress", kwargs={"company_slug": request.company.slug, "plan_id": entry.plan_id})
        + "#log-title"
    )
