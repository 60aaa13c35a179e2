"""A visitor fills the embedded form on a plain page of another website; the enquiry reaches the inbox."""

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

from inbox.models import Attachment, Conversation, InboundItem
from tests.conftest import free_port
from tests.inbox.intake.factories import IntakeChannelFactory

pytestmark = pytest.mark.browser

HOST_PAGE = """<!doctype html>
<html lang="{lang}">
<head><meta charset="utf-8"><title>Flange inox</title></head>
<body>
  <h1>Stainless steel flanges</h1>
  <p>Ask us for a quote.</p>
  <div data-staffetta-form></div>
  <script src="{staffetta}/in/{key}/embed.js" async></script>
</body>
</html>
"""


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture
def other_website(tmp_path):
    """A plain static website on its own origin, like the company's WordPress site."""
    folder = tmp_path / "site"
    folder.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), partial(QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield folder, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def publish(folder, name, *, staffetta, channel, lang="en"):
    (folder / name).write_text(HOST_PAGE.format(lang=lang, staffetta=staffetta, key=channel.public_key))


def test_a_visitor_sends_the_embedded_form_from_another_website(
    page, live_server, company, other_website, tmp_path, settings
):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    folder, origin = other_website
    channel = IntakeChannelFactory(company=company, name="Sito web", allowed_origins=origin)
    publish(folder, "flange.html", staffetta=live_server.url, channel=channel)

    page.goto(f"{origin}/flange.html?utm_source=newsletter&utm_campaign=spring")
    # Sent without filling anything: the errors appear next to the fields, in English.
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("alert")).to_contain_text("Please correct the fields marked below.")
    expect(page.get_by_label("Name")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Name")).to_be_focused()
    expect(page.locator("form.stf-form")).to_contain_text("This field is required.")

    page.get_by_label("Name").fill("Anna Rossi")
    page.get_by_label("Email").fill("anna.rossi@example.com")
    page.get_by_label("Company or organisation").fill("Rossi Srl")
    page.get_by_label("Subject").fill("Quote for flanges")
    page.get_by_label("Message").fill("Good morning, we need 200 stainless steel flanges DN50.")
    page.get_by_label("I agree that Officine Test processes").check()
    # With a file the snippet sends form data (multipart) instead of JSON.
    expect(page.get_by_text("up to 3 files of 10 MB each")).to_be_visible()
    page.get_by_label("Attachments").set_input_files(
        {"name": "flange-DN50.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%%EOF\n"}
    )
    page.get_by_role("button", name="Send").click()

    expect(page.get_by_role("status")).to_contain_text("Thank you! We have received your message")
    page.screenshot(path=str(tmp_path / "embedded-form-sent.png"), full_page=True)
    conversation = Conversation.objects.for_company(company).select_related("contact").get()
    assert conversation.subject == "Quote for flanges"
    assert conversation.channel == channel
    assert conversation.contact.email == "anna.rossi@example.com"
    assert conversation.language == "en"
    assert conversation.landing_page == f"{origin}/flange.html?utm_source=newsletter&utm_campaign=spring"
    assert (conversation.utm_source, conversation.utm_campaign) == ("newsletter", "spring")
    assert "Officine Test" in conversation.contact.consent_text
    assert InboundItem.objects.get().payload["meta"]["origin"] == origin
    attachment = Attachment.objects.get()
    assert (attachment.filename, attachment.message.conversation) == ("flange-DN50.pdf", conversation)


def test_the_embedded_form_speaks_italian_on_an_italian_page(page, live_server, company, other_website):
    folder, origin = other_website
    channel = IntakeChannelFactory(company=company, allowed_origins=origin)
    publish(folder, "contatti.html", staffetta=live_server.url, channel=channel, lang="it")

    page.goto(f"{origin}/contatti.html")
    expect(page.get_by_label("Nome")).to_be_visible()
    expect(page.get_by_label("Acconsento che Officine Test tratti i dati")).to_be_visible()
    expect(page.get_by_role("button", name="Invia")).to_be_visible()


def test_a_website_that_is_not_allowed_cannot_send(page, live_server, company, other_website):
    folder, origin = other_website
    channel = IntakeChannelFactory(company=company, allowed_origins="https://www.officine-test.example")
    publish(folder, "copia.html", staffetta=live_server.url, channel=channel)

    page.goto(f"{origin}/copia.html")
    page.get_by_label("Name").fill("Bot")
    page.get_by_label("Email").fill("bot@example.com")
    page.get_by_label("Message").fill("Hello")
    page.get_by_label("I agree that").check()
    page.get_by_role("button", name="Send").click()

    expect(page.get_by_role("alert")).to_contain_text("Your message could not be sent")
    assert InboundItem.objects.count() == 0
