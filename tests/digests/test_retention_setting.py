"""The company's retention setting for enquiries, on the company settings page."""

from engagements.models import Company


def _data(**extra):
    return {
        "company-name": "Officine Test",
        "company-sector": "",
        "company-timezone": "Europe/Rome",
        "company-language": "it",
        "company-spend_approval_threshold": "300",
        "company-enquiry_retention_months": "",
        "hours-TOTAL_FORMS": "0",
        "hours-INITIAL_FORMS": "0",
    } | extra


def test_settings_page_offers_the_retention_and_says_the_figures_stay(login, company, owner):
    content = login(owner).get(f"/c/{company.slug}/settings/").content.decode()
    assert "Conserva le richieste per" in content
    assert "Per sempre" in content
    assert "24 mesi" in content
    assert "I numeri restano" in content


def test_owner_sets_and_clears_the_retention(login, company, owner):
    client = login(owner)
    assert (
        client.post(f"/c/{company.slug}/settings/", _data(**{"company-enquiry_retention_months": "24"})).status_code
        == 302
    )
    assert Company.objects.get(pk=company.pk).enquiry_retention_months == 24
    assert client.post(f"/c/{company.slug}/settings/", _data()).status_code == 302
    assert Company.objects.get(pk=company.pk).enquiry_retention_months is None


def test_a_retention_outside_the_choices_is_refused(login, company, owner):
    response = login(owner).post(f"/c/{company.slug}/settings/", _data(**{"company-enquiry_retention_months": "3"}))
    assert response.status_code == 400
    assert "Scegli un&#x27;opzione valida" in response.content.decode()
    assert Company.objects.get(pk=company.pk).enquiry_retention_months is None


def test_the_digital_manager_cannot_change_it(login, company, digital_manager):
    assert (
        login(digital_manager)
        .post(f"/c/{company.slug}/settings/", _data(**{"company-enquiry_retention_months": "12"}))
        .status_code
        == 403
    )
