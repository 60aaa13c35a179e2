"""Two-factor sign-in: who needs it, the guard on every company page, setting it up, codes."""

import time

import pytest
from django.test import Client
from django.utils.html import escape
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from activity.models import Activity
from activity.verbs import Verb
from engagements.roles import Role
from engagements.twofactor import pending_device, recovery_codes_renew, two_factor_required
from tests.factories import PASSWORD, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def code_for(device, *, offset=0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + offset * device.step
    return f"{totp.token():06d}"


def password_only(user) -> Client:
    """Signed in with the password through the login form, before any second factor."""
    client = Client()
    response = client.post("/accounts/login/", {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return client


def with_device(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


def home(company):
    return f"/c/{company.slug}/"


def test_owners_and_consultants_must_use_it_others_may(owner, consultant, digital_manager, colleague):
    assert two_factor_required(owner)
    assert two_factor_required(consultant)
    assert not two_factor_required(digital_manager)
    assert not two_factor_required(colleague)


def test_an_owner_without_a_device_is_sent_to_set_it_up_before_any_company_page(company, owner):
    client = password_only(owner)
    response = client.get(home(company))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/two-factor/setup/?next=")
    assert client.get("/companies/")["Location"].startswith("/accounts/two-factor/setup/")


def test_a_user_with_a_device_gives_the_code_before_any_company_page(company, owner):
    with_device(owner)
    client = password_only(owner)
    response = client.get(f"{home(company)}inbox/?status=open")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/two-factor/?next=%2Fc%2Fofficine-test%2Finbox%2F%3Fstatus%3Dopen".replace(
        "officine-test", company.slug
    )


def test_htmx_json_and_posts_of_an_unverified_user_get_403(company, owner):
    with_device(owner)
    client = password_only(owner)
    assert client.get(f"{home(company)}inbox/", HTTP_HX_REQUEST="true").status_code == 403
    assert client.get(f"{home(company)}inbox/", HTTP_ACCEPT="application/json").status_code == 403
    assert client.post(f"{home(company)}members/invite/", {"email": "x@example.com"}).status_code == 403


def test_public_pages_stay_open_to_an_unverified_user(company, owner):
    with_device(owner)
    client = password_only(owner)
    assert client.get("/health/").status_code == 200
    assert client.get("/accounts/login/").status_code in (200, 302)
    assert client.post("/accounts/language/", {"language": "en", "next": "/"}).status_code == 302
    assert client.get("/feeds/nothing.ics").status_code == 404  # reached the view, not the guard
    assert client.post("/accounts/logout/").status_code == 302


def test_the_right_code_opens_the_company_and_goes_back_to_next(company, owner):
    device = with_device(owner)
    client = password_only(owner)
    response = client.post("/accounts/two-factor/", {"code": code_for(device), "next": home(company)})
    assert response.status_code == 302
    assert response["Location"] == home(company)
    assert client.get(home(company)).status_code == 200


def test_a_wrong_code_is_refused_said_why_and_recorded(company, owner):
    owner.language = "en"
    owner.save()
    with_device(owner)
    client = password_only(owner)
    response = client.post("/accounts/two-factor/", {"code": "000000", "next": home(company)})
    assert response.status_code == 400
    assert "That code is not right" in response.content.decode()
    assert client.get(home(company)).status_code == 302
    assert Activity.objects.filter(company=company, actor=owner, verb=Verb.TWO_FACTOR_FAILED).count() == 1


def test_wrong_codes_are_throttled(company, owner):
    device = with_device(owner)
    client = password_only(owner)
    client.post("/accounts/two-factor/", {"code": "000000"})
    # Even the right code waits for the back-off after a wrong one.
    response = client.post("/accounts/two-factor/", {"code": code_for(device)})
    assert response.status_code == 429
    assert "Troppi codici errati" in response.content.decode()


def test_a_recovery_code_works_once_only(company, owner):
    with_device(owner)
    codes = recovery_codes_renew(owner)
    first = password_only(owner)
    assert first.post("/accounts/two-factor/", {"code": codes[0].upper()})["Location"] == "/"
    assert first.get(home(company)).status_code == 200
    assert StaticToken.objects.filter(device__user=owner).count() == 9

    second = password_only(owner)
    response = second.post("/accounts/two-factor/", {"code": codes[0]})
    assert response.status_code == 400
    assert second.get(home(company)).status_code == 302


def test_setting_it_up_shows_a_qr_code_and_the_key_then_recovery_codes_once(company, owner):
    client = password_only(owner)
    page = client.get("/accounts/two-factor/setup/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in html
    assert "<path" in html
    assert 'style="' not in html.split("<svg", 1)[1].split("</svg>", 1)[0]
    device = TOTPDevice.objects.get(user=owner, confirmed=False)
    from engagements.twofactor import manual_key

    assert manual_key(device) in html

    done = client.post("/accounts/two-factor/setup/", {"code": code_for(device), "next": home(company)})

    assert done.status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    codes = list(StaticToken.objects.filter(device__user=owner).values_list("token", flat=True))
    assert len(codes) == 10
    text = done.content.decode()
    assert all(code in text for code in codes)
    assert 'download="staffetta-recovery-codes.txt"' in text
    assert client.get(home(company)).status_code == 200, "the setup verified the session"
    assert Activity.objects.filter(company=company, actor=owner, verb=Verb.TWO_FACTOR_ENROLLED).exists()


def test_setting_it_up_with_a_wrong_code_keeps_the_form_and_says_why(owner):
    owner.language = "en"
    owner.save()
    client = password_only(owner)
    client.get("/accounts/two-factor/setup/")
    device = TOTPDevice.objects.get(user=owner, confirmed=False)
    response = client.post("/accounts/two-factor/setup/", {"code": "123 456"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "That code is not right" in html
    assert 'value="123 456"' in html
    assert "<svg" in html, "the same QR code is still there to scan"
    assert TOTPDevice.objects.get(user=owner, confirmed=False).pk == device.pk

    letters = client.post("/accounts/two-factor/setup/", {"code": "abcdef"})
    assert "Type the 6 digits" in letters.content.decode()


def test_setting_it_up_on_the_phone_itself_offers_a_link_that_opens_the_authenticator_app(owner):
    client = password_only(owner)
    html = client.get("/accounts/two-factor/setup/").content.decode()
    device = TOTPDevice.objects.get(user=owner, confirmed=False)
    assert device.config_url.startswith("otpauth://totp/")
    assert f'href="{escape(device.config_url)}" data-testid="otpauth-link"' in html


def test_the_setup_page_speaks_italian_by_default(owner):
    html = password_only(owner).get("/accounts/two-factor/setup/").content.decode()
    assert "Configura l&#x27;accesso in due passaggi" in html or "Configura l'accesso in due passaggi" in html


def test_a_user_with_a_device_cannot_set_up_another_without_the_code(owner):
    with_device(owner)
    client = password_only(owner)
    assert client.get("/accounts/two-factor/setup/")["Location"].startswith("/accounts/two-factor/?next=")


def test_the_company_setting_extends_the_requirement_to_everyone(login, company, digital_manager):
    client = password_only(digital_manager)
    assert client.get(home(company)).status_code == 200
    company.two_factor_for_everyone = True
    company.save()
    assert two_factor_required(digital_manager)
    assert client.get(home(company))["Location"].startswith("/accounts/two-factor/setup/")


def test_the_company_setting_is_edited_with_the_company_settings(login, company, owner):
    client = login(owner)
    page = client.get(f"{home(company)}settings/")
    assert 'name="company-two_factor_for_everyone"' in page.content.decode()


def test_the_optional_roles_may_turn_it_on_and_off(login, company, digital_manager):
    client = login(digital_manager)
    assert "/accounts/two-factor/setup/" in client.get("/accounts/security/").content.decode()
    device = pending_device(digital_manager)
    client.post("/accounts/two-factor/setup/", {"code": code_for(device)})
    assert TOTPDevice.objects.filter(user=digital_manager, confirmed=True).exists()
    response = client.post("/accounts/security/two-factor/off/")
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=digital_manager).exists()


def test_the_required_roles_cannot_turn_it_off(login, owner):
    client = login(owner)
    assert "two-factor/off" not in client.get("/accounts/security/").content.decode()
    client.post("/accounts/security/two-factor/off/")
    assert TOTPDevice.objects.filter(user=owner, confirmed=True).exists()


def test_renewing_recovery_codes_asks_the_password_and_voids_the_old_ones(login, company, owner):
    from engagements.reauth import CONFIRMED_AT_SESSION_KEY, MARKER_FIELD, PASSWORD_FIELD

    old = recovery_codes_renew(owner)
    client = login(owner)
    session = client.session
    session[CONFIRMED_AT_SESSION_KEY] = 0
    session.save()
    asked = client.post("/accounts/security/recovery-codes/")
    assert asked.status_code == 200
    assert StaticToken.objects.filter(token=old[0]).exists()
    done = client.post("/accounts/security/recovery-codes/", {MARKER_FIELD: "POST", PASSWORD_FIELD: PASSWORD})
    assert done.status_code == 200
    assert not StaticToken.objects.filter(token__in=old).exists()
    assert StaticToken.objects.filter(device__user=owner).count() == 10
    assert Activity.objects.filter(company=company, verb=Verb.RECOVERY_CODES_RENEWED).count() == 2


def test_the_security_page_says_how_many_recovery_codes_are_left(login, owner):
    owner.language = "en"
    owner.save()
    client = login(owner)
    recovery_codes_renew(owner)
    assert "10 recovery codes left" in client.get("/accounts/security/").content.decode()


def test_new_pages_need_few_queries(login, owner, digital_manager, django_assert_max_num_queries):
    client = login(owner)
    recovery_codes_renew(owner)
    with django_assert_max_num_queries(12):
        assert client.get("/accounts/security/").status_code == 200
    unverified = password_only(digital_manager)
    with django_assert_max_num_queries(12):
        assert unverified.get("/accounts/two-factor/setup/").status_code == 200
    with_device(digital_manager)
    with django_assert_max_num_queries(10):
        assert unverified.get("/accounts/two-factor/").status_code == 200


def test_the_account_pages_need_a_signed_in_user(client):
    for url in ("/accounts/security/", "/accounts/two-factor/", "/accounts/two-factor/setup/"):
        assert client.get(url)["Location"].startswith("/accounts/login/")


def test_sign_ins_and_failed_sign_ins_are_recorded_in_each_company(company, other_company, owner):
    MembershipFactory(user=owner, company=other_company, role=Role.COLLEAGUE)
    password_only(owner)
    assert Activity.objects.filter(verb=Verb.SIGNED_IN, actor=owner).count() == 2
    Client().post("/accounts/login/", {"username": owner.email.upper(), "password": "wrong-password"})
    failed = Activity.objects.filter(verb=Verb.SIGN_IN_FAILED, actor=owner)
    assert failed.count() == 2
    assert all("wrong-password" not in str(entry.details) for entry in failed)


def test_a_failed_sign_in_of_an_unknown_address_records_nothing():
    Client().post("/accounts/login/", {"username": "nobody@example.com", "password": "x"})
    assert not Activity.objects.filter(verb=Verb.SIGN_IN_FAILED).exists()


def test_a_user_of_no_company_with_no_device_goes_on(client):
    user = UserFactory()
    client = password_only(user)
    assert client.get("/companies/").status_code == 200


def test_replacing_the_device_ends_the_sessions_verified_with_the_old_one(company, owner):
    old = with_device(owner)
    first = password_only(owner)
    first.post("/accounts/two-factor/", {"code": code_for(old)})
    assert first.get(home(company)).status_code == 200
    second = password_only(owner)
    second.post("/accounts/two-factor/", {"code": code_for(old, offset=1)})
    assert second.get(home(company)).status_code == 200

    second.get("/accounts/two-factor/setup/")
    new = TOTPDevice.objects.get(user=owner, confirmed=False)
    assert second.post("/accounts/two-factor/setup/", {"code": code_for(new)}).status_code == 200

    assert second.get(home(company)).status_code == 200
    assert first.get(home(company))["Location"].startswith("/accounts/login/")
    assert not TOTPDevice.objects.filter(pk=old.pk).exists()


def test_the_demo_gives_owners_and_the_consultant_a_device_and_a_fresh_code_at_each_start():
    import io

    from django.core.management import call_command

    from engagements.demo import DEMO_PASSWORD, demo_recovery_codes

    call_command("seed_demo", stdout=io.StringIO())
    codes = demo_recovery_codes()
    assert set(codes) == {
        "titolare@officine-berica.example",
        "consulente@staffetta.example",
        "titolare@tessiture-astico.example",
    }
    again = demo_recovery_codes()
    assert again["consulente@staffetta.example"] != codes["consulente@staffetta.example"]

    def second_factor(code):
        client = Client()
        client.post("/accounts/login/", {"username": "consulente@staffetta.example", "password": DEMO_PASSWORD})
        return client.post("/accounts/two-factor/", {"code": code}).status_code

    assert second_factor(again["consulente@staffetta.example"]) == 302
    assert second_factor(codes["consulente@staffetta.example"]) == 400, "the previous start's code is void"


def test_the_security_page_and_replacing_the_device_link_back(login, owner):
    client = login(owner)
    assert 'href="/" data-testid="back-link"' in client.get("/accounts/security/").content.decode()
    html = client.get("/accounts/two-factor/setup/?next=/accounts/security/").content.decode()
    assert 'href="/accounts/security/" data-testid="back-link"' in html
