"""A working day at Officine Berica, end to end: each of Staffetta's users through the real UI, in a
real Chromium, on a live server, with a real Celery worker sending the emails to an SMTP server.

The data are the demo's (`seed_demo`): two companies, months of enquiries, posts, spends,
reviews, training and handover, as people see them every day. The journeys follow one another as
the day does: a visitor writes through the public form, the digital manager answers and routes,
the sales colleague answers what was routed, the owner approves and reads the report, the
consultant (in English) reviews the month, signs off a competency and moves a handover item.
"""

import re
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings as django_settings
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from contentdesk.models import ContentItem
from engagements.budgets.models import Spend
from engagements.demo import DEMO_PASSWORD
from engagements.handover.models import HandoverItem, HandoverState
from engagements.models import Company, User
from engagements.reviews.models import Review
from inbox.models import Conversation, IntakeChannel, Message
from tests.celery_worker import celery_worker, wait_for
from tests.conftest import free_port, port_open, require
from tests.e2e.signin import sign_in
from tests.inbox.mail.conftest import Mailbox, text_of
from training.models import Assessment

pytestmark = [pytest.mark.browser, pytest.mark.services, pytest.mark.django_db(transaction=True)]

BERICA = "officine-berica"
OWNER = "titolare@officine-berica.example"
DIGITAL_MANAGER = "digital@officine-berica.example"
CONSULTANT = "consulente@staffetta.example"
SALES = "vendite@officine-berica.example"
# Two visitors write through the public form: one question for the digital manager, one for sales.
QUESTION = {
    "name": "Sara Pellizzari",
    "email": "sara.pellizzari@termoidraulica-pellizzari.example",
    "subject": "Valvole a sfera DN25 per acqua potabile",
    "message": "Buongiorno, le vostre valvole a sfera DN25 sono certificate per acqua potabile? Grazie.",
}
QUOTE = {
    "name": "Paolo Cortese",
    "email": "paolo.cortese@impianti-cortese.example",
    "subject": "Preventivo 200 raccordi a pressare DN20",
    "message": "Salve, ci servirebbe un'offerta per 200 raccordi a pressare DN20 con consegna a gennaio.",
}
ANSWER = "Buongiorno Sara, sì: le valvole DN25 sono certificate per acqua potabile (DM 174/2004)."
SALES_ANSWER = "Buongiorno Paolo, le mando l'offerta per 200 raccordi DN20: consegna garantita entro il 15 gennaio."
DECISIONS = "From December Chiara answers every enquiry; I review only the technical ones."
SPEND_NOTE = "Sponsorizzata LinkedIn: webinar sulle valvole per acqua potabile"


@pytest.fixture
def demo(worker):
    """The demo's data, seeded while the worker starts (it is ready sooner)."""
    call_command("seed_demo", stdout=StringIO())


@pytest.fixture
def mailbox(settings, live_server):
    """An SMTP server on loopback: the worker sends there, and so would the web process."""
    box = Mailbox()
    port = free_port()
    server = Controller(box, hostname="127.0.0.1", port=port)
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.SITE_URL = live_server.url
    yield box
    server.stop()


@pytest.fixture
def worker(settings, tmp_path, broker_var_dir, mailbox, live_server):
    settings.MEDIA_ROOT = tmp_path / "media"
    if django_settings.CELERY_BROKER_URL.startswith("redis"):
        require(port_open("127.0.0.1", 6379), "Redis is not running on 127.0.0.1:6379")
    env = {
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(django_settings.EMAIL_PORT),
        "EMAIL_USE_TLS": "false",
        "SITE_URL": live_server.url,
        "MEDIA_ROOT": str(django_settings.MEDIA_ROOT),
    }
    if broker_var_dir:
        env["STAFFETTA_VAR_DIR"] = broker_var_dir
    with celery_worker(tmp_path, env=env) as process:
        yield process


@pytest.fixture
def new_page(browser, live_server, demo):
    """`new_page(locale, width)`: a page in a browser of its own (one person, one browser),
    closed before the live server stops, so that no page polls a server that has gone."""
    contexts = []

    def _new_page(locale="it-IT", width=1366):
        context = browser.new_context(viewport={"width": width, "height": 900}, locale=locale)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield _new_page
    for context in contexts:
        context.close()


