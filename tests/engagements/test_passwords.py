import re

from django.core import mail

from tests.factories import PASSWORD

NEW_PASSWORD = "un-altra-password-lunga-7"


def test_password_reset_mails_a_link_that_sets_a_new_password(client, owner):
    response = client.post("/accounts/password/reset/", {"email": owner.email.upper()})
    assert response["Location"] == "/accounts/password/reset/sent/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [owner.email]
    assert message.subject == "Staffetta: scegli una nuova password"
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", message.body).group(1)
    form_url = client.get(link)["Location"]  # Django swaps the token for a session marker
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response["Location"] == "/accounts/password/reset/done/"
    owner.refresh_from_db()
    assert owner.check_password(NEW_PASSWORD)
    assert client.get(link).context["validlink"] is False  # used once


def test_password_reset_for_an_unknown_address_says_the_same_and_sends_nothing(client, db):
    response = client.post("/accounts/password/reset/", {"email": "nessuno@example.com"})
    assert response["Location"] == "/accounts/password/reset/sent/"
    assert mail.outbox == []


def test_password_reset_with_a_bad_address_explains(client, db):
    response = client.post("/accounts/password/reset/", {"email": "not-an-address"})
    assert response.status_code == 200
    assert "indirizzo email valido" in response.content.decode()


def test_password_change_needs_the_old_password(login, owner):
    client = login(owner)
    response = client.post(
        "/accounts/password/change/",
        {"old_password": "wrong", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    owner.refresh_from_db()
    assert owner.check_password(PASSWORD)
    response = client.post(
        "/accounts/password/change/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response["Location"] == "/accounts/password/change/done/"
    owner.refresh_from_db()
    assert owner.check_password(NEW_PASSWORD)


def test_short_password_is_refused_in_italian(login, owner):
    response = login(owner).post(
        "/accounts/password/change/", {"old_password": PASSWORD, "new_password1": "corta", "new_password2": "corta"}
    )
    assert "Questa password è troppo corta: usa almeno 10 caratteri." in response.content.decode()


def test_password_change_requires_login(client, db):
    assert client.get("/accounts/password/change/")["Location"].startswith("/accounts/login/")


def test_password_change_page_query_count_is_fixed(login, owner, django_assert_max_num_queries):
    client = login(owner)
    # session, user, switcher memberships
    with django_assert_max_num_queries(3):
        assert client.get("/accounts/password/change/").status_code == 200
