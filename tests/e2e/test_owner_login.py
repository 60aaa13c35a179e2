"""The owner logs in through a real Chromium and lands on the company home in Italian."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.e2e.signin import current_code
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser


def test_owner_logs_in_and_sees_the_company_home_in_italian(page, live_server, company, owner, tmp_path):
    page.goto(f"{live_server.url}/c/{company.slug}/")
    # Anonymous: sent to the login page, in Italian although the browser asks for English.
    expect(page).to_have_url(f"{live_server.url}/accounts/login/?next=/c/{company.slug}/")
    expect(page.locator("html")).to_have_attribute("lang", "it")
    page.get_by_label("Email").fill(owner.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Accedi").click()

    # First login of an owner: two-factor sign-in is set up at once, then back where they were.
    expect(page.get_by_role("heading", level=1)).to_contain_text("Configura l'accesso in due passaggi")
    expect(page.locator(".qr-code svg")).to_be_visible()
    device = TOTPDevice.objects.get(user=owner, confirmed=False)
    page.get_by_label("Codice dell'app").fill(current_code(device))
    page.get_by_role("button", name="Conferma e attiva").click()
    expect(page.locator(".recovery-code-list li")).to_have_count(10)
    page.get_by_role("link", name="Li ho salvati, continua").click()

    expect(page).to_have_url(f"{live_server.url}/c/{company.slug}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Buon lavoro")
    expect(page.get_by_role("navigation", name="Navigazione principale")).to_contain_text("Impostazioni azienda")
    expect(page.locator(".company-switcher")).to_contain_text(company.name)
    page.screenshot(path=str(tmp_path / "owner-home.png"), full_page=True)


def test_wrong_password_keeps_the_visitor_on_the_login_page_with_a_message(page, live_server, owner):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill(owner.email)
    page.get_by_label("Password").fill("wrong-password")
    page.get_by_role("button", name="Accedi").click()
    expect(page.get_by_role("alert")).to_contain_text("Email o password non corretti")
    expect(page.get_by_label("Email")).to_have_value(owner.email)
