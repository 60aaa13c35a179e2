from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from engagements.budgets.charts import month_bars
from engagements.budgets.forms import (
    BudgetLinesForm,
    BudgetRuleForm,
    DecisionForm,
    RejectForm,
    SpendForm,
    company_today,
    month_param,
    parse_month,
)
from engagements.budgets.models import BudgetLine, BudgetRule, Spend, first_of_month
from engagements.budgets.selectors import (
    add_months,
    budget_month_summary,
    budget_months_overview,
    month_spends,
    pending_spends,
)
from engagements.budgets.services import (
    budget_month_plan_set,
    money,
    spend_approve,
    spend_over_cap,
    spend_record,
    spend_reject,
)
from engagements.tenancy import company_view

CHART_MONTHS = 12


def _month_url(company, month: date, url_name: str = "budget_month") -> str:
    return f"{reverse(url_name, kwargs={'company_slug': company.slug})}?month={month_param(month)}"


def _requested_month(request) -> date:
    """The `?month=2026-11` being looked at; a malformed one falls back to this month, and says so."""
    current = first_of_month(company_today(request.company))
    raw = request.GET.get("month")
    if raw is None or raw == "":
        return current
    month = parse_month(raw)
    if month is None:
        messages.warning(
            request,
            _("“%(value)s” is not a month such as %(example)s: here is the current month.")
            % {"value": raw[:20], "example": month_param(current)},
        )
        return current
    return month


def _month_context(request, month: date, *, spend_form=None, failed_decision=None) -> dict:
    company, membership = request.company, request.membership
    current = first_of_month(company_today(company))
    pending = []
    if membership.can("budget.approve"):
        for spend in pending_spends(company):
            form = DecisionForm(prefix=f"spend-{spend.pk}")
            if failed_decision is not None and failed_decision[0] == spend.pk:
                form = failed_decision[1]
            pending.append((spend, form))
    if spend_form is None and membership.can("budget.spend"):
        spend_form = SpendForm(company=company)
    months = budget_months_overview(company, add_months(month, 1 - CHART_MONTHS), month)
    return {
        "month": month,
        "month_value": month_param(month),
        "previous_month": add_months(month, -1),
        "next_month": add_months(month, 1),
        "current_month": current,
        "is_current_month": month == current,
        "summary": budget_month_summary(company, month),
        "spends": list(month_spends(company, month)),
        "pending": pending,
        "spend_form": spend_form,
        "threshold": company.spend_approval_threshold,
        "chart": month_bars(months, month),
    }


@company_view("budget.view")
def budget_month(request):
    month = _requested_month(request)
    return render(request, "budgets/month.html", _month_context(request, month))


@require_POST
@company_view("budget.spend")
def budget_spend_record(request):
    company = request.company
    form = SpendForm(request.POST, company=company)
    if form.is_valid():
        try:
            spend = spend_record(company=company, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if spend.is_pending:
                messages.warning(
                    request,
                    _("Spend of %(amount)s recorded. It is above %(threshold)s, so it waits for the owner's approval.")
                    % {"amount": money(spend.amount), "threshold": money(company.spend_approval_threshold)},
                )
            else:
                messages.success(request, _("Spend of %(amount)s recorded.") % {"amount": money(spend.amount)})
            over = spend_over_cap(spend=spend)
            if over is not None:
                rule, total = over
                messages.warning(
                    request,
                    _(
                        "Careful: %(channel)s now adds up to %(total)s this month, above the cap of %(cap)s "
                        "set by the budget rule. The spend is recorded all the same."
                    )
                    % {
                        "channel": spend.get_channel_display(),
                        "total": money(total),
                        "cap": money(rule.monthly_cap),
                    },
                )
            return redirect(_month_url(company, spend.spent_on))
    messages.error(request, _("The spend was not recorded: please correct the fields marked below."))
    month = _requested_month(request)
    return render(request, "budgets/month.html", _month_context(request, month, spend_form=form), status=400)


def _decide(request, spend_id: int, form_class, decide, done_message: str):
    company = request.company
    spend = get_object_or_404(Spend.objects.for_company(company), pk=spend_id)
    form = form_class(request.POST, prefix=f"spend-{spend.pk}")
    if not form.is_valid():
        messages.error(request, _("Nothing was decided: please correct the comment."))
        month = _requested_month(request)
        context = _month_context(request, month, failed_decision=(spend.pk, form))
        return render(request, "budgets/month.html", context, status=400)
    try:
        decide(spend=spend, user=request.user, comment=form.cleaned_data["comment"])
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request,
            done_message % {"amount": money(spend.amount), "channel": spend.get_channel_display(), "note": spend.note},
        )
    month = parse_month(request.GET.get("month")) or first_of_month(spend.spent_on)
    return redirect(_month_url(company, month))


