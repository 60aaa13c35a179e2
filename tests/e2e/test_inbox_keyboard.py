"""The inbox without a mouse: a whole task done with the keyboard alone in a real Chromium,
checked in the database; the shortcuts stay out of the way while typing; the help is a dialog
that Escape closes."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from inbox.models import Conversation, Message
from tests.e2e.signin import sign_in
from tests.factories import PASSWORD
from tests.inbox.factories import ConversationFactory, MessageFactory

pytestmark = pytest.mark.browser

REPLY = "Buongiorno, le mandiamo il listino aggiornato entro oggi: grazie per averci scritto."


@pytest.fixture
def two_enquiries(company):
    now = timezone.now()
    newest = ConversationFactory(company=company, subject="Valvole a sfera DN50", last_activity_at=now)
    older = ConversationFactory(
        company=company, subject="Flange in acciaio inox", last_activity_at=now - timedelta(minutes=30)
    )
    for conversation in (newest, older):
        MessageFactory(conversation=conversation)
    return newest, older


def _row(page, conversation):
    return page.locator(f"[data-row-link][href^='/c/{conversation.company.slug}/inbox/{conversation.pk}/']")


def _outline(page):
    return page.evaluate("getComputedStyle(document.activeElement).outlineStyle")


def test_a_whole_inbox_task_is_done_with_the_keyboard_alone(page, live_server, company, digital_manager, two_enquiries):
    newest, older = two_enquiries
    sign_in(page, live_server.url, digital_manager.email, PASSWORD)
    inbox_url = f"{live_server.url}/c/{company.slug}/inbox/"
    page.goto(inbox_url)

    # The page's skip link, then the inbox's own: past the filters, straight to the conversations.
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Vai al contenuto")).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Salta alle conversazioni")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")

    # j selects the first row, the arrow the next one; the selected row shows it.
    page.keyboard.press("j")
    expect(_row(page, newest)).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(_row(page, older)).to_be_focused()
    assert _outline(page) != "none"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/inbox/{older.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Flange in acciaio inox")

    # a: assign to me.
    with page.expect_navigation():
        page.keyboard.press("a")
    expect(page.locator(".messages")).to_contain_text(digital_manager.display_name)

    # r: the reply box; typing letters that are shortcuts only writes them.
    page.keyboard.press("r")
    reply_box = page.get_by_label("Risposta", exact=True)
    expect(reply_box).to_be_focused()
    page.keyboard.type(REPLY)
    expect(reply_box).to_have_value(REPLY)
    expect(page).to_have_url(re.compile(rf"/inbox/{older.pk}/$"))
    with page.expect_navigation():
        page.keyboard.press("Control+Enter")
    expect(page.locator(".message-out")).to_contain_text(REPLY)

    # s: the status, a labelled select; arrows choose, Tab reaches its button, Enter confirms.
    page.keyboard.press("s")
    status = page.get_by_label("Stato", exact=True)
    expect(status).to_be_focused()
    for _ in range(len(Conversation.Status.choices)):
        if status.input_value() == Conversation.Status.WAITING_COLLEAGUE:
            break
        page.keyboard.press("ArrowDown")
    expect(status).to_have_value(Conversation.Status.WAITING_COLLEAGUE)
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Cambia").first).to_be_focused()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".messages")).to_contain_text("In attesa del collega")

    # g i: back to the inbox, on the conversation just handled.
    page.keyboard.press("g")
    with page.expect_navigation():
        page.keyboard.press("i")
    expect(page).to_have_url(inbox_url)
    expect(_row(page, older)).to_be_focused()

    older.refresh_from_db()
    assert older.assignee == digital_manager
    assert older.status == Conversation.Status.WAITING_COLLEAGUE
    reply = Message.objects.get(conversation=older, direction=Message.Direction.OUT)
    assert (reply.author, reply.body_text) == (digital_manager, REPLY)
    newest.refresh_from_db()
    assert newest.assignee is None
    assert not Message.objects.filter(conversation=newest, direction=Message.Direction.OUT).exists()


def test_shortcuts_keep_quiet_while_typing_and_escape_leaves_the_field_or_folds_the_panel(
    page, live_server, company, digital_manager, two_enquiries
):
    newest, _ = two_enquiries
    sign_in(page, live_server.url, digital_manager.email, PASSWORD)
    page.goto(f"{live_server.url}/c/{company.slug}/inbox/")

    page.keyboard.press("/")
    search = page.get_by_role("searchbox")
    expect(search).to_be_focused()
    page.keyboard.type("jko?")
    expect(search).to_have_value("jko?")
    expect(page.locator("#shortcuts-help")).to_be_hidden()
    page.keyboard.press("Escape")
    expect(search).not_to_be_focused()
    page.keyboard.press("j")
    expect(_row(page, newest)).to_be_focused()

    # The "more filters" panel opens with Enter and folds with Escape, back on its button.
    toggle = page.locator("[aria-controls=more-filters]")
    toggle.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#more-filters")).to_have_class(re.compile(r"\bshow\b"))  # opened, not still sliding
    page.keyboard.press("Tab")
    expect(page.get_by_label("Canale", exact=True)).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator("#more-filters")).to_be_hidden()
    expect(toggle).to_be_focused()


def test_the_help_dialog_lists_the_shortcuts_in_italian_and_escape_gives_the_row_back(
    page, live_server, company, digital_manager, two_enquiries
):
    newest, older = two_enquiries
    sign_in(page, live_server.url, digital_manager.email, PASSWORD)
    page.goto(f"{live_server.url}/c/{company.slug}/inbox/")
    page.keyboard.press("j")
    page.keyboard.press("j")
    expect(_row(page, older)).to_be_focused()

    page.keyboard.press("?")
    dialog = page.get_by_role("dialog", name="Scorciatoie da tastiera")
    expect(dialog).to_be_visible()
    expect(dialog).to_be_focused()  # once it has faded in, the focus is in the dialog
    for text in ("conversazione successiva", "scrivi una nota interna", "torna alla posta in arrivo"):
        expect(dialog).to_contain_text(text)
    page.keyboard.press("j")  # the dialog is open: the list does not move behind it
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(_row(page, older)).to_be_focused()
    page.keyboard.press("k")
    expect(_row(page, newest)).to_be_focused()
    with page.expect_navigation():
        page.keyboard.press("o")
    expect(page).to_have_url(re.compile(rf"/inbox/{newest.pk}/$"))
