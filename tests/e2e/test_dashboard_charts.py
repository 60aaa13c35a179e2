"""The owner opens the dashboard in a real Chromium: the charts are drawn, the page fits a phone."""

import pytest
from playwright.sync_api import expect

from tests.e2e.signin import sign_in
from tests.factories import PASSWORD
from tests.reports.data import fill

pytestmark = pytest.mark.browser


@pytest.fixture
def filled(company):
    fill(company, year_before=True)  # October and November 2026, and November 2025
    return company


def _log_in(page, live_server, user):
    sign_in(page, live_server.url, user.email, PASSWORD)


def test_owner_sees_the_charts_drawn_with_their_data(page, live_server, filled, owner):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    _log_in(page, live_server, owner)
    page.goto(f"{live_server.url}/c/{filled.slug}/?month=2026-11")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Buon lavoro")
    for chart_id, datasets in (("chart-enquiries", 4), ("chart-content", 2), ("chart-budget", 2)):
        drawn = page.evaluate(
            "id => { const chart = Chart.getChart(document.getElementById(id)); return chart ? chart.data.datasets.length : 0 }",
            chart_id,
        )
        assert drawn == datasets, chart_id
    page.get_by_text("Mostra i dati").first.click()
    expect(page.locator("details[open] table")).to_contain_text("Modulo del sito web")
    assert errors == []


def test_the_dashboard_fits_a_phone(browser, live_server, filled, owner):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="it-IT")
    page = context.new_page()
    try:
        _log_in(page, live_server, owner)
        page.goto(f"{live_server.url}/c/{filled.slug}/?month=2026-11")
        expect(page.locator("#chart-budget")).to_be_visible()
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow == 0
    finally:
        context.close()
