"""The README's screenshots: each main page of the demo at laptop and phone width, in docs/screenshots/.

Usage (the demo must be running, e.g. `make demo`):

    .venv/bin/python scripts/readme_screenshots.py [base-url] [out-dir] [name,name,...]

Signs in through scripts/screenshots.py's log_in (password, then the second factor when the demo
asks for it). Each image is the top of the page (at most MAX_HEIGHT pixels of it), reduced to
256 colours so that the whole set stays small in the repository.
"""

import os
import re
import sys
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
import screenshots  # the sibling script: its browser options and its sign-in

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
OUT = Path(sys.argv[2] if len(sys.argv) > 2 else "docs/screenshots")
ONLY = set(sys.argv[3].split(",")) if len(sys.argv) > 3 else None
screenshots.BASE = BASE
# The second factor's code is read from the demo's database while Playwright's loop runs.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

OWNER = "titolare@officine-berica.example"
DIGITAL = "digital@officine-berica.example"
CONSULTANT = "consulente@staffetta.example"
BERICA = "/c/officine-berica"

# name, caption (README), login, page, and optionally the first link to follow from that page
# (whatever its id in this demo database) or "menu" (the phone's open navigation menu).
PAGES = [
    ("owner-dashboard", "Owner dashboard", OWNER, f"{BERICA}/", None),
    ("today", "Today (digital manager)", DIGITAL, f"{BERICA}/", None),
    ("inbox", "Inbox", DIGITAL, f"{BERICA}/inbox/", None),
    ("conversation", "Conversation", DIGITAL, f"{BERICA}/inbox/", r"/inbox/\d+/(\?|$)"),
    ("calendar-month", "Content calendar, month", DIGITAL, f"{BERICA}/calendar/", None),
    ("content-item", "Content item", DIGITAL, f"{BERICA}/calendar/list/", r"/calendar/items/\d+/$"),
    ("budgets", "Budgets", OWNER, f"{BERICA}/engagement/budget/", None),
    ("handover", "Handover board", CONSULTANT, f"{BERICA}/engagement/handover/", None),
    ("training-progress", "Training progress", CONSULTANT, f"{BERICA}/training/", r"/training/plans/\d+/$"),
    ("engagement-timeline", "Engagement timeline", OWNER, f"{BERICA}/engagement/", None),
    ("portfolio", "Consultant's portfolio", CONSULTANT, "/portfolio/", None),
    ("monthly-report", "Monthly report", OWNER, f"{BERICA}/reports/", r"/reports/\d{4}-\d{2}/$"),
    ("activity-log", "Activity log", OWNER, f"{BERICA}/activity/", None),
    ("menu", "Navigation menu", DIGITAL, f"{BERICA}/", "menu"),
]
SIZES = {"laptop": (1366, 900), "phone": (390, 844)}
MAX_HEIGHT = {"laptop": 1300, "phone": 1600}


def log_in(page, email: str) -> None:
    """screenshots.log_in when it is there (it knows the second factor); the password alone otherwise."""
    if hasattr(screenshots, "log_in"):
        screenshots.log_in(page, email)
        return
    page.goto(BASE + "/accounts/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", screenshots.PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()


def follow_first(page, pattern: str) -> None:
    hrefs = page.eval_on_selector_all("main a[href]", "els => els.map(e => e.getAttribute('href'))")
    href = next((h for h in hrefs if re.search(pattern, h)), None)
    if href:
        page.goto(BASE + href)


def shoot(page, path: Path, width: int, max_height: int) -> None:
    page.wait_for_load_state("networkidle")
    height = min(page.evaluate("document.documentElement.scrollHeight"), max_height)
    page.screenshot(path=str(path), full_page=True, clip={"x": 0, "y": 0, "width": width, "height": height})
    image = Image.open(path).convert("RGB")
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        # Chromium's own widgets (file and date inputs) in Italian too, like the pages.
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=[*screenshots.CHROMIUM_ARGS, "--lang=it-IT"],
            env={**os.environ, "LANGUAGE": "it", "LANG": "it_IT.UTF-8"},
        )
        for size_name, (width, height) in SIZES.items():
            for name, _caption, email, path, then in PAGES:
                if (ONLY and name not in ONLY) or (then == "menu" and size_name != "phone"):
                    continue
                context = browser.new_context(viewport={"width": width, "height": height}, locale="it-IT")
                page = context.new_page()
                log_in(page, email)
                page.goto(BASE + path)
                if then == "menu":
                    page.click(".navbar-toggler")
                    page.wait_for_selector(".navbar-collapse.show")
                elif then:
                    follow_first(page, then)
                # The open menu: the screen as the user sees it.
                max_height = height if then == "menu" else MAX_HEIGHT[size_name]
                shoot(page, OUT / f"{name}-{size_name}.png", width, max_height)
                context.close()
        browser.close()


if __name__ == "__main__":
    main()
