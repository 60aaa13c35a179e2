from datetime import date
from decimal import Decimal

import pytest

from engagements.budgets.models import BudgetLine, Channel
from engagements.roles import Role
from tests.budgets.factories import BudgetLineFactory, SpendFactory


def _url(company, month="2026-11"):
    return f"/c/{company.slug}/engagement/budget/lines/?month={month}"


def _data(**overrides):
    data = {}
    for channel in Channel.values:
        data[f"{channel}-amount"] = "0"
        data[f"{channel}-note"] = ""
    return data | overrides


def test_owner_sees_the_planned_amounts_of_the_month_and_of_the_month_before(login, company, owner):
    BudgetLineFactory(
        company=company, month=date(2026, 11, 1), channel=Channel.GOOGLE_ADS, planned_amount=Decimal("400")
    )
    BudgetLineFactory(
        company=company, month=date(2026, 10, 1), channel=Channel.GOOGLE_ADS, planned_amount=Decimal("1250.5")
    )
    content = login(owner).get(_url(company)).content.decode()
    assert "Budget di Novembre 2026" in content
    assert 'value="400,00"' in content
    assert "Mese precedente: €\xa01.250,50" in content
    assert "Inserzioni Meta (Facebook/Instagram)" in content


def test_consultant_plans_a_month_and_only_changed_channels_are_written(login, company, consultant):
    response = login(consultant).post(
        _url(company),
        _data(**{"google_ads-amount": "400", "linkedin_ads-amount": "249,90", "linkedin_ads-note": "Fiera MECSPE"}),
    )
    assert response.status_code == 302
    assert response["Location"] == f"/c/{company.slug}/engagement/budget/?month=2026-11"
    lines = {line.channel: line for line in BudgetLine.objects.for_company(company)}
    assert set(lines) == {Channel.GOOGLE_ADS, Channel.LINKEDIN_ADS}
    assert lines[Channel.LINKEDIN_ADS].planned_amount == Decimal("249.90")
    assert lines[Channel.LINKEDIN_ADS].note == "Fiera MECSPE"
    assert lines[Channel.LINKEDIN_ADS].month == date(2026, 11, 1)


def test_changing_a_plan_updates_the_line_in_place(login, company, owner):
    BudgetLineFactory(company=company, month=date(2026, 11, 1), channel=Channel.META_ADS, planned_amount=Decimal("150"))
    login(owner).post(_url(company), _data(**{"meta_ads-amount": "175,50"}))
    line = BudgetLine.objects.get()
    assert line.planned_amount == Decimal("175.50")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-1", "L&#x27;importo pianificato non può essere negativo."),
        ("10,555", "più di 2 cifre decimali"),
        ("quattrocento", "Inserisci un numero."),
        ("", "Questo campo è obbligatorio."),
    ],
)
def test_bad_planned_amounts_are_refused_with_400_keeping_what_was_typed(login, company, owner, value, message):
    response = login(owner).post(_url(company), _data(**{"google_ads-amount": value, "meta_ads-amount": "123,45"}))
    assert response.status_code == 400
    content = response.content.decode()
    assert message in content
    assert 'value="123,45"' in content
    assert not BudgetLine.objects.exists()


def test_an_empty_post_is_refused_with_400(login, company, owner):
    assert login(owner).post(f"/c/{company.slug}/engagement/budget/lines/").status_code == 400
    assert not BudgetLine.objects.exists()


def test_a_post_to_a_malformed_month_saves_nothing_and_answers_400(login, company, owner):
    response = login(owner).post(_url(company, "2026-13"), _data(**{"google_ads-amount": "400"}))
    assert response.status_code == 400
    assert "il mese nell&#x27;indirizzo non è valido" in response.content.decode()
    assert not BudgetLine.objects.exists()


def test_a_malformed_month_on_get_falls_back_to_the_current_month(login, company, owner):
    response = login(owner).get(_url(company, "abc"))
    assert response.status_code == 200
    assert "Budget di Novembre 2026" in response.content.decode()


def test_lines_page_links_to_neighbour_months(login, company, owner):
    content = login(owner).get(_url(company, "2026-12")).content.decode()
    assert f'href="/c/{company.slug}/engagement/budget/lines/?month=2026-11" rel="prev"' in content
    assert f'href="/c/{company.slug}/engagement/budget/lines/?month=2027-01" rel="next"' in content


@pytest.mark.parametrize("role", [Role.DIGITAL_MANAGER, Role.COLLEAGUE])
def test_roles_without_budget_planning_are_refused(login, company, users_by_role, role):
    client = login(users_by_role[role])
    assert client.get(_url(company)).status_code == 403
    assert client.post(_url(company), _data(**{"google_ads-amount": "400"})).status_code == 403
    assert not BudgetLine.objects.exists()


def test_lines_page_is_in_english_for_an_english_user(login, company, consultant):
    consultant.language = "en"
    consultant.save()
    content = login(consultant).get(_url(company)).content.decode()
    assert "Budget for November 2026" in content
    assert "Planned amount per channel" in content
    assert 'value="0.00"' in content


def test_lines_page_query_count_does_not_grow_with_the_data(login, company, owner, django_assert_max_num_queries):
    client = login(owner)
    # session, user, membership+company, session save with its savepoint pair, the month's
    # lines, the previous month's planned per channel, switcher memberships
    with django_assert_max_num_queries(9):
        assert client.get(_url(company)).status_code == 200
    for n in range(24):
        month = date(2025 + n // 12, n % 12 + 1, 1)
        for channel in Channel.values:
            BudgetLineFactory(company=company, month=month, channel=channel, planned_amount=Decimal("10") + n)
    for _n in range(20):
        SpendFactory(company=company, spent_on=date(2026, 11, 5))
    with django_assert_max_num_queries(9):
        assert client.get(_url(company)).status_code == 200
