"""Screenshots of the main pages at laptop and phone width, for looking at them.

Usage: python scripts/screenshots.py [base-url] [out-dir]  (the demo must be running).
"""

import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
OUT = Path(sys.argv[2] if len(sys.argv) > 2 else "docs/screenshots")
PASSWORD = "staffetta-demo"
# log_in reads the second factor's code from the demo's database while Playwright's event loop
# runs in this thread: Django's async guard must stand aside (as in the browser tests).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

PAGES = [
    ("login", None, "/accounts/login/"),
    ("owner-home", "titolare@officine-berica.example", "/c/officine-berica/"),
    ("members", "titolare@officine-berica.example", "/c/officine-berica/members/"),
    ("company-settings", "titolare@officine-berica.example", "/c/officine-berica/settings/"),
    ("consultant-picker", "consulente@staffetta.example", "/companies/"),
    ("colleague-home", "vendite@officine-berica.example", "/c/officine-berica/"),
    ("forbidden", "vendite@officine-berica.example", "/c/officine-berica/members/"),
    ("health", None, "/health/"),
    ("engagement-owner", "titolare@officine-berica.example", "/c/officine-berica/engagement/"),
    ("engagement-phases", "consulente@staffetta.example", "/c/officine-berica/engagement/phases/"),
    ("engagement-new", "consulente@staffetta.example", "/c/officine-berica/engagement/edit/"),
    ("portfolio", "consulente@staffetta.example", "/portfolio/"),
    ("handover", "consulente@staffetta.example", "/c/officine-berica/engagement/handover/"),
    ("budget-owner", "titolare@officine-berica.example", "/c/officine-berica/engagement/budget/"),
    ("budget-digital", "digital@officine-berica.example", "/c/officine-berica/engagement/budget/"),
    ("schedule", "consulente@staffetta.example", "/c/officine-berica/engagement/schedule/"),
    ("readiness", "consulente@staffetta.example", "/c/officine-berica/engagement/readiness/"),
    ("reviews", "titolare@officine-berica.example", "/c/officine-berica/engagement/reviews/"),
    ("astico-engagement", "consulente@staffetta.example", "/c/tessiture-astico/engagement/"),
    ("inbox", "digital@officine-berica.example", "/c/officine-berica/inbox/"),
    ("inbox-colleague", "vendite@officine-berica.example", "/c/officine-berica/inbox/"),
    ("inbox-channels", "digital@officine-berica.example", "/c/officine-berica/inbox/channels/"),
    ("inbox-canned", "digital@officine-berica.example", "/c/officine-berica/inbox/canned/"),
    ("inbox-mentions", "digital@officine-berica.example", "/c/officine-berica/inbox/mentions/"),
    ("inbox-mention-feeds", "digital@officine-berica.example", "/c/officine-berica/inbox/mentions/feeds/"),
    ("inbox-conversation", "digital@officine-berica.example", "/c/officine-berica/inbox/?status=all#open-first"),
    ("inbox-chat", "digital@officine-berica.example", "/c/officine-berica/inbox/chat/"),
    ("calendar-month", "digital@officine-berica.example", "/c/officine-berica/calendar/"),
    ("calendar-week", "digital@officine-berica.example", "/c/officine-berica/calendar/week/"),
    ("calendar-list", "titolare@officine-berica.example", "/c/officine-berica/calendar/list/"),
    ("calendar-channels", "digital@officine-berica.example", "/c/officine-berica/calendar/channels/"),
    ("calendar-item-new", "digital@officine-berica.example", "/c/officine-berica/calendar/items/new/"),
    ("calendar-feeds", "digital@officine-berica.example", "/c/officine-berica/calendar/feeds/"),
    ("calendar-images", "digital@officine-berica.example", "/c/officine-berica/calendar/images/"),
    ("calendar-import", "digital@officine-berica.example", "/c/officine-berica/calendar/results/import/"),
    ("newsletter-lists", "digital@officine-berica.example", "/c/officine-berica/calendar/newsletter/"),
    ("training-trainee", "digital@officine-berica.example", "/c/officine-berica/training/"),
    ("training-consultant", "consulente@staffetta.example", "/c/officine-berica/training/"),
    ("digital-home", "digital@officine-berica.example", "/c/officine-berica/"),
    ("training-summary", "titolare@officine-berica.example", "/c/officine-berica/training/summary/"),
    ("training-supervision", "consulente@staffetta.example", "/c/officine-berica/training/supervision/"),
    ("training-post-feedback", "digital@officine-berica.example", "/c/officine-berica/calendar/items/70/"),
    ("reports-archive", "titolare@officine-berica.example", "/c/officine-berica/reports/"),
    ("reports-baseline", "consulente@staffetta.example", "/c/officine-berica/reports/baseline/"),
    ("reports-settings", "titolare@officine-berica.example", "/c/officine-berica/reports/settings/"),
    ("engagement-manual", "consulente@staffetta.example", "/c/officine-berica/engagement/manual/"),
    ("inbox-routing", "digital@officine-berica.example", "/c/officine-berica/inbox/routing/"),
]
SIZES = {"laptop": (1366, 900), "phone": (390, 844)}


_SIGNED_IN: dict[str, list] = {}


def _current_code(email: str) -> str:
    """The code the user's authenticator would show now, read from the demo's database."""
    import os
    import time

    import django

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.get(user__email=email, confirmed=True)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if totp.t() <= device.last_t:
        totp.time += device.step * (device.last_t + 1 - totp.t())
    return f"{totp.token():0{device.digits}d}"


def log_in(page, email: str) -> None:
    """Sign in once per login (password, then the second factor if asked); later pages of the
    same login reuse its session cookie."""
    if email in _SIGNED_IN:
        page.context.add_cookies(_SIGNED_IN[email])
        return
    page.goto(BASE + "/accounts/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    if "/accounts/two-factor/" in page.url:
        page.fill("input[name=code]", _current_code(email))
        page.click("form:has(input[name=code]) button[type=submit]")
        page.wait_for_load_state()
    _SIGNED_IN[email] = page.context.cookies()


def main() -> None:
    only = set(sys.argv[3].split(",")) if len(sys.argv) > 3 else None
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for size_name, (width, height) in SIZES.items():
            for name, email, path in PAGES:
                if only and name not in only:
                    continue
                context = browser.new_context(viewport={"width": width, "height": height}, locale="it-IT")
                page = context.new_page()
                if email:
                    log_in(page, email)
                page.goto(BASE + path)
                if path.endswith("#open-first"):
                    # The first conversation of the list, whatever its id in this demo database.
                    href = page.eval_on_selector_all(
                        "a[href]",
                        "els => els.map(e => e.getAttribute('href')).find(h => /\\/inbox\\/\\d+\\/(\\?|$)/.test(h))",
                    )
                    page.goto(BASE + href)
                page.screenshot(path=str(OUT / f"{name}-{size_name}.png"), full_page=True)
                context.close()
        browser.close()


if __name__ == "__main__":
    main()
