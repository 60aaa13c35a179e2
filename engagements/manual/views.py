"""The company's digital operations manual: a page, and its HTML and PDF exports."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from engagements.manual.pdf import manual_document_html, manual_pdf_bytes
from engagements.manual.selectors import operations_manual
from engagements.reauth import password_confirmed
from engagements.tenancy import company_view


def _filename(company, extension: str) -> str:
    today = timezone.localdate(timezone=company.tzinfo)
    return f"manuale-operativo-{company.slug}-{today:%Y-%m-%d}.{extension}"


def _attachment(content, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@company_view("manual.view")
def manual_page(request):
    return render(request, "manual/page.html", {"manual": operations_manual(request.company)})


@require_GET
@company_view("manual.export")
@password_confirmed
def manual_export_html(request):
    html = manual_document_html(operations_manual(request.company))
    return _attachment(html, "text/html; charset=utf-8", _filename(request.company, "html"))


@require_GET
@company_view("manual.export")
@password_confirmed
def manual_export_pdf(request):
    content = manual_pdf_bytes(operations_manual(request.company))
    return _attachment(content, "application/pdf", _filename(request.company, "pdf"))
