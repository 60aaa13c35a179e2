"""The audit baseline's page, the consultant's freeze button, and the dashboard compared with it."""

import json
import re
from datetime import date
from html import unescape

import pytest

from contentdesk.models import ContentChannel
from engagements.plan.models import Engagement
from reports.baseline import audit_baseline_freeze
from reports.models import AuditBaseline
from tests.contentdesk.factories import CadenceFactory, ContentChannelFactory
from tests.contentdesk.newsletter.factories import NewsletterListFactory
from tests.inbox.mentions.factories import MentionFeedFactory
from tests.reports.baseline_data import engagement_with_audit
from tests.reports.conftest import NOW
from tests.reports.data import fill

# Today is Friday 20 November 2026 (tests/reports/conftest.py).
OCT_1, OCT_31 = date(2026, 10, 1), date(2026, 10, 31)


def _url(company, suffix=""):
    return f"/c/{company.slug}/reports/baseline/{suffix}"


def _json_scripts(html: str) -> dict:
    return {
        name: json.loads(unescape(body))
        for name, body in re.findall(r'<script id="([^"]+)" type="application/json">(.*?)</script>', html, re.S)
    }


def _kpi_comparisons(html: str) -> dict:
    """{KPI label: its comparison text} from the dashboard's cards."""
    cards = re.findall(
        r'<h3 id="kpi-[^"]+" class="kpi-label">(?:<a[^>]*>)?([^<]+)(?:</a>)?</h3>.*?<dd>(.*?)</dd>', html, re.S
    )
    return {label: re.sub(r"<[^>]+>", "", text).strip() for label, text in cards}


@pytest.fixture
def october_audit(company, consultant):
    return engagement_with_audit(company, consultant, OCT_1, OCT_31)


# --- the freeze button -------------------------------------------------------------------------


def test_the_consultant_freezes_the_ended_audit_with_a_confirmation_and_only_once(
    login, company, consultant, october_audit
):
    fill(company)
    client = login(consultant)
    content = unescape(client.get(_url(company)).content.decode())
    assert "Congela ora la base di partenza" in content
    assert 'data-confirm="Congelare ora la base di partenza?' in content
    response = client.post(_url(company, "freeze/"), follow=True)
    assert "Base di partenza congelata" in response.content.decode()
    baseline = AuditBaseline.objects.get()
    assert (baseline.period_start, baseline.period_end) == (OCT_1, OCT_31)
    content = client.post(_url(company, "freeze/"), follow=True).content.decode()
    assert "era già stata congelata" in content
    assert AuditBaseline.objects.count() == 1
    assert "Congela ora la base di partenza" not in content


def test_during_the_audit_the_button_freezes_up_to_today(login, company, consultant):
    engagement_with_audit(company, consultant, date(2026, 11, 1), date(2026, 11, 30))
    client = login(consultant)
    assert "Congela ora la base di partenza" in client.get(_url(company)).content.decode()
    client.post(_url(company, "freeze/"))
    assert AuditBaseline.objects.get().period_end == date(2026, 11, 20)


def test_before_the_audit_there_is_no_button_and_nothing_is_frozen(login, company, consultant):
    engagement_with_audit(company, consultant, date(2026, 12, 1), date(2026, 12, 31))
    client = login(consultant)
    content = unescape(client.get(_url(company)).content.decode())
    assert "Congela ora la base di partenza" not in content
    assert "L'audit inizia il 01 Dicembre 2026" in content
    response = client.post(_url(company, "freeze/"), follow=True)
    assert "La fase di audit non è ancora iniziata" in response.content.decode()
    assert not AuditBaseline.objects.exists()


@pytest.mark.parametrize("role", ["owner", "digital_manager"])
def test_only_the_consultant_may_freeze(login, company, october_audit, role, request):
    user = request.getfixturevalue(role)
    assert login(user).post(_url(company, "freeze/")).status_code == 403
    assert "Congela ora" not in login(user).get(_url(company)).content.decode()
    assert not AuditBaseline.objects.exists()


def test_another_company_gets_404_and_a_colleague_403(login, company, outsider, colleague, october_audit):
    for method, suffix in (("get", ""), ("post", "freeze/")):
        assert getattr(login(outsider), method)(_url(company, suffix)).status_code == 404
        assert getattr(login(colleague), method)(_url(company, suffix)).status_code == 403
    assert not AuditBaseline.objects.exists()


# --- the page ----------------------------------------------------------------------------------


def test_the_page_shows_the_figures_the_inventory_and_what_changed_since(login, company, owner, october_audit):
    fill(company)
    ContentChannelFactory(company=company, name="Blog aziendale", kind="blog")
    audit_baseline_freeze(engagement=october_audit, now=NOW)
    ContentChannel.objects.filter(name="Blog aziendale").delete()
    ContentChannelFactory(company=company, name="Instagram", kind="instagram")
    ContentChannel.objects.filter(name="LinkedIn").update(is_active=False)
    content = unescape(login(owner).get(_url(company)).content.decode())
    assert "L'audit dal 01 Ottobre 2026 al 31 Ottobre 2026, congelato il" in content
    assert "In 31 giorni" in content
    assert "€\u00a01.234,56" in content  # spent during the audit
    # The inventory as it was, and the difference with today's.
    assert "Blog aziendale (Blog)" in content
    assert "Aggiunto:</span> Instagram<" in content
    assert "Tolto:</span> Blog aziendale (Blog)" in content
    assert "LinkedIn: non più attivo" in content
    assert "/dashboard/?compare=baseline" in content


