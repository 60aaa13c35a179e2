"""The live preview in a real Chromium: typing updates the counter and the post card."""

import pytest
from playwright.sync_api import expect

from contentdesk.models import ChannelKind
from tests.contentdesk.factories import ContentChannelFactory
from tests.e2e.signin import sign_in
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser


def test_typing_updates_the_counter_and_the_card_and_turns_red_over_the_limit(
    page,
    live_server,
    company,
    digital_manager,
):
    ContentChannelFactory(company=company, kind=ChannelKind.X, name="X")
    sign_in(page, live_server.url, digital_manager.email, PASSWORD, next_path=f"/c/{company.slug}/calendar/items/new/")

    expect(page.locator("#item-length")).to_contain_text("0 / 280")
    page.locator("#id_body").fill("Ciao **MECSPE**")
    expect(page.locator("#item-length")).to_contain_text("15 / 280")
    expect(page.locator("#item-length-inline")).to_have_text("15 / 280")
    expect(page.locator(".item-post-text")).to_contain_text("Ciao **MECSPE**")

    page.locator("#id_body").fill("a" * 300)
    expect(page.locator("#item-length")).to_contain_text("300 / 280")
    expect(page.locator("#item-length")).to_have_class("mb-0 small item-counter text-danger fw-semibold")
    expect(page.get_by_role("status").filter(has_text="20 di troppo")).to_be_visible()
