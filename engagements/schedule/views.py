from datetime import date, timedelta

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from engagements.models import Membership
from engagements.roles import Role
from engagements.schedule.forms import PresencePeriodForm
from engagements.schedule.models import PresencePeriod
from engagements.schedule.selectors import PresenceSchedule
from engagements.schedule.services import (
    presence_default_plan,
    presence_period_create,
    presence_period_delete,
    presence_period_update,
)
from engagements.tenancy import company_view


class DefaultPlanForm(forms.Form):
    start = forms.DateField(
        label=gettext_lazy("First day"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )


def _trainees(company):
    return Membership.objects.for_company(company).filter(role=Role.DIGITAL_MANAGER).select_related("user")


def _get_trainee(company, trainee_id):
    return get_object_or_404(_trainees(company), user_id=trainee_id).user


def _next_monday(day: date) -> date:
    return day + timedelta(days=-day.weekday() % 7)


def _status(schedule: PresenceSchedule, now):
    if schedule.on_duty(now):
        stretch = schedule.intervals(now, now + timedelta(days=1))
        return {"on_duty": True, "until": stretch[0][1] if stretch else None}
    return {"on_duty": False, "next": schedule.next_on_duty(now)}


def _page_context(request, plan_forms=None):
    company = request.company
    now = timezone.now()
    today = now.astimezone(company.tzinfo).date()
    trainees = list(_trainees(company).order_by("user__first_name", "user__last_name", "user__email"))
    # Periods and slots of every trainee: two queries, grouped here by trainee.
    everything = PresenceSchedule(
        company.tzinfo,
        PresencePeriod.objects.for_company(company)
        .filter(trainee_id__in=[m.user_id for m in trainees])
        .order_by("starts_on")
        .with_slots(),
    )
    plan_forms = plan_forms or {}
    rows = []
    for member in trainees:
        schedule = everything.for_trainee(member.user_id)
        rows.append(
            {
                "trainee": member.user,
                "periods": [
                    {
                        "period": period,
                        "state": "past"
                        if period.ends_on is not None and period.ends_on < today
                        else ("current" if period.covers(today) else "upcoming"),
                    }
                    for period in schedule.periods
                ],
                "status": _status(schedule, now),
                "plan_form": plan_forms.get(member.user_id)
                or DefaultPlanForm(initial={"start": _next_monday(today)}, prefix=f"plan{member.user_id}"),
            }
        )
    return {"rows": rows, "company_tz": company.timezone}


@require_GET
@company_view("schedule.view")
def schedule(request):
    return render(request, "schedule/schedule.html", _page_context(request))


def _period_form_page(request, *, trainee, period=None):
    form = PresencePeriodForm(request.POST or None, period=period)
    if request.method == "POST" and form.is_valid():
        try:
            if period is None:
                presence_period_create(company=request.company, trainee=trainee, **form.period_data())
                messages.success(request, _("Presence period added."))
            else:
                presence_period_update(period=period, **form.period_data())
                messages.success(request, _("Presence period saved."))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("schedule", company_slug=request.company.slug)
    status = 400 if request.method == "POST" else 200
    if status == 400:
        messages.error(request, _("Nothing was saved: please correct the fields marked below."))
    context = {"form": form, "trainee": trainee, "period": period}
    return render(request, "schedule/period_form.html", context, status=status)


@company_view("schedule.manage")
def period_create(request, trainee_id):
    trainee = _get_trainee(request.company, trainee_id)
    return _period_form_page(request, trainee=trainee)


@company_view("schedule.manage")
def period_edit(request, period_id):
    period = get_object_or_404(
        PresencePeriod.objects.for_company(request.company).select_related("trainee").with_slots(), pk=period_id
    )
    return _period_form_page(request, trainee=period.trainee, period=period)


@require_POST
@company_view("schedule.manage")
def period_delete(request, period_id):
    period = get_object_or_404(PresencePeriod.objects.for_company(request.company), pk=period_id)
    presence_period_delete(period=period)
    messages.success(request, _("The period “%(name)s” has been deleted.") % {"name": period.name})
    return redirect("schedule", company_slug=request.company.slug)


@require_POST
@company_view("schedule.manage")
def default_plan(request, trainee_id):
    trainee = _get_trainee(request.company, trainee_id)
    form = DefaultPlanForm(request.POST, prefix=f"plan{trainee.pk}")
    if form.is_valid():
        try:
            presence_default_plan(company=request.company, trainee=trainee, start=form.cleaned_data["start"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Typical plan created for %(name)s: four trial weeks, then every morning.")
                % {"name": trainee.display_name},
            )
            return redirect("schedule", company_slug=request.company.slug)
    messages.error(request, _("The plan was not created: please correct the fields marked below."))
    context = _page_context(request, plan_forms={trainee.pk: form})
    return render(request, "schedule/schedule.html", context, status=400)
