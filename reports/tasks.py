import logging
from smtplib import SMTPException

from celery import shared_task
from django.core.mail import get_connection
from django.utils import timezone

from engagements.services import job_run_record
from reports.baseline import audit_baseline_freeze, engagements_due_for_baseline
from reports.emails import report_emails
from reports.models import MonthlyReport
from reports.services import companies_due_for_report, monthly_report_generate

logger = logging.getLogger(__name__)


@shared_task(name="reports.tasks.monthly_reports_generate")
def monthly_reports_generate() -> int:
    """Generate last month's report of every company with an engagement that lacks one (hourly).

    Hourly so that each company's month turns at midnight in its own time zone; a second run,
    or two workers at once, find the report there and create nothing.
    """
    generated = 0
    for company, month in companies_due_for_report():
        _report, changed = monthly_report_generate(company=company, month=month)
        generated += changed
    job_run_record("monthly_reports_generate")
    if generated:
        logger.info("Generated %s monthly report(s).", generated)
    return generated


@shared_task(autoretry_for=(SMTPException, OSError), retry_backoff=30, retry_backoff_max=1800, max_retries=8)
def send_monthly_report(report_id: int) -> int:
    """Email the report with its PDF to each recipient, in their language; returns the emails sent.

    The report is claimed (draft → sent) with a conditional update before anything leaves, so a
    retried or duplicated task finds it sent and does nothing; if the SMTP server fails, the
    claim is given back and the retry sends it.
    """
    now = timezone.now()
    claimed = MonthlyReport.objects.filter(pk=report_id, status=MonthlyReport.Status.DRAFT).update(
        status=MonthlyReport.Status.SENT, sent_at=now
    )
    if not claimed:
        logger.info("Monthly report %s is gone or already sent: nothing to send.", report_id)
        return 0
    report = MonthlyReport.objects.select_related("company").get(pk=report_id)
    try:
        messages = report_emails(report)
        with get_connection() as connection:
            connection.send_messages(messages)
    except Exception:
        MonthlyReport.objects.filter(pk=report_id, sent_at=now).update(status=MonthlyReport.Status.DRAFT, sent_at=None)
        raise
    return len(messages)


@shared_task(name="reports.tasks.audit_baselines_freeze")
def audit_baselines_freeze() -> int:
    """Freeze the baseline of every engagement whose audit ended (company's time zone) without one.

    Hourly, so that each company's audit ends at its own midnight; a second run, or two at once,
    find the baselines there and freeze nothing again. Returns the baselines frozen.
    """
    now = timezone.now()
    frozen = 0
    for engagement in engagements_due_for_baseline(now):
        _baseline, created = audit_baseline_freeze(engagement=engagement, now=now)
        frozen += created
    job_run_record("audit_baselines_freeze")
    if frozen:
        logger.info("Froze %s audit baseline(s).", frozen)
    return frozen