def heading(page):
    return page.get_by_role("heading", level=1)


def mail_to(box, address, subject_part=""):
    """The emails received for `address` whose subject contains `subject_part`."""
    return [
        m
        for m, envelope in zip(box.messages, box.envelopes, strict=True)
        if address in envelope.rcpt_tos and subject_part in str(m["Subject"])
    ]


def test_a_working_day_at_officine_berica_for_each_user(new_page, live_server, demo, worker, mailbox):
    url = live_server.url
    company = Company.objects.get(slug=BERICA)
    form = IntakeChannel.objects.get(company=company, kind=IntakeChannel.Kind.FORM)

    # A visitor of the website writes through the public form, twice (two people).
    for enquiry in (QUESTION, QUOTE):
        visitor_writes(new_page, url, form, enquiry)
    assert wait_for(lambda: len(mail_to(mailbox, QUOTE["email"])) == 1), "no acknowledgement for the quote"
    assert mail_to(mailbox, QUESTION["email"]), "no acknowledgement for the question"

    digital_manager_day(new_page, url, mailbox)
    sales_colleague_answers(new_page, url, mailbox)
    owner_day(new_page, url)
    consultant_in_english(new_page, url)


def visitor_writes(new_page, url, form, enquiry):
    page = new_page(width=390)
    page.goto(f"{url}/in/{form.public_key}/form/")
    expect(heading(page)).to_have_text("Scrivi a Officine Berica")
    page.get_by_label("Nome").fill(enquiry["name"])
    page.get_by_label("Email").fill(enquiry["email"])
    page.get_by_label("Oggetto").fill(enquiry["subject"])
    page.get_by_label("Messaggio").fill(enquiry["message"])
    page.get_by_label("Acconsento che Officine Berica tratti i dati").check()
    page.get_by_role("button", name="Invia").click()
    expect(page.get_by_role("main")).to_contain_text("Grazie")


def digital_manager_day(new_page, url, mailbox):
    page = new_page()
    sign_in(page, url, DIGITAL_MANAGER, DEMO_PASSWORD)
    # Today: the morning starts here, with the enquiries waiting for an answer.
    expect(heading(page)).to_have_text("Buon lavoro, Chiara")
    page.get_by_role("link", name="Apri la posta in arrivo").click()
    expect(heading(page)).to_contain_text("Posta in arrivo")

    # The question from the website: answered by email.
    page.get_by_role("link", name=QUESTION["subject"]).click()
    expect(heading(page)).to_have_text(QUESTION["subject"])
    expect(page.get_by_role("region", name="Messaggi")).to_contain_text(QUESTION["message"])
    page.get_by_label("Risposta", exact=True).fill(ANSWER)
    page.get_by_role("button", name="Invia la risposta").click()
    expect(page.get_by_role("region", name="Messaggi")).to_contain_text(ANSWER)
    assert wait_for(lambda: one_mail(mailbox, QUESTION["email"], ANSWER)), "the answer was not emailed"

    # The quote request: routed to sales, to Luca.
    page.get_by_role("link", name="Posta in arrivo", exact=True).first.click()
    page.get_by_role("link", name=QUOTE["subject"]).click()
    expect(heading(page)).to_have_text(QUOTE["subject"])
    routing = page.get_by_role("region", name="Inoltra a un collega")
    routing.get_by_role("combobox", name=re.compile("^Reparto")).select_option(label="Commerciale")
    routing.get_by_role("combobox", name="Collega").select_option(label="Luca Zanon")
    routing.get_by_label("Nota per il collega").fill("Cliente nuovo: gli serve l'offerta entro venerdì.")
    routing.get_by_role("button", name="Inoltra").click()
    expect(page.get_by_role("main")).to_contain_text("Luca Zanon")
    assert wait_for(lambda: mail_to(mailbox, SALES, QUOTE["subject"])), "sales was not told by email"

    # The calendar: an approved post is scheduled.
    page.get_by_role("link", name="Calendario", exact=True).click()
    page.get_by_role("link", name="Elenco").click()
    page.get_by_label("Stato").select_option(label="Approvato")
    page.get_by_role("button", name="Filtra").click()
    page.get_by_role("link", name="MECSPE: vi aspettiamo al padiglione 4").click()
    expect(heading(page)).to_have_text("MECSPE: vi aspettiamo al padiglione 4")
    page.get_by_role("region", name="Prossimo passo").get_by_role("button", name="Programma").click()
    expect(page.get_by_role("main")).to_contain_text("Programmato")

    # A spend above the threshold: recorded, it waits for the owner.
    page.get_by_role("link", name="Incarico", exact=True).click()
    page.get_by_role("link", name="Budget").first.click()
    spend = page.get_by_role("region", name="Registra una spesa")
    spend.get_by_label("Canale").select_option(label="Inserzioni LinkedIn")
    spend.get_by_label("Importo (EUR)").fill("350")
    spend.get_by_label("Nota").fill(SPEND_NOTE)
    spend.get_by_role("button", name="Registra la spesa").click()
    expect(page.get_by_role("region", name=re.compile("Spese di"))).to_contain_text(SPEND_NOTE)

    conversation = Conversation.objects.get(subject=QUOTE["subject"])
    assert conversation.department == "sales"
    assert conversation.routed_to.email == SALES
    assert conversation.status == Conversation.Status.WAITING_COLLEAGUE
    assert ContentItem.objects.get(title="MECSPE: vi aspettiamo al padiglione 4").status == "scheduled"
    assert Spend.objects.get(note=SPEND_NOTE).status == Spend.Status.PENDING


