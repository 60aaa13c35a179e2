"""The monthly reports: archive, report page, the consultant's notes and regeneration, the PDF."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from engagements.tenancy import company_view
from reports.forms import ReviewNotesForm
from reports.models import MonthlyReport
from reports.period import Month
from reports.report_page import report_context
from reports.services import monthly_report_generate, monthly_report_send, monthly_report_update_notes


def _report_or_404(request, month: str) -> MonthlyReport:
    period = Month.parse(month)
    if period is None:
        raise Http404
    return get_object_or_404(
        MonthlyReport.objects.for_company(request.company).select_related("company"), month=period.first
    )


def _to_report(request, report):
    return redirect("monthly_report", company_slug=request.company.slug, month=report.period.param)


@require_GET
@company_view("reports.view")
def archive(request):
    reports = list(MonthlyReport.objects.for_company(request.company).archive())
    return render(request, "reports/archive.html", {"reports": reports})


def _render_detail(request, report, form=None, status=200):
    can_manage = request.membership.can("reports.manage")
    if form is None and can_manage and not report.is_sent:
        form = ReviewNotesForm(instance=report)
    context = {**report_context(report), "form": form, "can_manage": can_manage}
    return render(request, "reports/detail.html", context, status=status)


@require_GET
@company_view("reports.view")
def detail(request, month):
    return _render_detail(request, _report_or_404(request, month))


@require_POST
@company_view("reports.manage")
def notes(request, month):
    report = _report_or_404(request, month)
    form = ReviewNotesForm(request.POST, instance=report)
    if not form.is_valid():
        messages.error(request, _("Nothing was saved: please correct the fields marked below."))
        return _render_detail(request, report, form, status=400)
    try:
        monthly_report_update_notes(report=report, review_notes=form.cleaned_data["review_notes"])
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Notes saved."))
    return _to_report(request, report)


@require_POST
@company_view("reports.manage")
def regenerate(request, month):
    report = _report_or_404(request, month)
    try:
        monthly_report_generate(company=request.company, month=report.period, regenerate=True)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("The figures have been taken again."))
    return _to_report(request, report)


@require_POST
@company_view("reports.manage")
def send(request, month):
    report = _report_or_404(request, month)
    try:
        monthly_report_send(report=report)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("The report is on its way to its recipients, with the PDF attached."))
    return _to_report(request, report)


@require_GET
@company_view("reports.view")
def pdf(request, month):
    report = _report_or_404(request, month)
    if not report.pdf:
        raise Http404
    return FileResponse(
        report.pdf.open("rb"),
        as_attachment=True,
        filename=f"{request.company.slug}-{report.period.param}.pdf",
        content_type="application/pdf",
    )
