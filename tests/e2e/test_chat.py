"""A live chat driven in real browsers on both sides: a visitor on the company's website, and the
digital manager in the inbox. Nobody reloads a page: the widget and the inbox poll."""

import os
import re
import threading
from datetime import date, timedelta
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from inbox.chat.models import ChatSession
from inbox.models import Conversation, Message
from tests.conftest import free_port
from tests.e2e.signin import sign_in
from tests.factories import PASSWORD
from tests.inbox.chat.factories import ChatChannelFactory
from tests.inbox.intake.factories import IntakeChannelFactory
from tests.schedule.factories import PresencePeriodFactory

pytestmark = pytest.mark.browser

HOST_PAGE = """<!doctype html>
<html lang="it">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Flange inox</title>
<style>body {{ font-family: Georgia, serif; color: #c00; }} button {{ background: yellow; }}</style></head>
<body>
  <h1>Flange in acciaio inox</h1>
  <p>Chiedeteci un preventivo.</p>
  <button type="button">Un bottone del sito</button>
  <script src="{staffetta}/in/chat/{key}/widget.js" async></script>
</body>
</html>
"""
# Polls: the widget every 3 s while open, the conversation page every 4 s, the list every 5 s.
LIVE = 20_000


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture
def other_website(tmp_path):
    """The company's own website, on an origin of its own."""
    folder = tmp_path / "site"
    folder.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), partial(QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield folder, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def shots(tmp_path):
    folder = Path(os.environ.get("STAFFETTA_SCREENSHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def log_in(page, base_url, user):
    sign_in(page, base_url, user.email, PASSWORD)


def test_a_visitor_and_the_digital_manager_chat_without_reloading(
    browser, live_server, company, digital_manager, other_website, shots
):
    folder, origin = other_website
    channel = ChatChannelFactory(company=company, allowed_origins=origin)
    # The trainee starts next month: now nobody is on duty, whatever the day and hour.
    start = (timezone.localdate() + timedelta(days=40)).replace(day=1)
    PresencePeriodFactory(company=company, trainee=digital_manager, starts_on=start)
    (folder / "flange.html").write_text(HOST_PAGE.format(staffetta=live_server.url, key=channel.public_key))

    inbox = browser.new_context(viewport={"width": 1366, "height": 900}, locale="it-IT").new_page()
    log_in(inbox, live_server.url, digital_manager)
    inbox.goto(f"{live_server.url}/c/{company.slug}/inbox/")
    expect(inbox.get_by_role("heading", level=1)).to_contain_text("Posta in arrivo")

    website = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-US").new_page()
    website.goto(f"{origin}/flange.html")
    # The host page keeps its own look: the widget's styles live in a shadow root.
    expect(website.get_by_role("button", name="Un bottone del sito")).to_have_css(
        "background-color", "rgb(255, 255, 0)"
    )
    website.get_by_role("button", name="Chat with us").click()
    chat = website.get_by_role("dialog", name="Chat with Officine Test")
    expect(chat).to_be_visible()
    expect(chat.get_by_role("status").first).to_contain_text(
        re.compile(r"We are away right now: we will answer you on \w+ \d+ \w+ from 9:00\.")
    )
    # …and the host page's styles do not reach into the widget.
    expect(chat.get_by_role("button", name="Send")).to_have_css("background-color", "rgb(11, 110, 79)")

    # Off duty: an address is asked for; a wrong one is explained and nothing typed is lost.
    chat.get_by_placeholder("Your email address").fill("anna@example")
    chat.get_by_label("Your message").fill("Good morning, do you have DN50 flanges in stock?")
    chat.get_by_role("button", name="Send").click()
    expect(chat.get_by_text("This email address does not look right")).to_be_visible()
    expect(chat.get_by_label("Your message")).to_have_value("Good morning, do you have DN50 flanges in stock?")
    website.screenshot(path=str(shots / "chat-widget-phone-off-duty.png"))
    assert not Conversation.objects.exists()
    chat.get_by_placeholder("Your email address").fill("anna@example.com")
    chat.get_by_role("button", name="Send").click()
    log = chat.get_by_role("log")
    expect(log).to_contain_text("Good morning, do you have DN50 flanges in stock?")
    expect(chat.get_by_label("Your message")).to_have_value("")
    expect(chat.get_by_role("status").first).to_contain_text("we will write to anna@example.com")
    expect(chat.get_by_role("status").first).to_contain_text("We are away right now")
    website.screenshot(path=str(shots / "chat-widget-phone.png"))

    # The inbox hears of it without a reload, and the digital manager answers.
    banner = inbox.get_by_role("link", name=re.compile("1 nuova conversazione"))
    expect(banner).to_be_visible(timeout=LIVE)
    banner.click()
    inbox.get_by_role("link", name=re.compile("Good morning, do you have DN50 flanges")).click()
    expect(inbox.locator(".thread")).to_contain_text("Good morning, do you have DN50 flanges in stock?")
    inbox.locator("textarea[name='reply-body']").fill("Good morning Anna, yes: 300 pieces in stock, ready to ship.")
    inbox.get_by_role("button", name="Invia la risposta").click()
    expect(inbox.locator(".thread")).to_contain_text("300 pieces in stock")

    # The visitor sees the answer, by the digital manager's first name; the inbox sees it read.
    expect(log).to_contain_text("Good morning Anna, yes: 300 pieces in stock, ready to ship.", timeout=LIVE)
    expect(log).to_contain_text(digital_manager.first_name)
    expect(inbox.locator(".thread")).to_contain_text("letta nella chat", timeout=LIVE)

    # The visitor writes again: the open conversation page shows it by itself.
    chat.get_by_label("Your message").fill("Perfect, please send me a quote.")
    chat.get_by_label("Your message").press("Enter")
    expect(inbox.locator(".thread")).to_contain_text("Perfect, please send me a quote.", timeout=LIVE)
    expect(inbox.locator("#conversation-header")).to_contain_text("Aperta")  # the status follows
    website.screenshot(path=str(shots / "chat-widget-phone-answered.png"))
    inbox.screenshot(path=str(shots / "chat-conversation-page.png"), full_page=True)

    conversation = Conversation.objects.select_related("contact").get()
    assert conversation.channel == channel
    assert conversation.contact.email == "anna@example.com"
    assert conversation.status == Conversation.Status.OPEN  # the visitor wrote after the answer
    answer = Message.objects.get(direction=Message.Direction.OUT)
    assert answer.sent_at is not None  # read in the chat…
    assert answer.message_id == ""  # …not emailed

    # On another page of the website: the chat is still open, with its history.
    website.reload()
    expect(website.get_by_role("log")).to_contain_text("300 pieces in stock")
    website.get_by_role("button", name="Close the chat").click()
    expect(website.get_by_role("button", name="Chat with us")).to_be_focused()
    assert ChatSession.objects.count() == 1


def test_the_chat_page_hosted_by_staffetta_opens_the_chat(page, live_server, company, digital_manager, shots):
    # No website allowed: Staffetta's own page always may.
    channel = ChatChannelFactory(company=company, allowed_origins="")
    PresencePeriodFactory(company=company, trainee=digital_manager, starts_on=date(2026, 1, 5))

    # The page's Content-Security-Policy refuses nothing the widget does (its styles included).
    page.add_init_script(
        "window.__refused = []; document.addEventListener('securitypolicyviolation',"
        " (e) => window.__refused.push(e.effectiveDirective + ' ' + e.blockedURI), true);"
    )
    page.goto(f"{live_server.url}/in/chat/{channel.public_key}/")
    chat = page.get_by_role("dialog", name="Chat with Officine Test")
    expect(chat).to_be_visible()
    expect(chat.get_by_role("status").first).not_to_be_empty()
    chat.get_by_label("Your message").fill("Do you ship to Austria?")
    chat.get_by_role("button", name="Send").click()
    expect(chat.get_by_role("log")).to_contain_text("Do you ship to Austria?")
    page.screenshot(path=str(shots / "chat-hosted-laptop.png"))

    assert Conversation.objects.get().messages.get().body_text == "Do you ship to Austria?"
    assert page.evaluate("() => window.__refused") == []


FORM_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Contacts</title></head>
<body><h1>Contact us</h1><div data-staffetta-form></div>
<script src="{staffetta}/in/{key}/embed.js" async></script></body></html>
"""


def test_the_website_forms_snippet_shows_the_chat_bubble_too(page, live_server, company, other_website):
    folder, origin = other_website
    form = IntakeChannelFactory(company=company, allowed_origins=origin)
    ChatChannelFactory(company=company, allowed_origins=origin)
    (folder / "contacts.html").write_text(FORM_PAGE.format(staffetta=live_server.url, key=form.public_key))

    page.goto(f"{origin}/contacts.html")
    expect(page.get_by_role("textbox", name="Message *")).to_be_visible()  # the form, as before
    page.get_by_role("button", name="Chat with us").click()
    chat = page.get_by_role("dialog", name="Chat with Officine Test")
    expect(chat.get_by_role("status").first).to_contain_text(re.compile("We are"))
    expect(page.locator("script[src$='/widget.js']")).to_have_count(1)
