"""The audit baseline's page, and the consultant's button that freezes it before the periodic job."""

from django.contrib import messages
from django.db.models import Case, When
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from engagements.plan.models import Engagement
from engagements.tenancy import company_view
from reports import dashboard as board
from reports.baseline import (
    BaselineNotDue,
    audit_baseline_freeze,
    audit_has_started,
    audit_phase,
    audit_span,
    channel_inventory,
    company_day,
    inventory_diff,
    inventory_sections,
    latest_baseline,
    months_in,
    per_month,
)
from reports.formatting import format_value
from reports.period import Month
from reports.registry import sources_for


def _engagement(company) -> Engagement | None:
    """The engagement a baseline is frozen for: the open one, else the latest."""
    return (
        Engagement.objects.for_company(company)
        .annotate(is_open=Case(When(status=Engagement.Status.CLOSED, then=0), default=1))
        .order_by("-is_open", "-starts_on")
        .first()
    )


def _kpi_rows(figures: dict, months, membership) -> list[dict]:
    """Each key figure of the baseline: over the whole audit, and per month when longer than one."""
    visible = {source.key for source in sources_for(membership)}
    averaged = per_month(figures, months)
    return [
        {
            "label": str(definition.label),
            "total": format_value(definition.value(figures), definition.unit),
            "per_month": format_value(definition.value(averaged), definition.unit),
        }
        for definition in board.KPIS
        if definition.source in visible
    ]


@require_GET
@company_view("reports.view")
def baseline(request):
    company, membership = request.company, request.membership
    today = company_day(company, timezone.now())
    frozen = latest_baseline(company)
    engagement = _engagement(company)
    context = {"baseline": frozen, "today": today, "can_freeze": False, "audit": None}
    if engagement is not None and (frozen is None or frozen.engagement_id != engagement.pk):
        phase = audit_phase(engagement)
        if phase is not None:
            start, end = audit_span(phase)
            context["audit"] = {"start": start, "end": end, "started": audit_has_started(phase, today)}
            context["can_freeze"] = membership.can("reports.manage") and audit_has_started(phase, today)
    if frozen is not None:
        months = months_in(frozen.days)
        now = channel_inventory(company, Month.of(today).first, today)
        context.update(
            {
                "months": months,
                "kpis": _kpi_rows(frozen.figures, months, membership),
                "inventory": inventory_sections(frozen.inventory),
                "diff": inventory_diff(frozen.inventory, now),
                "compare_url": reverse("dashboard", kwargs={"company_slug": company.slug}) + "?compare=baseline",
            }
        )
        context["has_changes"] = any(section.has_changes for section in context["diff"])
    return render(request, "reports/baseline.html", context)


@require_POST
@company_view("reports.manage")
def baseline_freeze(request):
    company = request.company
    engagement = _engagement(company)
    if engagement is None:
        messages.error(request, _("There is no engagement: the baseline is the audit's, and there is no audit yet."))
        return redirect("audit_baseline", company_slug=company.slug)
    try:
        frozen, created = audit_baseline_freeze(engagement=engagement, now=timezone.now())
    except BaselineNotDue:
        messages.error(request, _("The audit phase has not started yet: there is nothing to freeze."))
    else:
        if created:
            messages.success(request, _("Baseline frozen: from now on it does not change."))
        else:
            messages.info(
                request,
                _("The baseline was already frozen on %(when)s: it does not change.")
                % {"when": date_format(timezone.localtime(frozen.frozen_at), "SHORT_DATETIME_FORMAT")},
            )
    return redirect("audit_baseline", company_slug=company.slug)
