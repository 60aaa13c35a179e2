"""The PDF of a monthly report, made with WeasyPrint from the print template and the same SVG charts."""

import weasyprint
from django.conf import settings
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import timezone, translation
from PIL import ImageFile

from reports.models import MonthlyReport
from reports.report_page import report_context

# Importing WeasyPrint turns on Pillow's process-wide LOAD_TRUNCATED_IMAGES, which would let
# half-uploaded pictures through the content desk's checks in the same process. The report
# embeds no raster images, so Pillow's strict default is restored.
ImageFile.LOAD_TRUNCATED_IMAGES = False


def report_print_html(report: MonthlyReport) -> str:
    """The print page in the company's language and time zone (a job has no request)."""
    with translation.override(report.company.language), timezone.override(report.company.tzinfo):
        return render_to_string("reports/print.html", {**report_context(report), "printing": True})


def report_pdf_bytes(report: MonthlyReport) -> bytes:
    return weasyprint.HTML(string=report_print_html(report), base_url=str(settings.BASE_DIR)).write_pdf()


def report_pdf_attach(report: MonthlyReport) -> None:
    """Render the PDF and store it on the report, replacing the one made from older figures."""
    content = report_pdf_bytes(report)
    old_name = report.pdf.name
    if old_name:
        report.pdf.storage.delete(old_name)
    report.pdf.save(f"{report.period.param}.pdf", ContentFile(content), save=False)
    MonthlyReport.objects.filter(pk=report.pk).update(pdf=report.pdf.name)
