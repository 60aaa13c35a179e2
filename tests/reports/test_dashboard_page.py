"""The owner dashboard: the owner's (and the consultant's) company home, and /dashboard/."""

import dataclasses
import json
import re
from datetime import date, timedelta
from decimal import Decimal
from html import unescape

import pytest
from django.db import connection

from engagements.budgets.models import Spend
from engagements.roles import Role
from reports import registry
from tests.budgets.factories import SpendFactory
from tests.plan.factories import make_engagement
from tests.reports.data import fill


def _json_scripts(html: str) -> dict:
    return {
        name: json.loads(unescape(body))
        for name, body in re.findall(r'<script id="([^"]+)" type="application/json">(.*?)</script>', html, re.S)
    }


def test_owner_home_is_the_dashboard_of_the_current_month_with_comparisons(login, company, owner):
    fill(company)
    content = login(owner).get(f"/c/{company.slug}/").content.decode()
    assert "Buon lavoro" in content
    assert "Novembre 2026" in content
    assert "Richieste" in content
    # November against October (same rows) and November 2025 (no data: a dash, not 0).
    assert "ott 2026" in content.lower()
    assert "nov 2025" in content.lower()
    assert "—" in content
    assert "€\u00a01.234,56" in content  # budget spent, Italian format
    assert "2 h 00 min" not in content  # the median of 600, 1800, 3600 seconds is 30 min
    assert "30 min" in content


def test_charts_come_as_json_with_a_table_of_the_same_numbers(login, company, owner):
    fill(company)
    content = login(owner).get(f"/c/{company.slug}/").content.decode()
    charts = _json_scripts(content)
    assert set(charts) == {"chart-enquiries-data", "chart-content-data", "chart-budget-data"}
    enquiries = charts["chart-enquiries-data"]
    assert enquiries["stacked"] is True
    assert len(enquiries["labels"]) == 12
    form = next(d for d in enquiries["datasets"] if d["label"] == "Modulo del sito web")
    assert form["data"][-2:] == [2, 2]
    assert charts["chart-budget-data"]["datasets"][1]["data"] == [1234.56]
    assert content.count("Mostra i dati") == 3
    assert content.count("<details") == 3
    assert "chartjs-4.6.1/chart.umd.min.js" in content
    # No inline script: only JSON data blocks and files.
    assert not re.search(r"<script(?![^>]*(src=|type=\"application/json\"))[^>]*>", content)


def test_a_past_month_is_chosen_with_the_picker(login, company, owner):
    fill(company)
    content = login(owner).get(f"/c/{company.slug}/?month=2026-10").content.decode()
    assert "Ottobre 2026" in content
    assert 'value="2026-10"' in content
    assert "Questo mese" in content


@pytest.mark.parametrize("raw", ["2026-13", "ottobre", "2026-1x"])
def test_a_bad_month_shows_the_current_one_with_a_message(login, company, owner, raw):
    response = login(owner).get(f"/c/{company.slug}/dashboard/", {"month": raw})
    content = response.content.decode()
    assert response.status_code == 200
    assert "non è un mese come 2026-11" in content
    assert 'value="2026-11"' in content


def test_a_month_to_come_shows_the_current_one_with_a_message(login, company, owner):
    content = login(owner).get(f"/c/{company.slug}/dashboard/?month=2027-01").content.decode()
    assert "Quel mese non è ancora arrivato" in content
    assert 'value="2026-11"' in content


def test_a_company_without_data_shows_dashes_and_empty_states_never_zeros(login, company, owner):
    content = login(owner).get(f"/c/{company.slug}/").content.decode()
    figures = re.findall(r'<p class="kpi-value mb-0">([^<]*)</p>', content)
    assert figures
    assert set(figures) == {"—"}


def test_trainee_readiness_is_a_labelled_placeholder_until_there_is_a_training_plan(login, company, owner):
    content = login(owner).get(f"/c/{company.slug}/").content.decode()
    assert "Preparazione del digital manager" in content
    assert "dal piano di formazione" in content


def test_trainee_readiness_shows_the_training_figures_once_there_are_some(login, company, owner, monkeypatch):
    training = next(s for s in registry.SOURCES if s.key == "training")
    fake = dataclasses.replace(training, module="tests.reports.fake_metrics")
    monkeypatch.setattr(registry, "SOURCES", [s if s.key != "training" else fake for s in registry.SOURCES])
    content = login(owner).get(f"/c/{company.slug}/").content.decode()
    assert "dal piano di formazione" not in content
    assert re.search(r"Preparazione complessiva</dt><dd[^>]*>40%</dd>", content)
    assert re.search(r"pronte per il passaggio</dt><dd[^>]*>2 su 6</dd>", content)


