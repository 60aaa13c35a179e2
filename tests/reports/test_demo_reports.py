"""The demo's past monthly reports: the engagement's last three months, made like the job makes them."""

from datetime import date

import pytest

from reports.demo import seed_demo_reports
from reports.models import MonthlyReport
from tests.handover.factories import EngagementFactory

pytestmark = pytest.mark.django_db
Status = MonthlyReport.Status


def test_three_past_reports_two_sent_and_the_last_a_draft(company, consultant):
    EngagementFactory(company=company, consultant=consultant, starts_on=date(2026, 7, 13))
    seed_demo_reports(company, today=date(2026, 11, 20))
    reports = list(MonthlyReport.objects.order_by("month").values_list("month", "status"))
    assert reports == [
        (date(2026, 8, 1), Status.SENT),
        (date(2026, 9, 1), Status.SENT),
        (date(2026, 10, 1), Status.DRAFT),
    ]
    assert not MonthlyReport.objects.filter(pdf="").exists()
    sent = MonthlyReport.objects.get(month=date(2026, 8, 1))
    assert sent.sent_at.date() == date(2026, 9, 2)
    assert sent.figures["month"] == "2026-08"


def test_no_report_before_the_engagement_and_seeding_twice_changes_nothing(company, consultant):
    EngagementFactory(company=company, consultant=consultant, starts_on=date(2026, 10, 5))
    seed_demo_reports(company, today=date(2026, 11, 20))
    first = list(MonthlyReport.objects.values_list("pk", "month", "generated_at"))
    seed_demo_reports(company, today=date(2026, 11, 20))
    assert list(MonthlyReport.objects.values_list("pk", "month", "generated_at")) == first
    assert [month for _pk, month, _at in first] == [date(2026, 10, 1)]


def test_a_company_without_an_engagement_gets_no_report(company):
    assert seed_demo_reports(company, today=date(2026, 11, 20)) == []
