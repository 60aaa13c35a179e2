"""Monthly result reports: one per company and month, generated in the company's time zone."""

from datetime import date, datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import call_command

from engagements.models import JobRun
from engagements.reviews.models import Review
from reports.models import MonthlyReport
from reports.period import Month
from reports.services import monthly_report_generate
from reports.tasks import monthly_reports_generate
from tests.handover.factories import EngagementFactory

ROME = ZoneInfo("Europe/Rome")
UTC = ZoneInfo("UTC")


@pytest.fixture
def engagement(company, consultant):
    return EngagementFactory(company=company, consultant=consultant, starts_on=date(2026, 6, 1))


def test_generating_twice_leaves_one_report_with_the_first_figures(engagement, company):
    october = Month(date(2026, 10, 1))
    first, created = monthly_report_generate(company=company, month=october)
    again, created_again = monthly_report_generate(company=company, month=october)
    assert (created, created_again) == (True, False)
    assert again.pk == first.pk
    assert again.generated_at == first.generated_at
    assert MonthlyReport.objects.count() == 1
    assert first.figures["version"] == 1
    assert first.figures["month"] == "2026-10"


def test_the_report_takes_the_notes_of_the_month_review(engagement, company):
    Review.objects.create(engagement=engagement, month=date(2026, 10, 1), notes="Ottobre: più richieste dal sito.")
    report, _created = monthly_report_generate(company=company, month=Month(date(2026, 10, 1)))
    assert report.review_notes == "Ottobre: più richieste dal sito."


def test_half_past_midnight_on_the_first_in_rome_generates_the_month_just_ended(engagement, company):
    # 00:30 on 1 December in Rome is still 30 November in UTC.
    with time_machine.travel(datetime(2026, 12, 1, 0, 30, tzinfo=ROME), tick=False):
        assert monthly_reports_generate() == 1
    assert list(MonthlyReport.objects.values_list("month", flat=True)) == [date(2026, 11, 1)]


def test_just_before_midnight_in_rome_nothing_is_due_yet(engagement, company):
    monthly_report_generate(company=company, month=Month(date(2026, 10, 1)))
    with time_machine.travel(datetime(2026, 11, 30, 23, 30, tzinfo=ROME), tick=False):
        assert monthly_reports_generate() == 0
    assert MonthlyReport.objects.count() == 1


def test_a_missed_run_is_caught_up_by_the_next_and_a_second_run_changes_nothing(engagement, company):
    # No run at midnight; the first worker to come back, in the afternoon of the 2nd, catches up.
    with time_machine.travel(datetime(2026, 12, 2, 15, 0, tzinfo=UTC), tick=False):
        assert monthly_reports_generate() == 1
        report = MonthlyReport.objects.get()
        assert monthly_reports_generate() == 0
    assert MonthlyReport.objects.get().generated_at == report.generated_at
    assert JobRun.objects.get(name="monthly_reports_generate").run_count == 2


def test_companies_without_an_engagement_get_no_report(company, other_company, engagement):
    with time_machine.travel(datetime(2026, 12, 1, 9, 0, tzinfo=ROME), tick=False):
        monthly_reports_generate()
    assert list(MonthlyReport.objects.values_list("company__slug", flat=True)) == [company.slug]


def test_a_draft_can_be_regenerated_and_keeps_the_edited_notes(engagement, company):
    october = Month(date(2026, 10, 1))
    report, _ = monthly_report_generate(company=company, month=october)
    MonthlyReport.objects.filter(pk=report.pk).update(review_notes="Note riviste")
    regenerated, changed = monthly_report_generate(company=company, month=october, regenerate=True)
    assert changed
    assert regenerated.generated_at > report.generated_at
    assert regenerated.review_notes == "Note riviste"


def test_a_sent_report_cannot_be_regenerated(engagement, company):
    october = Month(date(2026, 10, 1))
    report, _ = monthly_report_generate(company=company, month=october)
    MonthlyReport.objects.filter(pk=report.pk).update(status=MonthlyReport.Status.SENT)
    with pytest.raises(ValidationError, match="già stato inviato"):
        monthly_report_generate(company=company, month=october, regenerate=True)
    assert MonthlyReport.objects.get().generated_at == report.generated_at


def test_the_command_generates_a_chosen_month_for_one_company(engagement, company):
    out = StringIO()
    call_command("generate_monthly_reports", "--month", "2026-09", "--company", company.slug, stdout=out)
    call_command("generate_monthly_reports", "--month", "2026-09", "--company", company.slug, stdout=out)
    assert list(MonthlyReport.objects.values_list("month", flat=True)) == [date(2026, 9, 1)]


def test_a_report_left_without_its_pdf_gets_it_on_the_next_run(engagement, company):
    # A worker stopped between the row and the PDF: the next run finishes, still one report.
    report, _ = monthly_report_generate(company=company, month=Month(date(2026, 10, 1)))
    MonthlyReport.objects.filter(pk=report.pk).update(pdf="")
    again, changed = monthly_report_generate(company=company, month=Month(date(2026, 10, 1)))
    assert not changed
    assert again.pdf.name.endswith(".pdf")
    assert MonthlyReport.objects.get().pdf.read().startswith(b"%PDF")
