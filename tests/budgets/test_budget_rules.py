"""Budget rules: how each channel is meant to be used, with a monthly cap that warns and never blocks."""

from decimal import Decimal

import pytest

from engagements.budgets.models import BudgetRule, Channel, Spend
from engagements.roles import Role
from tests.budgets.factories import SpendFactory


def _url(company, suffix=""):
    return f"/c/{company.slug}/engagement/budget/rules/{suffix}"


def _rule(company, **extra):
    fields = {"channel": Channel.GOOGLE_ADS, "monthly_cap": Decimal("400.00"), "rule": "Solo campagne sulle valvole."}
    return BudgetRule.objects.create(company=company, **(fields | extra))


def test_the_owner_writes_a_rule_with_a_cap_why_and_owner(login, company, owner, digital_manager):
    response = login(owner).post(
        _url(company, "new/"),
        {
            "channel": "google_ads",
            "monthly_cap": "400,00",
            "rule": "Solo campagne sulle valvole a sfera.",
            "why": "Hanno il margine migliore.",
            "owner": digital_manager.pk,
        },
        follow=True,
    )
    rule = BudgetRule.objects.get()
    assert (rule.company, rule.monthly_cap, rule.owner) == (company, Decimal("400.00"), digital_manager)
    content = response.content.decode()
    assert "Regola di budget per Google Ads salvata." in content
    assert "tetto €\xa0400,00 al mese" in content
    assert "Hanno il margine migliore." in content


def test_a_negative_cap_is_refused_with_400_and_nothing_is_lost(login, company, consultant):
    response = login(consultant).post(
        _url(company, "new/"), {"channel": "meta_ads", "monthly_cap": "-5", "rule": "Solo per le fiere."}
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "Il tetto non può essere negativo." in content
    assert "Solo per le fiere." in content
    assert not BudgetRule.objects.exists()


def test_the_consultant_edits_and_deletes_a_rule(login, company, consultant):
    rule = _rule(company)
    client = login(consultant)
    client.post(_url(company, f"{rule.pk}/"), {"channel": "google_ads", "monthly_cap": "", "rule": "Nessun tetto."})
    rule.refresh_from_db()
    assert (rule.monthly_cap, rule.rule) == (None, "Nessun tetto.")
    assert client.post(_url(company, f"{rule.pk}/delete/")).status_code == 302
    assert not BudgetRule.objects.exists()


@pytest.mark.parametrize("role", [Role.OWNER, Role.CONSULTANT, Role.DIGITAL_MANAGER])
def test_who_sees_the_budget_sees_the_rules(login, company, users_by_role, role):
    _rule(company, why="Margine migliore.")
    response = login(users_by_role[role]).get(_url(company))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Margine migliore." in content
    assert ("Nuova regola di budget" in content) == (role != Role.DIGITAL_MANAGER)


@pytest.mark.parametrize("suffix", ["new/", "{pk}/", "{pk}/delete/"])
def test_the_digital_manager_and_the_colleague_may_not_change_rules(login, company, digital_manager, colleague, suffix):
    rule = _rule(company)
    for user in (digital_manager, colleague):
        assert login(user).post(_url(company, suffix.format(pk=rule.pk))).status_code == 403
    assert login(colleague).get(_url(company)).status_code == 403
    assert BudgetRule.objects.count() == 1


@pytest.mark.parametrize("suffix", ["", "new/", "{pk}/", "{pk}/delete/"])
def test_a_member_of_another_company_gets_404(login, company, outsider, suffix):
    rule = _rule(company)
    assert login(outsider).post(_url(company, suffix.format(pk=rule.pk))).status_code == 404
    assert login(outsider).get(_url(company, suffix.format(pk=rule.pk))).status_code == 404


def test_another_companys_rule_is_404_to_a_manager(login, company, other_company, owner):
    rule = _rule(other_company)
    assert login(owner).get(_url(company, f"{rule.pk}/")).status_code == 404
    assert login(owner).post(_url(company, f"{rule.pk}/delete/")).status_code == 404
    assert BudgetRule.objects.count() == 1


def _record(client, company, amount, channel="google_ads"):
    return client.post(
        f"/c/{company.slug}/engagement/budget/spends/?month=2026-11",
        {"spent_on": "2026-11-18", "channel": channel, "amount": amount, "note": "Campagna valvole"},
        follow=True,
    )


def test_a_spend_above_the_monthly_cap_is_recorded_with_a_warning(login, company, digital_manager):
    _rule(company)
    SpendFactory(company=company, channel=Channel.GOOGLE_ADS, amount=Decimal("250.00"), spent_on="2026-11-03")
    # Rejected spends do not count towards the cap.
    SpendFactory(
        company=company,
        channel=Channel.GOOGLE_ADS,
        amount=Decimal("900.00"),
        spent_on="2026-11-04",
        status=Spend.Status.REJECTED,
    )
    content = _record(login(digital_manager), company, "200,00").content.decode()
    assert Spend.objects.filter(amount=Decimal("200.00")).exists()
    assert "Attenzione: questo mese Google Ads arriva a €\xa0450,00, oltre il tetto di €\xa0400,00" in content


def test_a_spend_within_the_cap_or_on_another_channel_has_no_warning(login, company, digital_manager):
    _rule(company)
    client = login(digital_manager)
    assert "Attenzione" not in _record(client, company, "150,00").content.decode()
    assert "Attenzione" not in _record(client, company, "290,00", channel="meta_ads").content.decode()
    # Last month's spends do not count either.
    SpendFactory(company=company, channel=Channel.GOOGLE_ADS, amount=Decimal("390.00"), spent_on="2026-10-30")
    assert "Attenzione" not in _record(client, company, "100,00").content.decode()


def test_the_rules_page_queries_do_not_grow_with_the_rules(
    login, company, owner, consultant, django_assert_max_num_queries
):
    client = login(owner)
    client.get(f"/c/{company.slug}/")
    # session, user, membership with its company, the user's companies for the menu; the rules
    # with their owner.
    budget = 5
    _rule(company, owner=consultant)
    with django_assert_max_num_queries(budget):
        assert client.get(_url(company)).status_code == 200
    for n in range(10):
        _rule(company, channel=Channel.META_ADS, rule=f"Regola {n}", owner=consultant)
    with django_assert_max_num_queries(budget):
        assert client.get(_url(company)).status_code == 200
