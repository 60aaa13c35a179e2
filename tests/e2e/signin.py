"""Signing in through the real login page, the one way every browser test does it.

Issue 10 adds the second factor here: users who must use it get past it in this one place.
"""


def sign_in(page, base_url: str, email: str, password: str) -> None:
    """Sign `email` in and wait for the page after the login form."""
    page.goto(f"{base_url}/accounts/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_load_state()