def test_spends_waiting_for_the_owner_and_overdue_milestones_are_on_the_owner_dashboard(
    login, company, owner, consultant, digital_manager
):
    make_engagement(company, consultant, starts_on=date(2026, 11, 20) - timedelta(days=100))
    SpendFactory(
        company=company,
        spent_on=date(2026, 11, 18),
        amount=Decimal("950.00"),
        note="Campagna fiera",
        status=Spend.Status.PENDING,
        recorded_by=digital_manager,
    )
    content = login(owner).get(f"/c/{company.slug}/").content.decode()
    assert "Campagna fiera" in content
    assert "in ritardo dal" in content
    assert '<svg class="timeline-svg"' in content


def test_consultant_home_is_the_dashboard_with_a_link_to_today(login, company, consultant):
    content = login(consultant).get(f"/c/{company.slug}/").content.decode()
    assert "kpi-value" in content
    assert f'href="/c/{company.slug}/today/"' in content
    assert "Spese in attesa della tua approvazione" not in content


def test_digital_manager_may_open_the_dashboard_from_today(login, company, digital_manager):
    client = login(digital_manager)
    assert f'href="/c/{company.slug}/dashboard/"' in client.get(f"/c/{company.slug}/").content.decode()
    assert client.get(f"/c/{company.slug}/dashboard/").status_code == 200


def test_colleague_keeps_the_general_home_and_may_not_open_the_dashboard(login, company, colleague):
    client = login(colleague)
    assert "kpi-value" not in client.get(f"/c/{company.slug}/").content.decode()
    assert client.get(f"/c/{company.slug}/dashboard/").status_code == 403


def test_member_of_another_company_gets_404(login, company, outsider):
    assert login(outsider).get(f"/c/{company.slug}/dashboard/").status_code == 404


def test_anonymous_visitor_is_sent_to_login(client, company):
    response = client.get(f"/c/{company.slug}/dashboard/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_another_companys_figures_never_show(login, company, other_company, owner):
    fill(other_company)
    content = login(owner).get(f"/c/{company.slug}/").content.decode()
    assert "1.234,56" not in content
    assert set(re.findall(r'<p class="kpi-value mb-0">([^<]*)</p>', content)) == {"—"}


def test_dashboard_is_in_english_for_an_english_user(login, company, owner):
    owner.language = "en"
    owner.save()
    fill(company)
    content = login(owner).get(f"/c/{company.slug}/").content.decode()
    assert "Median first response" in content
    assert "€\u00a03,703.68" not in content
    assert "€\u00a01,234.56" in content
    assert "Show the data" in content


# session, user, membership+company; for each of November, October and November 2025: inbox 5
# (conversation aggregate, median, new contacts, mention totals, mentions per feed), content 2
# (planned/published per channel, enquiries from content), budget 2 (planned, spent per channel);
# the 12-month enquiries; plan 4 (engagement, milestone counts, phase under way, next
# milestones); the newsletter 5 (deliveries, sends, unique clicks, clicks, replies); the
# training 1 (its plan: none here); the timeline (engagement, phases, their milestones); spends
# waiting for the owner; the switcher's memberships; whether there is an audit baseline (the
# "compare with the audit baseline" link).
DASHBOARD_QUERIES = 47
# On PostgreSQL the enquiry counts of the months that are over are cached under versions that
# triggers change on every write (inbox.EnquiryMonthStamp): the first request after such writes
# counts the months again, in one grouped query more, whatever the amount of data.
RECOUNT_AFTER_WRITES = 1 if connection.vendor == "postgresql" else 0


def test_dashboard_queries_do_not_grow_with_ten_times_the_data(
    login, company, owner, consultant, digital_manager, django_assert_max_num_queries
):
    make_engagement(company, consultant, starts_on=date(2026, 8, 1))
    fill(company, year_before=True, recorded_by=digital_manager)
    client = login(owner)
    client.get(f"/c/{company.slug}/")
    with django_assert_max_num_queries(DASHBOARD_QUERIES):
        assert client.get(f"/c/{company.slug}/").status_code == 200
    fill(company, scale=10, year_before=True, recorded_by=digital_manager)
    with django_assert_max_num_queries(DASHBOARD_QUERIES + RECOUNT_AFTER_WRITES):
        content = client.get(f"/c/{company.slug}/").content.decode()
    assert "33" in content  # 3 + 30 enquiries in November


@pytest.mark.parametrize("role", [Role.OWNER, Role.CONSULTANT, Role.DIGITAL_MANAGER])
def test_empty_post_is_refused_without_error(login, company, users_by_role, role):
    assert login(users_by_role[role]).post(f"/c/{company.slug}/dashboard/").status_code == 405
