"""The demo's past monthly reports: the last three months of Officine Berica's engagement.

Generated exactly as the periodic job makes them (frozen figures, the review notes, the PDF);
the older ones were sent on the 2nd of the following month, the last one is still a draft
while the consultant finishes its review. Call it last: it freezes what the other demos made.
"""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from engagements.plan.models import Engagement
from reports.models import MonthlyReport
from reports.period import Month
from reports.services import monthly_report_generate

PAST_REPORTS = 3


def seed_demo_reports(company, *, today: date | None = None) -> list[MonthlyReport]:
    """Idempotent: an existing report is left as it is (generation finds it)."""
    today = today or timezone.localdate(timezone=company.tzinfo)
    engagement = Engagement.objects.for_company(company).order_by("starts_on").first()
    if engagement is None:
        return []
    first_month = Month.of(engagement.starts_on)
    months = []
    month = Month.of(today).previous
    while len(months) < PAST_REPORTS and month.first >= first_month.first:
        months.append(month)
        month = month.previous
    reports = []
    for index, month in enumerate(sorted(months, key=lambda m: m.first)):
        report, created = monthly_report_generate(company=company, month=month)
        generated_at = datetime.combine(month.next.first, time(0, 40), tzinfo=company.tzinfo)
        values = {"generated_at": generated_at}
        if created and index < len(months) - 1:
            values |= {
                "status": MonthlyReport.Status.SENT,
                "sent_at": generated_at + timedelta(days=1, hours=8, minutes=20),
            }
        if created:
            MonthlyReport.objects.filter(pk=report.pk).update(**values)
        reports.append(report)
    return reports
