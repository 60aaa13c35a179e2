"""The approval queue in a real Chromium: readable at laptop and phone width."""

import pytest
from playwright.sync_api import expect

from engagements.handover.models import HandoverState
from tests.e2e.signin import sign_in
from tests.factories import PASSWORD
from tests.handover.factories import HandoverItemFactory
from tests.inbox.work.factories import enquiry
from training.held_replies import held_reply_approve, held_reply_return, reply_hold

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_queue_reads_well_at_laptop_and_phone_width(
    page,
    live_server,
    plan,
    engagement,
    company,
    consultant,
    digital_manager,
):
    HandoverItemFactory(engagement=engagement, competencies=["inbox.reply"], state=HandoverState.SHARED)
    for i in range(2):
        reply_hold(
            conversation=enquiry(company, topic="ordini"),
            author=digital_manager,
            body_text=f"Buongiorno,\nla bozza {i}.",
        )
    edited = reply_hold(conversation=enquiry(company, topic="resi"), author=digital_manager, body_text="ecco offerta")
    held_reply_approve(
        held=edited, reviewer=consultant, body_text="Buongiorno, ecco l'offerta.", comment="Saluta sempre."
    )
    back = reply_hold(conversation=enquiry(company, topic="resi"), author=digital_manager, body_text="Bozza breve")
    held_reply_return(held=back, reviewer=consultant, comment="Manca il prezzo.")

    sign_in(page, live_server.url, consultant.email, PASSWORD)
    for width, name in ((1366, "laptop"), (390, "phone")):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{live_server.url}/c/{company.slug}/training/supervision/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Lavoro supervisionato")
        overflow = page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")
        assert not overflow, f"horizontal overflow at {width}px"
        page.screenshot(path=f"/tmp/supervision-{name}.png", full_page=True)
