"""The email of a monthly report: one per recipient, in their language, with the PDF attached.

The recipients are those of the report settings (reports.recipients).
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from reports.dashboard import month_label
from reports.models import MonthlyReport
from reports.report_page import in_sentence
from reports.services import report_recipients


def report_emails(report: MonthlyReport) -> list[EmailMessage]:
    company = report.company
    url = settings.SITE_URL + reverse(
        "monthly_report", kwargs={"company_slug": company.slug, "month": report.period.param}
    )
    with report.pdf.open("rb") as handle:
        pdf = handle.read()
    messages = []
    # Members in their own language; other addresses (the accountant…) in the one chosen for them.
    for recipient in report_recipients(company):
        with translation.override(recipient.language), timezone.override(company.tzinfo):
            context = {
                "report": report,
                "company": company,
                "name": recipient.name,
                "url": url,
                "month": in_sentence(month_label(report.period)),
            }
            subject = render_to_string("reports/email/report_subject.txt", context).strip()
            body = render_to_string("reports/email/report.txt", context)
        message = EmailMessage(subject, body, to=[recipient.email])
        message.attach(f"{company.slug}-{report.period.param}.pdf", pdf, "application/pdf")
        messages.append(message)
    return messages
