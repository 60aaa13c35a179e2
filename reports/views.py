"""The owner dashboard and the digital manager's Today page; each is also a role's company home."""

from django.contrib import messages
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from engagements.budgets.selectors import pending_spends
from engagements.plan.metrics import engagement_in_period
from engagements.plan.selectors import phases_with_milestones
from engagements.plan.timeline import build_timeline
from engagements.roles import Role
from engagements.tenancy import company_view
from reports import dashboard as board
from reports import today as blocks
from reports.baseline import baseline_figures, latest_baseline, latest_baseline_exists, months_in
from reports.figures import month_snapshot
from reports.period import choose_month, company_today

SPENDS_TO_APPROVE_SHOWN = 5


def _month_choice(request):
    raw = request.GET.get("month")
    choice = choose_month(raw, request.company)
    if choice.problem == "malformed":
        messages.warning(
            request,
            _("“%(value)s” is not a month such as %(example)s: here is the current month.")
            % {"value": raw[:20], "example": choice.current.param},
        )
    elif choice.problem == "future":
        messages.info(request, _("That month has not come yet: here is the current month."))
    return choice


def _baseline_to_compare(request):
    """The audit baseline when `?compare=baseline` asks for it and there is one."""
    if request.GET.get("compare") != "baseline":
        return None
    baseline = latest_baseline(request.company)
    if baseline is None:
        messages.info(request, _("There is no audit baseline yet: it is frozen when the audit phase ends."))
    return baseline


def _timeline(company, month, today):
    engagement = engagement_in_period(company, month.first, month.last)
    if engagement is None:
        return None
    return build_timeline(engagement, phases_with_milestones(engagement), today)


@require_GET
@company_view("dashboard.view")
def dashboard(request):
    company, membership = request.company, request.membership
    choice = _month_choice(request)
    month = choice.month
    today = company_today(company)
    baseline = _baseline_to_compare(request)
    snapshot = month_snapshot(company, month, membership, compare_months=baseline is None)
    if baseline is not None:
        snapshot["periods"][board.BASELINE] = baseline_figures(baseline, membership)
    current = snapshot["periods"]["month"]
    context = {
        "choice": choice,
        "month": month,
        "month_label": board.month_label(month),
        "previous_label": board.month_label(month.previous),
        "year_before_label": board.month_label(month.year_before),
        "compared_months": [month, month.previous, month.year_before],
        "kpis": board.kpis(snapshot),
        "enquiries_chart": board.enquiries_chart(snapshot),
        "enquiries_by_channel": board.enquiries_by_channel(snapshot),
        "content_chart": board.content_chart(snapshot),
        "budget_chart": board.budget_chart(snapshot),
        "inbox": current.get("inbox"),
        "content": current.get("content"),
        "budget": current.get("budget"),
        "plan": board.plan_summary(snapshot),
        "other_sources": board.other_sources(snapshot),
        "today": today,
        "page_url": request.path,
        "baseline": baseline,
        "baseline_months": months_in(baseline.days) if baseline else None,
        "can_compare": baseline is not None or latest_baseline_exists(company),
    }
    if current.get("plan") is not None:
        context["timeline"] = _timeline(company, month, today)
    if membership.can("budget.approve"):
        context["spends_to_approve"] = list(pending_spends(company)[:SPENDS_TO_APPROVE_SHOWN])
    return render(request, "reports/dashboard.html", context)


def _url_or_none(name: str, company) -> str | None:
    # The training app is being built alongside: its page is linked once it exists.
    try:
        return reverse(name, kwargs={"company_slug": company.slug})
    except NoReverseMatch:
        return None


@require_GET
@company_view("today.view")
def today(request):
    company, membership, user = request.company, request.membership, request.user
    now = timezone.now()
    day = timezone.localtime(now, company.tzinfo).date()
    context = {
        "today": day,
        "last_day": blocks.last_day(day),
        "replies": blocks.replies(company, membership, now),
        "content": blocks.content_due(company, now) if membership.can("content.view") else None,
        "slots": blocks.empty_slots(company, now) if membership.can("content.view") else None,
        "training": blocks.training_tasks(company, user, day) if membership.can("training.view") else None,
        "spends": blocks.my_pending_spends(company, user) if membership.can("budget.spend") else None,
        "can_write_content": membership.can("content.write"),
        "training_url": _url_or_none("training_home", company),
    }
    return render(request, "reports/today.html", context)


@require_GET
@company_view("inbox.answer")
def questions(request):
    """The colleague's home: the questions the team routed to them, waiting for their answer."""
    context = {
        "today": company_today(request.company),
        "questions": blocks.routed_questions(request.company, request.membership),
    }
    return render(request, "reports/questions.html", context)


# The company home of each role.
HOME_PAGES = {
    Role.OWNER: dashboard,
    Role.CONSULTANT: dashboard,
    Role.DIGITAL_MANAGER: today,
    Role.COLLEAGUE: questions,
}


def role_home(request):
    """The response of the role's home page, or None when the role has none here."""
    view = HOME_PAGES.get(request.membership.role)
    if view is None or not request.membership.can(view.company_permission):
        return None
    return view(request)
