"""GET /in/<key>/form/ and /thanks/: the hosted form, in the visitor's language."""

import pytest

from tests.factories import CompanyFactory
from tests.inbox.intake.factories import IntakeChannelFactory


def test_the_hosted_form_is_in_italian_by_default(client, form_channel):
    response = client.get(f"/in/{form_channel.public_key}/form/")
    content = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Language"] == "it"
    assert 'lang="it"' in content
    assert "Scrivi a Officine Test" in content
    assert "Acconsento che Officine Test tratti i dati" in content
    assert f'action="/in/{form_channel.public_key}/submit/?lang=it"' in content


def test_the_hosted_form_follows_the_browsers_language(client, form_channel):
    response = client.get(f"/in/{form_channel.public_key}/form/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9,it;q=0.5")
    content = response.content.decode()
    assert response["Content-Language"] == "en"
    assert "Accept-Language" in response["Vary"]
    assert "Write to Officine Test" in content
    assert "I agree that Officine Test processes the data" in content
    assert 'name="language" value="en"' in content


def test_lang_in_the_address_wins_over_the_browser(client, form_channel):
    response = client.get(f"/in/{form_channel.public_key}/form/?lang=it", HTTP_ACCEPT_LANGUAGE="en")
    assert "Scrivi a Officine Test" in response.content.decode()


def test_an_unsupported_browser_language_falls_back_to_the_companys(client, db):
    channel = IntakeChannelFactory(company=CompanyFactory(name="Astico Textiles", language="en"))
    response = client.get(f"/in/{channel.public_key}/form/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")
    assert "Write to Astico Textiles" in response.content.decode()


def test_the_form_has_every_field_consent_and_a_hidden_honeypot(client, form_channel):
    content = client.get(f"/in/{form_channel.public_key}/form/?lang=en").content.decode()
    for name in ("name", "email", "organisation", "phone", "subject", "message", "consent"):
        assert f'name="{name}"' in content
    assert '<div class="d-none" aria-hidden="true">' in content
    assert 'name="website"' in content
    assert 'tabindex="-1"' in content


def test_landing_page_and_utm_come_from_the_address(client, form_channel):
    url = f"/in/{form_channel.public_key}/form/?utm_source=newsletter&utm_campaign=spring&landing_page=https://www.example.it/x"
    content = client.get(url).content.decode()
    assert 'name="utm_source" value="newsletter"' in content
    assert 'name="utm_campaign" value="spring"' in content
    assert 'name="landing_page" value="https://www.example.it/x"' in content


def test_the_linking_page_is_the_landing_page(client, form_channel):
    content = client.get(
        f"/in/{form_channel.public_key}/form/", HTTP_REFERER="https://www.officine-test.example/contatti"
    ).content.decode()
    assert 'name="landing_page" value="https://www.officine-test.example/contatti"' in content


def test_the_thank_you_page_speaks_the_visitors_language(client, form_channel):
    english = client.get(f"/in/{form_channel.public_key}/thanks/?lang=en").content.decode()
    italian = client.get(f"/in/{form_channel.public_key}/thanks/").content.decode()
    assert "Message sent" in english
    assert "Messaggio inviato" in italian


@pytest.mark.parametrize("page", ["form", "thanks"])
def test_unknown_inactive_or_webhook_keys_answer_404(client, form_channel, webhook_channel, page):
    assert client.get(f"/in/no-such-key/{page}/").status_code == 404
    assert client.get(f"/in/{webhook_channel.public_key}/{page}/").status_code == 404
    form_channel.is_active = False
    form_channel.save()
    assert client.get(f"/in/{form_channel.public_key}/{page}/").status_code == 404


def test_form_page_query_count_is_fixed(client, form_channel, django_assert_max_num_queries):
    # channel + company
    with django_assert_max_num_queries(1):
        assert client.get(f"/in/{form_channel.public_key}/form/").status_code == 200
    for _n in range(10):
        IntakeChannelFactory(company=form_channel.company)
    with django_assert_max_num_queries(1):
        assert client.get(f"/in/{form_channel.public_key}/form/").status_code == 200