def one_mail(mailbox, address, text) -> bool:
    """Exactly one email to `address` carries `text` (an answer is sent once)."""
    return len([m for m in mail_to(mailbox, address) if text in text_of(m)]) == 1


def sales_colleague_answers(new_page, url, mailbox):
    page = new_page()
    sign_in(page, url, SALES, DEMO_PASSWORD)
    # The home lists the questions routed to Luca; the email he received points to the same page.
    expect(heading(page)).to_have_text("Buon lavoro, Luca")
    page.get_by_role("region", name="Domande per te").get_by_role("link", name=QUOTE["subject"]).click()
    expect(page.get_by_role("main")).to_contain_text("Cliente nuovo: gli serve l'offerta entro venerdì.")
    page.get_by_label("Risposta", exact=True).fill(SALES_ANSWER)
    page.get_by_role("button", name="Invia la risposta").click()
    expect(page.get_by_role("region", name="Messaggi")).to_contain_text(SALES_ANSWER)
    assert wait_for(lambda: one_mail(mailbox, QUOTE["email"], SALES_ANSWER)), "the answer was not emailed"
    answer = Message.objects.get(body_text__contains="consegna garantita entro il 15 gennaio")
    assert answer.author.email == SALES


def owner_day(new_page, url):
    page = new_page()
    sign_in(page, url, OWNER, DEMO_PASSWORD)
    expect(heading(page)).to_have_text("Buon lavoro, Giovanni")
    # The dashboard: this month's enquiries, with the two of this morning among them.
    enquiries = page.get_by_role("article", name="Richieste", exact=True)
    expect(enquiries).to_be_visible()
    expect(enquiries.get_by_role("paragraph").first).to_have_text(re.compile(r"^\d+$"))

    # The spend above the threshold that the digital manager recorded this morning.
    page.get_by_role("link", name="Approva o rifiuta").click()
    waiting = page.get_by_role("region", name=re.compile("In attesa della tua approvazione"))
    waiting.get_by_role("listitem").filter(has_text=SPEND_NOTE).get_by_role("button", name="Approva").click()
    expect(page.get_by_role("region", name=re.compile("Spese di"))).to_contain_text(SPEND_NOTE)
    assert Spend.objects.get(note=SPEND_NOTE).status == Spend.Status.APPROVED

    # A post waiting for approval, found in the calendar's list.
    page.get_by_role("link", name="Calendario", exact=True).click()
    page.get_by_role("link", name="Elenco").click()
    page.get_by_label("Stato").select_option(label="In approvazione")
    page.get_by_role("button", name="Filtra").click()
    page.get_by_role("link", name="Cerchiamo un responsabile di produzione").click()
    page.get_by_role("region", name="Prossimo passo").get_by_role("button", name="Approva").click()
    expect(page.get_by_role("main")).to_contain_text("Approvato")
    assert ContentItem.objects.get(title="Cerchiamo un responsabile di produzione").status == "approved"

    # Last month's report, as a PDF.
    page.get_by_role("link", name="Home", exact=True).click()
    page.get_by_role("link", name="Resoconti mensili").click()
    last_month = timezone.localdate().replace(day=1) - timedelta(days=1)
    row = page.locator(f"tr:has(a[href$='/reports/{last_month:%Y-%m}/'])")
    pdf_url = re.compile(rf"/reports/{last_month:%Y-%m}/pdf/$")
    with page.expect_download() as download_info, page.expect_response(pdf_url) as response_info:
        row.get_by_role("link", name="PDF").click()
    response = response_info.value
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    assert Path(download.path()).read_bytes().startswith(b"%PDF-")


