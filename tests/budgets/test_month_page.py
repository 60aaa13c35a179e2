from datetime import date
from decimal import Decimal

import pytest

from engagements.budgets.models import Channel, Spend
from engagements.roles import Role
from tests.budgets.factories import BudgetLineFactory, SpendFactory


def _url(company, month=None):
    base = f"/c/{company.slug}/engagement/budget/"
    return base if month is None else f"{base}?month={month}"


@pytest.fixture
def november(company, digital_manager):
    for channel, amount in [(Channel.GOOGLE_ADS, "400.00"), (Channel.LINKEDIN_ADS, "250.00")]:
        BudgetLineFactory(company=company, month=date(2026, 11, 1), channel=channel, planned_amount=Decimal(amount))
    SpendFactory(
        company=company,
        recorded_by=digital_manager,
        spent_on=date(2026, 11, 3),
        amount=Decimal("1234.50"),
        channel=Channel.GOOGLE_ADS,
        note="Campagna Google Ads – valvole a sfera",
    )
    return SpendFactory(
        company=company,
        recorded_by=digital_manager,
        spent_on=date(2026, 11, 6),
        amount=Decimal("480.00"),
        channel=Channel.LINKEDIN_ADS,
        note="Sponsorizzata LinkedIn fiera MECSPE",
        status=Spend.Status.PENDING,
    )


def test_owner_sees_the_spends_waiting_for_approval_with_approve_and_reject(login, company, owner, november):
    content = login(owner).get(_url(company)).content.decode()
    assert "In attesa della tua approvazione: 1 spesa" in content
    assert f"/engagement/budget/spends/{november.pk}/approve/?month=2026-11" in content
    assert f"/engagement/budget/spends/{november.pk}/reject/?month=2026-11" in content
    assert "Sponsorizzata LinkedIn fiera MECSPE" in content
    assert "€\xa0480,00" in content
    assert "Registra la spesa" not in content  # the owner decides, and does not record


def test_digital_manager_sees_the_spend_form_with_the_threshold_and_no_approval_buttons(
    login, company, digital_manager, november
):
    content = login(digital_manager).get(_url(company)).content.decode()
    assert "Registra la spesa" in content
    assert "oltre €\xa0300,00 deve approvarla il titolare" in content
    assert "/approve/" not in content
    assert "In attesa di approvazione" in content  # the status badge of the pending spend
    assert "€\xa01.234,50" in content
    assert "Pianifica il mese" not in content


def test_consultant_plans_and_records_but_does_not_approve(login, company, consultant, november):
    content = login(consultant).get(_url(company)).content.decode()
    assert f"/c/{company.slug}/engagement/budget/lines/?month=2026-11" in content
    assert "Registra la spesa" in content
    assert "/approve/" not in content


def test_summary_shows_planned_spent_pending_remaining_and_over_plan(login, company, owner, november):
    content = login(owner).get(_url(company, "2026-11")).content.decode()
    assert "oltre il budget di €\xa0834,50" in content  # Google Ads: 1.234,50 spent of 400,00 planned
    assert "progress-bar budget-w-100 bg-warning" in content
    assert "€\xa0250,00" in content  # LinkedIn: nothing approved yet, all remaining
    assert "€\xa0650,00" in content  # total planned


@pytest.mark.parametrize("role", [Role.COLLEAGUE])
def test_colleague_is_refused_every_budget_page(login, company, users_by_role, november, role):
    client = login(users_by_role[role])
    assert client.get(_url(company)).status_code == 403
    assert client.get(f"/c/{company.slug}/engagement/budget/lines/").status_code == 403
    assert client.post(f"/c/{company.slug}/engagement/budget/spends/").status_code == 403
    assert client.post(f"/c/{company.slug}/engagement/budget/spends/{november.pk}/approve/").status_code == 403


def test_outsider_gets_404_on_the_budget_page(login, company, outsider):
    assert login(outsider).get(_url(company)).status_code == 404


def test_month_navigation_links_to_the_previous_and_next_month(login, company, owner):
    content = login(owner).get(_url(company, "2027-01")).content.decode()
    assert "Gennaio 2027" in content
    assert 'href="/c/officine-test/engagement/budget/?month=2026-12" rel="prev"' in content
    assert 'href="/c/officine-test/engagement/budget/?month=2027-02" rel="next"' in content
    assert "Questo mese" in content


