"""axe-core (vendored under tests/e2e/vendor/) inside Chromium on every main page of the demo:
no serious or critical violation of WCAG 2 A and AA.

The demo data is the real one (`seed_demo`), so the pages carry what people see every day:
full lists, charts, badges, forms.
"""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from engagements.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
AXE = Path(__file__).parent / "vendor" / "axe-core-4.14.1" / "axe.min.js"
BERICA = "/c/officine-berica"
# (login, pages): each person on the pages they use.
PAGES = {
    "titolare@officine-berica.example": [
        f"{BERICA}/",
        f"{BERICA}/members/",
        f"{BERICA}/settings/",
        f"{BERICA}/engagement/",
        f"{BERICA}/engagement/budget/",
        f"{BERICA}/engagement/reviews/",
        f"{BERICA}/calendar/list/",
        f"{BERICA}/training/summary/",
        f"{BERICA}/reports/",
        f"{BERICA}/reports/settings/",
    ],
    "digital@officine-berica.example": [
        f"{BERICA}/",
        f"{BERICA}/inbox/",
        f"{BERICA}/inbox/?status=all",
        f"{BERICA}/inbox/canned/",
        f"{BERICA}/inbox/channels/",
        f"{BERICA}/inbox/mentions/",
        f"{BERICA}/inbox/chat/",
        f"{BERICA}/inbox/routing/",
        f"{BERICA}/calendar/",
        f"{BERICA}/calendar/week/",
        f"{BERICA}/calendar/items/new/",
        f"{BERICA}/calendar/channels/",
        f"{BERICA}/calendar/newsletter/",
        f"{BERICA}/training/",
    ],
    "consulente@staffetta.example": [
        "/companies/",
        "/portfolio/",
        f"{BERICA}/engagement/phases/",
        f"{BERICA}/engagement/handover/",
        f"{BERICA}/engagement/schedule/",
        f"{BERICA}/engagement/readiness/",
        f"{BERICA}/engagement/manual/",
        f"{BERICA}/training/",
        f"{BERICA}/training/supervision/",
        f"{BERICA}/reports/baseline/",
    ],
    "vendite@officine-berica.example": [f"{BERICA}/", f"{BERICA}/inbox/"],
}
SERIOUS = {"serious", "critical"}


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("seed_demo", stdout=StringIO())


def _violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    return [
        {
            "rule": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "where": [node["target"] for node in v["nodes"][:3]],
        }
        for v in result["violations"]
        if v["impact"] in SERIOUS
    ]


def test_main_pages_have_no_serious_accessibility_violations(browser, live_server, demo):
    found = {}
    for email, paths in PAGES.items():
        context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="it-IT")
        page = context.new_page()
        try:
            page.goto(f"{live_server.url}/accounts/login/")
            page.fill("input[name=username]", email)
            page.fill("input[name=password]", DEMO_PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_load_state()
            for path in paths:
                response = page.goto(f"{live_server.url}{path}")
                assert response.status == 200, (email, path, response.status)
                violations = _violations(page)
                if violations:
                    found[f"{email} {path}"] = violations
        finally:
            context.close()
    assert found == {}, json.dumps(found, indent=1, ensure_ascii=False)
