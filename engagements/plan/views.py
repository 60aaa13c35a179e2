from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from engagements.plan.forms import EngagementForm, MilestoneForm, ObjectiveFormSet, PhaseFormSet, StatusForm
from engagements.plan.models import Engagement, Milestone, Phase
from engagements.plan.portfolio import portfolio_rows
from engagements.plan.selectors import engagement_for_overview, milestone_counts, phases_with_milestones
from engagements.plan.services import engagement_create, engagement_set_status, milestone_save, phase_move, phases_save
from engagements.plan.timeline import build_timeline
from engagements.tenancy import company_view


def _current_engagement_or_404(company):
    engagement = Engagement.objects.for_company(company).current().first()
    if engagement is None:
        raise Http404("No open engagement.")
    return engagement


def _overview_redirect(request):
    return redirect("engagement_overview", company_slug=request.company.slug)


@company_view("engagement.view")
def overview(request):
    today = timezone.localdate()
    engagement = engagement_for_overview(request.company)
    context = {"engagement": engagement, "today": today}
    if engagement is not None:
        phases = phases_with_milestones(engagement)
        context.update(
            phases=phases,
            objectives=list(engagement.objectives.all()),
            timeline=build_timeline(engagement, phases, today),
            counts=milestone_counts(engagement, today),
            current_phase=next((p for p in phases if p.is_current(today)), None),
            month_number=engagement.month_number(today),
            status_form=StatusForm(initial={"status": engagement.status}),
        )
    return render(request, "plan/overview.html", context)


@company_view("engagement.manage")
def engagement_new(request):
    if Engagement.objects.for_company(request.company).current().exists():
        messages.info(request, _("This company already has an open engagement."))
        return _overview_redirect(request)
    form = EngagementForm(request.POST or None, company=request.company)
    if request.method == "POST":
        if form.is_valid():
            try:
                engagement_create(company=request.company, consultant=request.user, **form.cleaned_data_for_create())
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, _("Engagement created with the default plan: adjust phases and milestones as needed.")
                )
                return _overview_redirect(request)
        return render(request, "plan/engagement_form.html", {"form": form, "creating": True}, status=400)
    return render(request, "plan/engagement_form.html", {"form": form, "creating": True})


@company_view("engagement.manage")
def engagement_edit(request):
    engagement = _current_engagement_or_404(request.company)
    form = EngagementForm(request.POST or None, instance=engagement, company=request.company, prefix="engagement")
    objectives = ObjectiveFormSet(request.POST or None, instance=engagement, prefix="objectives")
    if request.method == "POST":
        if form.is_valid() and objectives.is_valid():
            form.save()
            objectives.save()
            messages.success(request, _("Engagement saved."))
            return _overview_redirect(request)
        return render(request, "plan/engagement_form.html", {"form": form, "objectives": objectives}, status=400)
    return render(request, "plan/engagement_form.html", {"form": form, "objectives": objectives})


@require_POST
@company_view("engagement.manage")
def engagement_status(request):
    engagement = _current_engagement_or_404(request.company)
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a valid status."))
        return _overview_redirect(request)
    engagement_set_status(engagement=engagement, status=form.cleaned_data["status"])
    if engagement.is_closed:
        messages.success(request, _("Engagement closed: the company now works in continuous in-house mode."))
    else:
        messages.success(request, _("Status changed to “%(status)s”.") % {"status": engagement.get_status_display()})
    return _overview_redirect(request)


@company_view("engagement.manage")
def phases_edit(request):
    engagement = _current_engagement_or_404(request.company)
    queryset = Phase.objects.filter(engagement=engagement).order_by("order")
    formset = PhaseFormSet(request.POST or None, queryset=queryset)
    if request.method == "POST":
        if formset.is_valid():
            phases = [form.save(commit=False) for form in formset.forms]
            try:
                phases_save(engagement=engagement, phases=phases)
            except ValidationError as error:
                for message in error.messages:
                    formset._non_form_errors.append(message)
            else:
                messages.success(request, _("Phases saved."))
                return _overview_redirect(request)
        return render(request, "plan/phases_form.html", {"formset": formset, "engagement": engagement}, status=400)
    return render(request, "plan/phases_form.html", {"formset": formset, "engagement": engagement})


@require_POST
@company_view("engagement.manage")
def phase_move_view(request, phase_id, direction):
    if direction not in ("up", "down"):
        raise Http404("Unknown direction.")
    phase = get_object_or_404(
        Phase.objects.for_company(request.company).filter(engagement__in=Engagement.objects.current()), pk=phase_id
    )
    phase_move(phase=phase, direction=-1 if direction == "up" else 1)
    messages.success(request, _("Phase moved; the dates follow the new order."))
    return redirect("engagement_phases", company_slug=request.company.slug)


@company_view("engagement.manage")
def milestone_edit(request, milestone_id=None):
    engagement = _current_engagement_or_404(request.company)
    milestone = None
    if milestone_id is not None:
        milestone = get_object_or_404(
            Milestone.objects.for_company(request.company).filter(phase__engagement=engagement), pk=milestone_id
        )
    form = MilestoneForm(request.POST or None, instance=milestone, engagement=engagement)
    if request.method == "POST":
        if form.is_valid():
            milestone_save(milestone=form.save(commit=False))
            messages.success(request, _("Milestone saved."))
            return _overview_redirect(request)
        return render(request, "plan/milestone_form.html", {"form": form, "milestone": milestone}, status=400)
    return render(request, "plan/milestone_form.html", {"form": form, "milestone": milestone})


@login_required
def portfolio(request):
    """The consultant's client companies; only consultants have one."""
    rows = portfolio_rows(request.user, timezone.localdate())
    if not rows:
        raise PermissionDenied
    return render(request, "plan/portfolio.html", {"rows": rows, "today": timezone.localdate()})
