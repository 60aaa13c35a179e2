"""Monthly result reports: generated once per company and month, regenerated only while a draft."""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from engagements.models import Company
from engagements.reviews.models import Review
from reports.figures import month_snapshot
from reports.models import MonthlyReport
from reports.pdf import report_pdf_attach
from reports.period import Month
from reports.recipients import Recipient
from reports.recipients import report_recipients as recipients_of


def previous_month(company: Company, now: datetime | None = None) -> Month:
    """The month before `now` as the calendar reads in the company's time zone."""
    return Month.of(timezone.localtime(now or timezone.now(), company.tzinfo).date()).previous


def _review_notes(company: Company, month: date) -> str:
    review = Review.objects.filter(engagement__company=company, month=month).only("notes").order_by("-id").first()
    return review.notes if review else ""


def monthly_report_generate(*, company: Company, month: Month, regenerate: bool = False) -> tuple[MonthlyReport, bool]:
    """The report of `month`, created with the month's figures frozen if it does not exist yet.

    Returns (report, changed). Running it twice, or from two workers at once, leaves one report:
    the unique (company, month) constraint decides, and the loser gets the winner's row.
    `regenerate` takes the figures again, and is refused once the report has been sent.
    """
    existing = MonthlyReport.objects.filter(company=company, month=month.first).select_related("company").first()
    if existing is not None and not regenerate:
        if not existing.pdf:
            # A worker stopped between the row and its PDF: the next run finishes the job.
            report_pdf_attach(existing)
        return existing, False
    snapshot = month_snapshot(company, month)
    now = timezone.now()
    with transaction.atomic():
        report, created = MonthlyReport.objects.get_or_create(
            company=company,
            month=month.first,
            defaults={"figures": snapshot, "generated_at": now, "review_notes": _review_notes(company, month.first)},
        )
        if not created:
            if not regenerate:
                return report, False
            report = MonthlyReport.objects.select_for_update().get(pk=report.pk)
            if report.is_sent:
                raise ValidationError(_("This report has already been sent: it can no longer be regenerated."))
            # The consultant's notes stay: only the figures are taken again.
            report.figures, report.generated_at = snapshot, now
            report.save(update_fields=["figures", "generated_at"])
    report_pdf_attach(report)
    return report, True


def companies_due_for_report(now: datetime | None = None) -> list[tuple[Company, Month]]:
    """Companies with an engagement whose previous month (in their time zone) has no finished
    report yet: none at all, or one a stopped worker left without its PDF.

    Only what is missing is returned, so a missed hourly run is made up by the next one.
    """
    companies = Company.objects.filter(is_active=True, engagements__isnull=False).distinct()
    candidates = [(company, previous_month(company, now)) for company in companies]
    if not candidates:
        return []
    existing = set(
        MonthlyReport.objects.filter(
            company__in=[c for c, _m in candidates], month__in={m.first for _c, m in candidates}
        )
        .exclude(pdf="")
        .values_list("company_id", "month")
    )
    return [(c, m) for c, m in candidates if (c.pk, m.first) not in existing]


def monthly_report_update_notes(*, report: MonthlyReport, review_notes: str) -> None:
    """Save the consultant's notes; refused once the report has been sent (it is what they read)."""
    updated = MonthlyReport.objects.filter(pk=report.pk, status=MonthlyReport.Status.DRAFT).update(
        review_notes=review_notes
    )
    if not updated:
        raise ValidationError(_("This report has already been sent: its notes can no longer be changed."))
    report.review_notes = review_notes


def report_recipients(company: Company) -> list[Recipient]:
    """Who receives the report, each once with their language (see reports.recipients): the
    members chosen in the report settings and the other addresses, by default the owners and
    the consultants."""
    return recipients_of(company)


def monthly_report_send(*, report: MonthlyReport) -> None:
    """Queue the report's email; the task marks it sent (one claim, so it is sent once)."""
    from reports.tasks import send_monthly_report

    if report.is_sent:
        raise ValidationError(_("This report has already been sent."))
    if not report.pdf:
        raise ValidationError(_("The PDF of this report is not ready yet: try again in a minute."))
    transaction.on_commit(lambda: send_monthly_report.delay(report.pk))
