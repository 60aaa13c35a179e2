"""axe-core (vendored under tests/e2e/vendor/) inside Chromium on every main page of the demo:
no serious or critical violation of WCAG 2 A and AA.

The demo data is the real one (`seed_demo`), so the pages carry what people see every day:
full lists, charts, badges, forms.

The same pass records every Content-Security-Policy violation (issue 10: no inline script or
style outside the nonce): a listener added to each page before its own scripts collects the
`securitypolicyviolation` events, and the console's "Refused to ..." lines are kept too. axe
itself goes in through `page.evaluate` (the DevTools protocol, which the policy does not govern),
not through a <script> tag the policy would rightly refuse.
"""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from engagements.demo import DEMO_PASSWORD
from tests.e2e.signin import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
AXE = Path(__file__).parent / "vendor" / "axe-core-4.14.1" / "axe.min.js"
# Added to every page before its scripts: the policy's refusals, for _csp_violations().
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push({
    directive: event.effectiveDirective || event.violatedDirective,
    blocked: event.blockedURI,
    source: event.sourceFile ? event.sourceFile + ":" + event.lineNumber : "",
    sample: event.sample,
  });
}, true);
"""
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
    page.evaluate(AXE.read_text(encoding="utf-8"))
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


def _csp_violations(page, console: list[str]) -> list:
    refused = page.evaluate("() => window.__cspViolations || []")
    return refused + [line for line in console if "Content Security Policy" in line or line.startswith("Refused to")]


def test_main_pages_have_no_serious_accessibility_violations_and_no_csp_violations(browser, live_server, demo):
    found = {}
    csp_found = {}
    for email, paths in PAGES.items():
        context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="it-IT")
        context.add_init_script(CSP_LISTENER)
        page = context.new_page()
        console: list[str] = []
        page.on("console", lambda message, console=console: console.append(message.text))
        try:
            sign_in(page, live_server.url, email, DEMO_PASSWORD)
            for path in paths:
                response = page.goto(f"{live_server.url}{path}")
                assert response.status == 200, (email, path, response.status)
                assert "'nonce-" in response.headers.get("content-security-policy", ""), (email, path)
                violations = _violations(page)
                if violations:
                    found[f"{email} {path}"] = violations
                refused = _csp_violations(page, console)
                if refused:
                    csp_found[f"{email} {path}"] = refused
                console.clear()
        finally:
            context.close()
    assert found == {}, json.dumps(found, indent=1, ensure_ascii=False)
    assert csp_found == {}, json.dumps(csp_found, indent=1, ensure_ascii=False)
