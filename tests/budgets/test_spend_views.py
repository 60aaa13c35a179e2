from datetime import date
from decimal import Decimal

import pytest

from engagements.budgets.models import Channel, Spend
from tests.budgets.factories import SpendFactory


def _record_url(company, month="2026-11"):
    return f"/c/{company.slug}/engagement/budget/spends/?month={month}"


def _decide_url(company, spend, action, month="2026-11"):
    return f"/c/{company.slug}/engagement/budget/spends/{spend.pk}/{action}/?month={month}"


def _spend_data(**extra):
    return {"spent_on": "2026-11-18", "channel": "google_ads", "amount": "120,50", "note": "Campagna valvole"} | extra


@pytest.fixture
def pending(company, digital_manager):
    return SpendFactory(
        company=company,
        recorded_by=digital_manager,
        amount=Decimal("480.00"),
        channel=Channel.LINKEDIN_ADS,
        note="Sponsorizzata LinkedIn fiera MECSPE",
        status=Spend.Status.PENDING,
    )


def test_digital_manager_records_a_spend_with_an_italian_decimal_comma(login, company, digital_manager):
    response = login(digital_manager).post(_record_url(company), _spend_data(), follow=True)
    assert response.redirect_chain[-1][0] == f"/c/{company.slug}/engagement/budget/?month=2026-11"
    spend = Spend.objects.get()
    assert spend.amount == Decimal("120.50")
    assert spend.company == company
    assert spend.recorded_by == digital_manager
    assert spend.status == Spend.Status.APPROVED
    assert "Spesa di €\xa0120,50 registrata." in response.content.decode()


def test_spend_exactly_at_the_threshold_is_approved_without_the_owner(login, company, digital_manager):
    login(digital_manager).post(_record_url(company), _spend_data(amount="300"))
    assert Spend.objects.get().status == Spend.Status.APPROVED


def test_spend_above_the_threshold_waits_and_the_message_says_so(login, company, digital_manager):
    response = login(digital_manager).post(_record_url(company), _spend_data(amount="300,01"), follow=True)
    assert Spend.objects.get().status == Spend.Status.PENDING
    assert "Supera €\xa0300,00, quindi attende l&#x27;approvazione del titolare." in response.content.decode()


def test_the_spend_redirects_to_its_own_month(login, company, consultant):
    response = login(consultant).post(_record_url(company, "2026-11"), _spend_data(spent_on="2026-09-30"))
    assert response["Location"] == f"/c/{company.slug}/engagement/budget/?month=2026-09"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("amount", "-10", "L&#x27;importo deve essere maggiore di zero."),
        ("amount", "0", "L&#x27;importo deve essere maggiore di zero."),
        ("amount", "12,345", "più di 2 cifre decimali"),
        ("amount", "dieci euro", "Inserisci un numero."),
        ("amount", "123456789012", "cifre in totale"),
        ("spent_on", "2026-02-30", "Inserisci una data valida."),
        ("spent_on", "ieri", "Inserisci una data valida."),
        ("spent_on", "2026-11-21", "la data non può essere nel futuro"),
        ("spent_on", "1999-12-31", "Controlla l&#x27;anno di questa data."),
        ("channel", "", "Questo campo è obbligatorio."),
        ("channel", "tv", "Scegli un&#x27;opzione valida."),
        ("note", "", "Questo campo è obbligatorio."),
        ("note", "x" * 201, "200 caratteri"),
    ],
)
def test_bad_spend_input_is_refused_with_400_keeping_what_was_typed(
    login, company, digital_manager, field, value, message
):
    data = _spend_data(note="Nota scritta a mano") | {field: value}
    response = login(digital_manager).post(_record_url(company), data)
    assert response.status_code == 400
    content = response.content.decode()
    assert message in content
    assert "La spesa non è stata registrata" in content
    if field != "note":
        assert 'value="Nota scritta a mano"' in content
    assert not Spend.objects.exists()


def test_an_empty_post_is_refused_with_400(login, company, digital_manager):
    assert login(digital_manager).post(f"/c/{company.slug}/engagement/budget/spends/").status_code == 400
    assert not Spend.objects.exists()