def test_current_month_is_the_default(login, company, owner):
    content = login(owner).get(_url(company)).content.decode()
    assert "Novembre 2026" in content
    assert "Questo mese" not in content


def test_other_months_show_their_own_spends(login, company, owner, november):
    content = login(owner).get(_url(company, "2026-10")).content.decode()
    assert "Campagna Google Ads – valvole a sfera" not in content
    assert "Nessuna spesa registrata in questo mese." in content
    assert "Sponsorizzata LinkedIn fiera MECSPE" in content  # still waiting: the card shows every month's


@pytest.mark.parametrize("value", ["2026-13", "novembre", "2026-1", "1999-12", "20261-01", "2026-11-01", "x" * 500])
def test_a_malformed_month_falls_back_to_the_current_month_with_a_message(login, company, owner, value):
    response = login(owner).get(_url(company, value))
    assert response.status_code == 200
    content = response.content.decode()
    assert "non è un mese come 2026-11" in content
    assert "Novembre 2026" in content


def test_chart_is_an_accessible_inline_svg_with_the_figures_in_a_table(login, company, owner, november):
    content = login(owner).get(_url(company)).content.decode()
    assert '<svg class="budget-chart"' in content
    assert 'role="img" aria-labelledby="budget-chart-title budget-chart-desc"' in content
    assert (
        '<title id="budget-chart-title">Speso e pianificato per mese, da Dicembre 2025 a Novembre 2026</title>'
        in content
    )
    assert "<caption" in content
    assert content.count('class="bar-planned"') == 12
    assert "<script" not in content.split('<svg class="budget-chart"')[1].split("</svg>")[0]
    # SVG coordinates never take the Italian decimal comma
    svg = content.split('<svg class="budget-chart"')[1].split("</svg>")[0]
    assert 'height="126.0"' in svg  # the largest figure fills the plot
    assert not any("," in attribute for attribute in svg.split('"')[1::2] if attribute[:1].isdigit())


def test_page_is_in_english_for_an_english_user(login, company, owner, november):
    owner.language = "en"
    owner.save()
    content = login(owner).get(_url(company)).content.decode()
    assert 'lang="en"' in content
    assert "Waiting for your approval: 1 spend" in content
    assert "€\xa01,234.50" in content
    assert "November 2026" in content
    assert "Spent vs planned, per channel" in content


def _add_rows(company, users, months=12):
    for n in range(months):
        month = date(2025 + (n + 10) // 12, (n + 10) % 12 + 1, 1)  # November 2025 to October 2026
        for channel in Channel.values:
            BudgetLineFactory(company=company, month=month, channel=channel, planned_amount=Decimal("100.00"))
    for n in range(30):
        SpendFactory(
            company=company,
            recorded_by=users[n % len(users)],
            spent_on=date(2026, 11 - n % 3, 1 + n % 20),
            amount=Decimal("310.00") + n,
            channel=Channel.values[n % 4],
            status=[Spend.Status.APPROVED, Spend.Status.PENDING, Spend.Status.REJECTED][n % 3],
            decided_by=users[0] if n % 3 == 2 else None,
        )


@pytest.mark.parametrize("role", [Role.OWNER, Role.DIGITAL_MANAGER])
def test_month_page_query_count_does_not_grow_with_the_data(
    login, company, users_by_role, november, role, django_assert_max_num_queries
):
    client = login(users_by_role[role])
    # session, user, membership+company, session save (last company), planned per channel,
    # spends per channel, chart planned per month, chart spends per month, the month's spends
    # with their people, the spends waiting (owner only), switcher memberships, and the
    # savepoint pair around the session save
    with django_assert_max_num_queries(13):
        assert client.get(_url(company)).status_code == 200
    _add_rows(company, [users_by_role[Role.OWNER], users_by_role[Role.DIGITAL_MANAGER], users_by_role[Role.CONSULTANT]])
    with django_assert_max_num_queries(13):
        assert client.get(_url(company)).status_code == 200
