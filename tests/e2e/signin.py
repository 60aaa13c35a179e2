"""Signing in through the real login page, the one way every browser test does it.

Users who must use two-factor sign-in get past it here: the helper gives them a confirmed
authenticator device in the test database if they have none, and types the code it shows now
(computed with django-otp, as the phone's app would).
"""

import time

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from engagements.models import User
from engagements.twofactor import two_factor_required


def current_code(device: TOTPDevice) -> str:
    """The code the phone shows now; the next one if the current one was already used."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if totp.t() <= device.last_t:
        totp.time += device.step * (device.last_t + 1 - totp.t())
    return f"{totp.token():0{device.digits}d}"


def ensure_device(email: str) -> TOTPDevice | None:
    """A confirmed device for a user who must use the second factor (None for the others)."""
    user = User.objects.get(email=email)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None and two_factor_required(user):
        device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    return device


def pass_second_factor(page, email: str) -> None:
    """On the "Two-factor sign-in" page: type the code of `email`'s device."""
    device = TOTPDevice.objects.get(user__email=email, confirmed=True)
    page.fill("input[name=code]", current_code(device))
    page.click("form:has(input[name=code]) button[type=submit]")
    page.wait_for_load_state()


def sign_in(page, base_url: str, email: str, password: str, next_path: str = "") -> None:
    """Sign `email` in (password, then the code if needed) and wait for the page after it."""
    ensure_device(email)
    page.goto(f"{base_url}/accounts/login/" + (f"?next={next_path}" if next_path else ""))
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    if "/accounts/two-factor/" in page.url:
        pass_second_factor(page, email)
