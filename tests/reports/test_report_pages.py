"""The monthly report pages: archive, report (same figures as the dashboard), notes, PDF."""

from datetime import date

import pytest
from django.utils import timezone

from reports.models import MonthlyReport
from reports.pdf import report_pdf_bytes, report_print_html
from reports.period import Month
from reports.services import monthly_report_generate
from tests.reports.data import fill

OCTOBER = Month(date(2026, 10, 1))


@pytest.fixture
def report(company):
    fill(company)
    report, _created = monthly_report_generate(company=company, month=OCTOBER)
    return report


def _url(company, suffix=""):
    return f"/c/{company.slug}/reports/{suffix}"


def test_the_archive_lists_the_months_with_their_status(login, company, owner, report):
    MonthlyReport.objects.create(
        company=company,
        month=date(2026, 9, 1),
        generated_at=report.generated_at,
        status="sent",
        sent_at=report.generated_at,
    )
    content = login(owner).get(_url(company)).content.decode()
    assert content.index("Ottobre 2026") < content.index("Settembre 2026")
    assert "Bozza" in content
    assert "Inviato il" in content
    assert _url(company, "2026-10/pdf/") in content


def test_the_report_page_shows_the_frozen_figures_and_svg_charts(login, company, owner, report):
    content = login(owner).get(_url(company, "2026-10/")).content.decode()
    assert "Ottobre 2026" in content
    assert "Richieste" in content
    assert "30 min" in content
    assert content.count("<svg") >= 3
    assert "<canvas" not in content
    # The owner reads; only the consultant gets the form and the regenerate button.
    assert "<textarea" not in content
    assert "/regenerate/" not in content


def test_the_consultant_edits_the_notes_and_regenerates_a_draft(login, company, consultant, report):
    client = login(consultant)
    content = client.get(_url(company, "2026-10/")).content.decode()
    assert "<textarea" in content
    assert "/regenerate/" in content
    response = client.post(_url(company, "2026-10/notes/"), {"review_notes": "Mese buono per il sito."})
    assert response.status_code == 302
    assert MonthlyReport.objects.get().review_notes == "Mese buono per il sito."
    assert client.post(_url(company, "2026-10/regenerate/")).status_code == 302
    regenerated = MonthlyReport.objects.get()
    assert regenerated.generated_at > report.generated_at
    assert regenerated.review_notes == "Mese buono per il sito."


def test_notes_of_a_sent_report_are_not_changed(login, company, consultant, report):
    MonthlyReport.objects.filter(pk=report.pk).update(status="sent", review_notes="Inviate")
    client = login(consultant)
    response = client.post(_url(company, "2026-10/notes/"), {"review_notes": "Altro"}, follow=True)
    assert "già stato inviato" in response.content.decode()
    response = client.post(_url(company, "2026-10/regenerate/"), follow=True)
    assert "già stato inviato" in response.content.decode()
    assert MonthlyReport.objects.get().review_notes == "Inviate"


def test_an_unknown_or_malformed_month_is_404(login, company, owner, report):
    client = login(owner)
    assert client.get(_url(company, "2026-09/")).status_code == 404
    assert client.get(_url(company, "ottobre/")).status_code == 404


def test_other_company_gets_404_and_a_colleague_403(login, company, outsider, colleague, report):
    for suffix in ("", "2026-10/", "2026-10/pdf/"):
        assert login(outsider).get(_url(company, suffix)).status_code == 404
        assert login(colleague).get(_url(company, suffix)).status_code == 403


def test_the_pdf_is_downloaded_as_an_attachment(login, company, owner, report):
    response = login(owner).get(_url(company, "2026-10/pdf/"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert "2026-10.pdf" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_the_pdf_is_a_pdf_made_from_the_print_page_with_the_figures(company, report):
    html = report_print_html(report)
    assert company.name in html
    assert "Ottobre 2026" in html
    assert "30 min" in html
    assert html.count("<svg") >= 3
    content = report_pdf_bytes(report)
    assert content.startswith(b"%PDF")
    assert len(content) > 5000


# Both pages: session, user, membership with its company, the user's companies for the menu,
# and the session saved (savepoint, update, release); then one query of the page's own —
# the archive's months (without their figures), or the report with its frozen figures.
ARCHIVE_QUERIES = 8
REPORT_QUERIES = 8


@pytest.mark.parametrize("count", [2, 20])
def test_archive_queries_do_not_grow_with_reports(login, company, owner, django_assert_max_num_queries, count):
    for n in range(count):
        MonthlyReport.objects.create(
            company=company, month=Month(date(2024, 1, 1)).shifted(n).first, generated_at=timezone.now()
        )
    client = login(owner)
    with django_assert_max_num_queries(ARCHIVE_QUERIES):
        assert client.get(_url(company)).status_code == 200


@pytest.mark.parametrize("scale", [1, 10])
def test_report_page_queries_do_not_grow_with_data(login, company, owner, django_assert_max_num_queries, scale):
    fill(company, scale=scale)
    for n in range(scale * 2):
        MonthlyReport.objects.create(
            company=company, month=Month(date(2024, 1, 1)).shifted(n).first, generated_at=timezone.now()
        )
    monthly_report_generate(company=company, month=OCTOBER)
    client = login(owner)
    with django_assert_max_num_queries(REPORT_QUERIES):
        assert client.get(_url(company, "2026-10/")).status_code == 200
