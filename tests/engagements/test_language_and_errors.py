import pytest
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error


def test_italian_is_the_default_whatever_the_browser_says(client, db):
    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Content-Language"] == "it"


def test_anonymous_visitor_switches_to_english_with_a_cookie(client, db):
    response = client.post("/accounts/language/", {"language": "en", "next": "/accounts/login/"})
    assert response["Location"] == "/accounts/login/"
    content = client.get("/accounts/login/").content.decode()
    assert 'lang="en"' in content
    assert "Log in to Staffetta" in content


def test_logged_in_user_keeps_the_chosen_language_on_every_device(login, company, owner):
    login(owner).post("/accounts/language/", {"language": "en", "next": "/"})
    owner.refresh_from_db()
    assert owner.language == "en"
    fresh_device = login(owner)
    content = fresh_device.get(f"/c/{company.slug}/").content.decode()
    assert "Good to see you" in content
    assert 'lang="en"' in content


def test_unknown_language_is_refused_with_a_message(login, company, owner):
    client = login(owner)
    response = client.post("/accounts/language/", {"language": "fr", "next": f"/c/{company.slug}/"}, follow=True)
    assert "Questa lingua non è disponibile" in response.content.decode()
    owner.refresh_from_db()
    assert owner.language == ""


def test_language_switch_never_redirects_off_site(client, db):
    response = client.post("/accounts/language/", {"language": "en", "next": "https://evil.example/"})
    assert response["Location"] == "/"


@pytest.mark.parametrize(("language", "text"), [("it", "Questa pagina non esiste"), ("en", "This page does not exist")])
def test_404_page_speaks_the_users_language(login, owner, language, text):
    owner.language = language
    owner.save()
    response = login(owner).get("/c/nowhere/")
    assert response.status_code == 404
    assert text in response.content.decode()


@pytest.mark.parametrize(
    ("language", "text"),
    [("it", "Il tuo ruolo non consente"), ("en", "Your role does not allow this page")],
)
def test_403_page_speaks_the_users_language(login, company, colleague, language, text):
    colleague.language = language
    colleague.save()
    response = login(colleague).get(f"/c/{company.slug}/members/")
    assert response.status_code == 403
    assert text in response.content.decode()


@pytest.mark.parametrize(
    ("language", "text"), [("it", "Si è verificato un errore"), ("en", "Something went wrong on our side")]
)
def test_500_page_speaks_the_active_language(db, language, text):
    with translation.override(language):
        response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert text in response.content.decode()
