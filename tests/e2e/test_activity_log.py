"""The activity log on a phone, in a real Chromium: every entry readable without scrolling
sideways, and no Content-Security-Policy violation."""

import pytest
from playwright.sync_api import expect

from activity.log import record
from activity.verbs import Verb
from tests.e2e.signin import sign_in
from tests.factories import PASSWORD
from tests.inbox.work.factories import enquiry

pytestmark = pytest.mark.browser


def test_the_log_reads_on_a_phone_without_scrolling_sideways(page, live_server, company, owner, consultant, tmp_path):
    conversation = enquiry(company)
    for _ in range(5):
        record(company, consultant, Verb.CONVERSATION_ROUTED, conversation, department="sales", to="Anna Commerciale")
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    sign_in(page, live_server.url, owner.email, PASSWORD)
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(f"{live_server.url}/c/{company.slug}/activity/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Registro attività")
    rows = page.locator(".activity-table tbody tr")
    expect(rows.filter(has_text="Ha inoltrato una conversazione")).to_have_count(5)
    expect(rows.filter(has_text="Ha inoltrato").first).to_contain_text(f"Conversazione #{conversation.pk}")
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    page.screenshot(path=str(tmp_path / "activity-phone.png"), full_page=True)
    assert violations == []