def test_an_invalid_post_with_a_bad_month_still_answers_400(login, company, digital_manager):
    response = login(digital_manager).post(_record_url(company, "giugno"), _spend_data(amount="-1"))
    assert response.status_code == 400


def test_owner_cannot_record_spends(login, company, owner):
    assert login(owner).post(_record_url(company), _spend_data()).status_code == 403
    assert not Spend.objects.exists()


def test_owner_approves_a_pending_spend(login, company, owner, pending):
    response = login(owner).post(_decide_url(company, pending, "approve"), {f"spend-{pending.pk}-comment": "Ok"})
    assert response["Location"] == f"/c/{company.slug}/engagement/budget/?month=2026-11"
    pending.refresh_from_db()
    assert (pending.status, pending.decided_by, pending.decision_comment) == (Spend.Status.APPROVED, owner, "Ok")


def test_owner_rejects_a_pending_spend_with_a_comment(login, company, owner, pending):
    response = login(owner).post(
        _decide_url(company, pending, "reject"), {f"spend-{pending.pk}-comment": "Troppo caro"}, follow=True
    )
    pending.refresh_from_db()
    assert (pending.status, pending.decision_comment) == (Spend.Status.REJECTED, "Troppo caro")
    assert "Rifiutata: €\xa0480,00 su Inserzioni LinkedIn" in response.content.decode()


def test_rejecting_without_a_comment_answers_400_and_keeps_the_spend_waiting(login, company, owner, pending):
    response = login(owner).post(_decide_url(company, pending, "reject"), {f"spend-{pending.pk}-comment": "  "})
    assert response.status_code == 400
    assert "Scrivi perché rifiuti questa spesa" in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == Spend.Status.PENDING


def test_a_comment_too_long_answers_400_and_keeps_the_text(login, company, owner, pending):
    response = login(owner).post(_decide_url(company, pending, "approve"), {f"spend-{pending.pk}-comment": "a" * 501})
    assert response.status_code == 400
    assert 'value="' + "a" * 501 + '"' in response.content.decode()


@pytest.mark.parametrize("action", ["approve", "reject"])
def test_digital_manager_and_consultant_cannot_decide(login, company, digital_manager, consultant, pending, action):
    for user in (digital_manager, consultant):
        response = login(user).post(_decide_url(company, pending, action), {f"spend-{pending.pk}-comment": "Ok"})
        assert response.status_code == 403
    pending.refresh_from_db()
    assert pending.status == Spend.Status.PENDING


def test_a_second_decision_is_refused_with_a_message(login, company, owner, pending):
    client = login(owner)
    client.post(_decide_url(company, pending, "approve"))
    response = client.post(_decide_url(company, pending, "reject"), {f"spend-{pending.pk}-comment": "No"}, follow=True)
    assert "Questa spesa è già stata approvata: non è cambiato nulla." in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == Spend.Status.APPROVED


@pytest.mark.parametrize("action", ["approve", "reject"])
def test_another_companys_spend_answers_404(login, company, other_company, owner, action):
    foreign = SpendFactory(company=other_company, amount=Decimal("500.00"), status=Spend.Status.PENDING)
    response = login(owner).post(_decide_url(company, foreign, action), {f"spend-{foreign.pk}-comment": "No"})
    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.status == Spend.Status.PENDING


def test_deciding_from_another_month_returns_to_that_month(login, company, owner, pending):
    response = login(owner).post(_decide_url(company, pending, "approve", month="2026-08"))
    assert response["Location"] == f"/c/{company.slug}/engagement/budget/?month=2026-08"


def test_get_on_an_action_is_not_allowed(login, company, owner, digital_manager, pending):
    assert login(digital_manager).get(_record_url(company)).status_code == 405
    assert login(owner).get(_decide_url(company, pending, "approve")).status_code == 405


def test_spend_recorded_today_uses_the_company_time_zone(login, company, digital_manager):
    response = login(digital_manager).post(_record_url(company), _spend_data(spent_on="2026-11-20"))
    assert response.status_code == 302
    assert Spend.objects.get().spent_on == date(2026, 11, 20)