def consultant_in_english(new_page, url):
    User.objects.filter(email=CONSULTANT).update(language="en")
    page = new_page(locale="en-GB")
    sign_in(page, url, CONSULTANT, DEMO_PASSWORD)
    # A portfolio of two companies: one, then the other through the switcher.
    expect(heading(page)).to_have_text("Your companies")
    page.get_by_role("link", name=re.compile("^Tessiture Astico")).click()
    expect(page.locator(".company-switcher")).to_contain_text("Tessiture Astico")
    page.locator(".company-switcher").click()
    page.get_by_role("link", name="Officine Berica").click()
    expect(page.locator(".company-switcher")).to_contain_text("Officine Berica")

    # The monthly review drafted by the job: completed.
    page.get_by_role("link", name="Engagement", exact=True).click()
    page.get_by_role("link", name="Monthly reviews").first.click()
    page.get_by_role("row", name=re.compile("Draft")).get_by_role("link").click()
    # Typed and completed at once, without saving first: what was typed is kept.
    page.get_by_role("textbox", name="Decisions").fill(DECISIONS)
    page.once("dialog", lambda dialog: dialog.accept())  # "Complete the review? …"
    page.get_by_role("button", name="Complete the review").click()
    expect(heading(page)).to_contain_text("Completed")
    expect(page.get_by_role("main")).to_contain_text(DECISIONS)

    # A competency signed off: content planning, now done on her own.
    page.get_by_role("link", name="Training", exact=True).click()
    page.get_by_role("row", name=re.compile("content.planning")).get_by_role("link", name="Assess").click()
    page.get_by_role("radio", name=re.compile("^3 · ")).check()
    page.get_by_role("textbox", name="Comment").fill("She planned December on her own: themes, channels and dates.")
    page.get_by_role("button", name="Save the assessment").click()
    expect(page.get_by_text("3 / 3")).to_be_visible()

    # …so the content calendar moves to the digital manager, with no reason to give.
    page.get_by_role("link", name="Engagement", exact=True).click()
    page.get_by_role("link", name="Handover").first.click()
    # (The responsibilities' names are the demo's, in Italian.)
    page.get_by_role("article", name="Calendario dei contenuti").get_by_role(
        "link", name=re.compile("Digital manager")
    ).click()
    expect(heading(page)).to_have_text("Calendario dei contenuti")
    expect(page.get_by_role("textbox", name=re.compile("^Why"))).to_have_count(0)
    page.get_by_role("button", name="Confirm the move").click()
    expect(page.get_by_role("region", name=re.compile("^Digital manager"))).to_contain_text("Calendario dei contenuti")

    item = HandoverItem.objects.get(engagement__company__slug=BERICA, name="Calendario dei contenuti")
    assert item.state == HandoverState.TRAINEE
    assert Review.objects.filter(engagement__company__slug=BERICA, status=Review.Status.COMPLETED).count() == 3
    assert Review.objects.get(engagement__company__slug=BERICA, decisions=DECISIONS).is_completed
    assert Assessment.objects.filter(competency__code="content.planning", level=3, signed_off_at__isnull=False).exists()