@require_POST
@company_view("budget.approve")
def budget_spend_approve(request, spend_id):
    return _decide(
        request, spend_id, DecisionForm, spend_approve, _("Approved: %(amount)s on %(channel)s (“%(note)s”).")
    )


@require_POST
@company_view("budget.approve")
def budget_spend_reject(request, spend_id):
    return _decide(request, spend_id, RejectForm, spend_reject, _("Rejected: %(amount)s on %(channel)s (“%(note)s”)."))


@company_view("budget.plan")
def budget_lines(request):
    company = request.company
    raw_month = request.GET.get("month")
    bad_month_on_post = request.method == "POST" and bool(raw_month) and parse_month(raw_month) is None
    month = first_of_month(company_today(company)) if bad_month_on_post else _requested_month(request)
    lines = list(BudgetLine.objects.for_company(company).for_month(month))
    previous = {
        row["channel"]: row["planned"]
        for row in BudgetLine.objects.for_company(company).for_month(add_months(month, -1)).planned_by_channel()
    }
    bound = request.method == "POST" and not bad_month_on_post
    form = BudgetLinesForm(request.POST if bound else None, month=month, lines=lines, previous=previous)
    if bad_month_on_post:
        messages.error(request, _("Nothing was saved: the month in the address is not valid."))
    elif bound:
        if form.is_valid():
            budget_month_plan_set(company=company, month=month, lines=form.changed_lines())
            messages.success(
                request, _("Budget for %(month)s saved.") % {"month": date_format(month, "YEAR_MONTH_FORMAT")}
            )
            return redirect(_month_url(company, month))
        messages.error(request, _("Nothing was saved: please correct the fields marked below."))
    context = {
        "form": form,
        "month": month,
        "previous_month": add_months(month, -1),
        "next_month": add_months(month, 1),
        "month_value": month_param(month),
    }
    return render(request, "budgets/lines.html", context, status=400 if request.method == "POST" else 200)


def _rules_redirect(request):
    return redirect("budget_rules", company_slug=request.company.slug)


@require_GET
@company_view("budget.view")
def budget_rule_list(request):
    # Queries: the rules with their owner (one join).
    rules = list(BudgetRule.objects.for_company(request.company).select_related("owner"))
    return render(
        request, "budgets/rules.html", {"rules": rules, "threshold": request.company.spend_approval_threshold}
    )


@company_view("budget.plan")
def budget_rule_edit(request, rule_id=None):
    company = request.company
    rule = None
    if rule_id is not None:
        rule = get_object_or_404(BudgetRule.objects.for_company(company), pk=rule_id)
    initial = {} if rule else {"owner": request.user.pk}
    form = BudgetRuleForm(request.POST or None, instance=rule, initial=initial, company=company)
    if request.method == "POST":
        if form.is_valid():
            rule = form.save(commit=False)
            if rule.pk is None:
                rule.company = company
            rule.save()
            messages.success(request, _("Budget rule for %(channel)s saved.") % {"channel": rule.get_channel_display()})
            return _rules_redirect(request)
        messages.error(request, _("Nothing was saved: please correct the fields marked below."))
        return render(
            request,
            "budgets/rule_form.html",
            {"form": form, "rule": rule, "back_url": reverse("budget_rules", kwargs={"company_slug": company.slug})},
            status=400,
        )
    return render(
        request,
        "budgets/rule_form.html",
        {"form": form, "rule": rule, "back_url": reverse("budget_rules", kwargs={"company_slug": company.slug})},
    )


@require_POST
@company_view("budget.plan")
def budget_rule_delete(request, rule_id):
    rule = get_object_or_404(BudgetRule.objects.for_company(request.company), pk=rule_id)
    rule.delete()
    messages.success(request, _("Budget rule for %(channel)s deleted.") % {"channel": rule.get_channel_display()})
    return _rules_redirect(request)
