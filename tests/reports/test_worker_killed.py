"""A real worker killed (SIGKILL) while it makes the monthly reports: the next run finishes
them, and every company still has exactly one report of the month, with its PDF.

The kill lands as soon as the first report row is committed, while its PDF is being rendered
(WeasyPrint takes most of a second): the row is there, the PDF is not — the window a crash
leaves behind.
"""

from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from reports.models import MonthlyReport
from reports.services import previous_month
from reports.tasks import monthly_reports_generate
from tests.celery_worker import celery_worker, kill_hard, wait_for
from tests.conftest import port_open, require
from tests.factories import CompanyFactory
from tests.handover.factories import EngagementFactory

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]
COMPANIES = 4


def _folder(tmp_path: Path, name: str) -> Path:
    (tmp_path / name).mkdir()
    return tmp_path / name


def test_a_worker_killed_mid_report_still_yields_exactly_one_finished_report_per_company(
    tmp_path, consultant, broker_var_dir
):
    if settings.CELERY_BROKER_URL.startswith("redis"):
        require(port_open("127.0.0.1", 6379), "Redis is not running on 127.0.0.1:6379")
    companies = [CompanyFactory() for _ in range(COMPANIES)]
    for company in companies:
        EngagementFactory(company=company, consultant=consultant, starts_on=date(2026, 1, 5))
    # The workers run on the real clock: the month they report on is the one before today.
    month = previous_month(companies[0], timezone.now()).first
    media = tmp_path / "media"
    env = {"MEDIA_ROOT": str(media)}
    if broker_var_dir:
        env["STAFFETTA_VAR_DIR"] = broker_var_dir

    with celery_worker(_folder(tmp_path, "first"), env=env) as worker:
        monthly_reports_generate.delay()
        assert wait_for(lambda: MonthlyReport.objects.exists(), timeout=90, interval=0.02)
        kill_hard(worker)
    # Killed in the middle: not every company has its report, and one row waits for its PDF.
    assert MonthlyReport.objects.count() < COMPANIES
    assert MonthlyReport.objects.filter(pdf="").exists()

    with celery_worker(_folder(tmp_path, "second"), env=env):
        # The next hourly tick (or the redelivered task) runs the job again.
        monthly_reports_generate.delay()
        assert wait_for(lambda: MonthlyReport.objects.exclude(pdf="").count() == COMPANIES, timeout=120)

    reports = list(MonthlyReport.objects.order_by("company_id"))
    assert [r.company_id for r in reports] == sorted(c.pk for c in companies)
    assert {r.month for r in reports} == {month}
    for report in reports:
        assert (media / report.pdf.name).read_bytes().startswith(b"%PDF")