def test_without_a_baseline_the_page_says_so(login, company, owner):
    content = unescape(login(owner).get(_url(company)).content.decode())
    assert "Non è ancora stata congelata nessuna base di partenza." in content


def test_the_closed_engagement_links_to_the_baseline_comparison(login, company, owner, october_audit):
    Engagement.objects.filter(pk=october_audit.pk).update(status="closed", closed_on=date(2026, 11, 1))
    content = unescape(login(owner).get(f"/c/{company.slug}/engagement/").content.decode())
    assert "Parti dal confronto con la base di partenza" in content
    assert _url(company) in content


# session, user, membership+company; the latest baseline; the engagement to freeze for (the open
# one, else the latest); today's inventory: content channels, intake channels, mailboxes,
# mention feeds, newsletter lists with subscribers, budget per channel, cadences; the
# switcher's memberships.
BASELINE_PAGE_QUERIES = 14


def test_the_page_queries_do_not_grow_with_the_channels(
    login, company, consultant, october_audit, django_assert_max_num_queries
):
    fill(company)
    audit_baseline_freeze(engagement=october_audit, now=NOW)
    client = login(consultant)
    client.get(_url(company))  # the first visit remembers the company in the session
    with django_assert_max_num_queries(BASELINE_PAGE_QUERIES):
        assert client.get(_url(company)).status_code == 200
    for n in range(10):
        channel = ContentChannelFactory(company=company, name=f"Canale {n}")
        CadenceFactory(company=company, channel=channel)
        MentionFeedFactory(company=company)
        NewsletterListFactory(company=company)
    with django_assert_max_num_queries(BASELINE_PAGE_QUERIES):
        content = unescape(client.get(_url(company)).content.decode())
    assert "Canale 9" in content


# --- the dashboard compared with the baseline --------------------------------------------------


def test_the_dashboard_compares_the_month_with_the_audit_as_is_when_it_lasted_a_month(
    login, company, owner, october_audit
):
    fill(company)
    audit_baseline_freeze(engagement=october_audit, now=NOW)
    content = unescape(login(owner).get(f"/c/{company.slug}/dashboard/?compare=baseline").content.decode())
    assert "Confronto con la base di partenza dell'audit (01/10/2026–31/10/2026)" in content
    assert "in media al mese" not in content
    comparisons = _kpi_comparisons(content)
    # November has the same rows as October, the audit month.
    assert comparisons["Richieste"] == "3 (invariato)"
    assert "nov 2025" not in content.lower()  # not compared with the year before


def test_the_dashboard_compares_with_averages_per_month_of_a_two_month_audit(login, company, owner, consultant):
    engagement = engagement_with_audit(company, consultant, date(2026, 9, 1), OCT_31)  # 61 days: 2.0 months
    fill(company)  # the audit saw only October's rows: 3 enquiries (2 form, 1 email), € 1.234,56
    audit_baseline_freeze(engagement=engagement, now=NOW)
    content = unescape(
        login(owner).get(f"/c/{company.slug}/dashboard/?month=2026-11&compare=baseline").content.decode()
    )
    assert "L'audit è durato 61 giorni (circa 2,0 mesi): i suoi dati sono mostrati come medie al mese." in content
    comparisons = _kpi_comparisons(content)
    assert comparisons["Richieste"] == "1,5 (+1,5)"
    assert comparisons["Budget speso"] == "€\u00a0617,28 (+€\u00a0617,28)"
    assert comparisons["Prima risposta (mediana)"] == "30 min (invariato)"
    assert comparisons["Risposte entro i tempi"].startswith("100%")
    charts = _json_scripts(content)
    budget = charts["chart-budget-data"]["datasets"]
    assert budget[-1]["label"] == "Speso, base dell'audit"
    assert budget[-1]["data"] == [617.28]
    content_sets = charts["chart-content-data"]["datasets"]
    assert content_sets[-1]["data"] == [0.5]
    # The enquiries by channel: November against the baseline per month.
    assert re.search(r"Modulo del sito web</th><td[^>]*>2</td><td[^>]*>1</td>", content)
    assert re.search(r"Email</th><td[^>]*>1</td><td[^>]*>0,5</td>", content)
    # The picker keeps the comparison.
    assert "?month=2026-10&compare=baseline" in content
    assert 'name="compare" value="baseline"' in content


def test_asking_for_the_comparison_without_a_baseline_says_so(login, company, owner):
    content = unescape(login(owner).get(f"/c/{company.slug}/dashboard/?compare=baseline").content.decode())
    assert "Non c'è ancora una base di partenza dell'audit" in content
    assert "Confronta con la base di partenza" not in content


# session, user, membership+company; the baseline; November only (inbox 5, content 2, budget 2,
# plan 4, newsletter 5, training 1), the 12-month enquiries; the timeline (engagement, phases,
# milestones); spends waiting for the owner; the switcher's memberships; the baseline's existence.
COMPARED_DASHBOARD_QUERIES = 30


def test_the_compared_dashboard_queries_do_not_grow_with_the_data(
    login, company, owner, consultant, october_audit, django_assert_max_num_queries
):
    fill(company)
    audit_baseline_freeze(engagement=october_audit, now=NOW)
    client = login(owner)
    url = f"/c/{company.slug}/dashboard/?compare=baseline"
    client.get(url)  # the first visit remembers the company in the session
    with django_assert_max_num_queries(COMPARED_DASHBOARD_QUERIES):
        assert client.get(url).status_code == 200
    fill(company, scale=10)
    with django_assert_max_num_queries(COMPARED_DASHBOARD_QUERIES):
        assert client.get(url).status_code == 200
