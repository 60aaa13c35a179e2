import io

import pytest

from tests.factories import PASSWORD


def _post_login(client, email, password):
    return client.post("/accounts/login/", {"username": email, "password": password}, REMOTE_ADDR="10.1.2.3")


def test_login_page_is_in_italian_by_default(client, db):
    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    assert 'lang="it"' in response.content.decode()
    assert "Accedi" in response.content.decode()


def test_login_with_email_in_any_case_reaches_the_company_home(client, company, digital_manager):
    response = _post_login(client, "DIGITAL@Example.com", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get("/").url == f"/c/{company.slug}/"


def test_an_owner_gives_the_second_factor_and_then_reaches_the_company_home(client, company, owner):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.e2e.signin import current_code

    device = TOTPDevice.objects.create(user=owner, name="phone", confirmed=True)
    response = _post_login(client, "OWNER@Example.com", PASSWORD)
    assert client.get(response["Location"])["Location"] == "/accounts/two-factor/?next=%2F"
    verified = client.post("/accounts/two-factor/?next=%2F", {"code": current_code(device)})
    assert verified["Location"] == "/"
    assert client.get("/").url == f"/c/{company.slug}/"


def test_wrong_password_is_refused_with_a_clear_message(client, owner):
    response = _post_login(client, owner.email, "wrong-password")
    assert response.status_code == 200
    assert "Email o password non corretti" in response.content.decode()
    assert owner.email in response.content.decode()  # what was typed is kept


def test_login_page_lists_demo_logins_only_when_demo_data_is_loaded(client, db):
    assert "titolare@officine-berica.example" not in client.get("/accounts/login/").content.decode()
    from django.core.management import call_command

    call_command("seed_demo", stdout=io.StringIO())
    content = client.get("/accounts/login/").content.decode()
    assert "titolare@officine-berica.example" in content
    assert "staffetta-demo" in content


def test_repeated_failures_lock_the_login_even_with_the_right_password(client, owner, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(3):
        _post_login(client, owner.email, "wrong-password")
    response = _post_login(client, owner.email, PASSWORD)
    assert response.status_code == 429
    assert "Troppi tentativi" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_address_so_others_can_still_log_in(client, owner, digital_manager, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(3):
        _post_login(client, owner.email, "wrong-password")
    response = _post_login(client, digital_manager.email, PASSWORD)
    assert response.status_code == 302


def test_lockout_ignores_the_case_of_the_email(client, owner, settings):
    settings.AXES_FAILURE_LIMIT = 2
    _post_login(client, owner.email.upper(), "wrong")
    _post_login(client, owner.email, "wrong")
    assert _post_login(client, owner.email.title(), PASSWORD).status_code == 429


def test_logout_needs_post_and_ends_the_session(login, owner):
    client = login(owner)
    assert client.get("/accounts/logout/").status_code == 405
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert client.get("/").status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("path", ["/accounts/login/", "/accounts/password/reset/"])
def test_public_account_pages_stay_within_query_budget(client, db, path, django_assert_max_num_queries):
    # login: the demo-data check; reset: none
    with django_assert_max_num_queries(2):
        assert client.get(path).status_code == 200
