"""Two beat ticks at once (two workers running the monthly job at the same moment) still
leave one report per company and month: the unique constraint decides, the loser takes the
winner's row."""

import threading
from datetime import date

import pytest
from django.db import connection

from reports.models import MonthlyReport
from reports.tasks import monthly_reports_generate
from tests.handover.factories import EngagementFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_ticks_at_once_leave_one_report(company, other_company, consultant):
    for each in (company, other_company):
        EngagementFactory(company=each, consultant=consultant, starts_on=date(2026, 6, 1))
    start = threading.Barrier(2)
    results, errors = [], []

    def tick():
        try:
            start.wait(timeout=10)
            results.append(monthly_reports_generate())
        except Exception as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=tick) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    # Between them the two ticks made the two reports, each exactly once.
    assert sum(results) == 2
    assert sorted(MonthlyReport.objects.values_list("company_id", "month")) == sorted(
        [(company.pk, date(2026, 10, 1)), (other_company.pk, date(2026, 10, 1))]
    )
    assert not MonthlyReport.objects.filter(pdf="").exists()
    # A third tick finds nothing to do.
    assert monthly_reports_generate() == 0
