"""A person's GDPR requests: the contact page, the export (ZIP) and the erasure."""

import io
import json
import os
import zipfile
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from activity.models import Activity
from activity.verbs import Verb
from contentdesk.models import Subscription
from contentdesk.newsletter.models import NewsletterList, SubscriptionEvent
from engagements.roles import Role
from inbox.chat.models import ChatSession
from inbox.forms import ContactEraseForm
from inbox.gdpr import contact_erase
from inbox.metrics import figures, monthly_enquiries
from inbox.models import Attachment, ConsentRecord, Conversation, Message
from inbox.search import search_conversations
from reports.figures import month_snapshot
from reports.period import Month
from tests.inbox.factories import AttachmentFactory, ContactFactory, ConversationFactory, MessageFactory

NAME = "Ermenegilda Zappacosta"
EMAIL = "ermenegilda@zappacosta.example"
TEXT = "Vorrei un preventivo per le valvole Zanfrutti modello XQ-77."
NOTE = "Cliente Zappacosta molto esigente"


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def person(company, digital_manager):
    """A person with two enquiries, a note, a reply, an attachment, a consent, a chat and a newsletter."""
    contact = ContactFactory(company=company, name=NAME, email=EMAIL, phone="3339876543", organisation="Zappa Srl")
    now = timezone.now()
    first = ConversationFactory(
        company=company,
        contact=contact,
        subject="Preventivo valvole Zanfrutti",
        created_at=now - timedelta(days=3),
        first_response_at=now - timedelta(days=3) + timedelta(hours=1),
        first_response_seconds=3600,
        topic="Preventivi",
        utm_source="linkedin",
    )
    incoming = MessageFactory(conversation=first, body_text=TEXT, body_html=f"<p>{TEXT}</p>")
    MessageFactory(conversation=first, direction=Message.Direction.NOTE, body_text=NOTE, author=digital_manager)
    MessageFactory(
        conversation=first, direction=Message.Direction.OUT, body_text=f"Gentile {NAME}, ecco il preventivo."
    )
    attachment = AttachmentFactory(message=incoming, filename="disegno-zappacosta.pdf")
    second = ConversationFactory(company=company, contact=contact, subject="Ordine Zappacosta", created_at=now)
    MessageFactory(conversation=second, body_text="Confermo l'ordine, Zappacosta.")
    ChatSession.objects.create(company=company, channel=second.channel, conversation=second, email=EMAIL)
    ConsentRecord.objects.create(
        company=company,
        contact=contact,
        kind=ConsentRecord.Kind.FORM,
        given_at=now - timedelta(days=3),
        text="Acconsento al trattamento dei miei dati per ricevere una risposta.",
        language="it",
        source="Modulo del sito · https://www.example.it/contatti",
        ip="203.0.113.7",
    )
    newsletter = NewsletterList.objects.create(company=company, name="Novità")
    subscription = Subscription.objects.create(
        company=company,
        newsletter_list=newsletter,
        contact=contact,
        status=Subscription.Status.SUBSCRIBED,
        consent_text="Voglio ricevere la newsletter.",
        consent_source="https://www.example.it/newsletter",
        consent_given_at=now - timedelta(days=2),
        consent_ip="203.0.113.8",
    )
    SubscriptionEvent.objects.create(
        subscription=subscription, kind=SubscriptionEvent.Kind.CONFIRMED, ip="203.0.113.8", consent_text="Voglio."
    )
    return {
        "contact": contact,
        "first": first,
        "second": second,
        "attachment": attachment,
        "subscription": subscription,
    }


def _url(name, company, contact):
    return reverse(name, kwargs={"company_slug": company.slug, "contact_id": contact.pk})


def _zip(response) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


# --- the contact page -------------------------------------------------------------------------


def test_contact_page_shows_the_person_consents_with_text_and_conversations(login, company, owner, person):
    response = login(owner).get(_url("inbox_contact", company, person["contact"]))
    assert response.status_code == 200
    page = response.content.decode()
    assert NAME in page
    assert EMAIL in page
    assert "Acconsento al trattamento dei miei dati per ricevere una risposta." in page
    assert "203.0.113.7" in page
    assert "Voglio ricevere la newsletter." in page
    assert "Preventivo valvole Zanfrutti" in page
    assert "Ordine Zappacosta" in page
    assert 'data-testid="contact-erase-form"' in page


def test_conversation_page_links_to_the_contact_page(login, company, digital_manager, person):
    url = reverse("inbox_conversation", kwargs={"company_slug": company.slug, "conversation_id": person["first"].pk})
    page = login(digital_manager).get(url).content.decode()
    assert _url("inbox_contact", company, person["contact"]) in page


@pytest.mark.parametrize("name", ["inbox_contact", "inbox_contact_export"])
def test_member_of_other_company_gets_404(login, company, outsider, person, name):
    assert login(outsider).get(_url(name, company, person["contact"])).status_code == 404


def test_member_of_other_company_cannot_erase(login, company, outsider, person):
    response = login(outsider).post(_url("inbox_contact_erase", company, person["contact"]), {"confirm": "CANCELLA"})
    assert response.status_code == 404
    person["contact"].refresh_from_db()
    assert person["contact"].name == NAME


def test_another_companys_contact_is_404_for_a_member(login, company, other_company, owner):
    stranger = ContactFactory(company=other_company)
    assert login(owner).get(_url("inbox_contact", company, stranger)).status_code == 404


@pytest.mark.parametrize("name", ["inbox_contact", "inbox_contact_export"])
def test_colleague_gets_403(login, company, colleague, person, name):
    assert login(colleague).get(_url(name, company, person["contact"])).status_code == 403


def test_colleague_cannot_erase(login, company, colleague, person):
    response = login(colleague).post(_url("inbox_contact_erase", company, person["contact"]), {"confirm": "CANCELLA"})
    assert response.status_code == 403


@pytest.mark.parametrize("role", [Role.OWNER, Role.DIGITAL_MANAGER, Role.CONSULTANT])
def test_owner_digital_manager_and_consultant_may_export(login, company, users_by_role, person, role):
    response = login(users_by_role[role]).get(_url("inbox_contact_export", company, person["contact"]))
    assert response.status_code == 200


def _more_history(company, contact, count):
    for _ in range(count):
        conversation = ConversationFactory(company=company, contact=contact)
        MessageFactory(conversation=conversation)
        ConsentRecord.objects.create(
            company=company, contact=contact, kind="form", given_at=timezone.now(), text="Sì", language="it"
        )


def test_contact_page_queries_do_not_grow_with_the_history(
    login, company, owner, person, django_assert_max_num_queries
):
    client = login(owner)
    url = _url("inbox_contact", company, person["contact"])
    # session, user, membership+company, contact, consents, conversations, subscriptions, their
    # events, chat sessions count; the rest is the base template (navigation, badges).
    with django_assert_max_num_queries(16):
        assert client.get(url).status_code == 200
    _more_history(company, person["contact"], 10)
    with django_assert_max_num_queries(16):
        assert client.get(url).status_code == 200


# --- the export --------------------------------------------------------------------------------


def test_export_is_a_zip_download_with_everything_held(login, company, digital_manager, person):
    response = login(digital_manager).get(_url("inbox_contact_export", company, person["contact"]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith("attachment;")
    archive = _zip(response)
    data = json.loads(archive.read("data.json"))
    assert data["contact"]["name"] == NAME
    assert data["contact"]["email"] == EMAIL
    assert data["consents"][0]["text"] == "Acconsento al trattamento dei miei dati per ricevere una risposta."
    assert data["consents"][0]["ip"] == "203.0.113.7"
    assert data["consents"][0]["language"] == "it"
    texts = [m["text"] for c in data["conversations"] for m in c["messages"]]
    assert TEXT in texts
    assert NOTE in texts
    assert {c["subject"] for c in data["conversations"]} == {"Preventivo valvole Zanfrutti", "Ordine Zappacosta"}
    assert data["newsletter_subscriptions"][0]["consent_text"] == "Voglio ricevere la newsletter."
    assert data["newsletter_subscriptions"][0]["events"][0]["kind"] == "confirmed"
    assert data["chat_sessions"][0]["email"] == EMAIL
    files = [m["attachments"] for c in data["conversations"] for m in c["messages"] if m["attachments"]]
    path = files[0][0]["file"]
    assert path.startswith("attachments/")
    assert archive.read(path) == b"%PDF-1.4 test"


def test_export_is_recorded_in_the_activity_log_without_personal_data(login, company, owner, person):
    login(owner).get(_url("inbox_contact_export", company, person["contact"]))
    entry = Activity.objects.get(verb=Verb.CONTACT_EXPORTED)
    assert entry.company == company
    assert entry.actor == owner
    assert entry.target_id == str(person["contact"].pk)
    written = json.dumps([entry.target_label, entry.details])
    assert NAME not in written
    assert EMAIL not in written
    assert "Zappacosta" not in written


def test_export_queries_do_not_grow_with_the_history(login, company, owner, person, django_assert_max_num_queries):
    client = login(owner)
    url = _url("inbox_contact_export", company, person["contact"])
    with django_assert_max_num_queries(20):
        assert client.get(url).status_code == 200
    _more_history(company, person["contact"], 10)
    with django_assert_max_num_queries(20):
        assert client.get(url).status_code == 200


# --- the erasure -------------------------------------------------------------------------------


def test_erase_asks_for_the_word_shown_and_keeps_everything_on_a_wrong_one(login, company, owner, person):
    response = login(owner).post(_url("inbox_contact_erase", company, person["contact"]), {"confirm": "sì"})
    assert response.status_code == 400
    assert "Scrivi esattamente CANCELLA per confermare" in response.content.decode()
    person["contact"].refresh_from_db()
    assert person["contact"].name == NAME
    assert Message.objects.filter(body_text=TEXT).exists()
    assert not Activity.objects.filter(verb=Verb.CONTACT_ERASED).exists()


def test_erase_word_is_the_users_language():
    with translation.override("en"):
        assert ContactEraseForm({"confirm": "erase"}).is_valid()
        assert not ContactEraseForm({"confirm": "CANCELLA"}).is_valid()
    with translation.override("it"):
        assert ContactEraseForm({"confirm": " Cancella "}).is_valid()
        assert not ContactEraseForm({"confirm": "ERASE"}).is_valid()


def test_erase_is_post_only(login, company, owner, person):
    assert login(owner).get(_url("inbox_contact_erase", company, person["contact"])).status_code == 405


def _all_figures(company):
    today = timezone.localdate()
    start = today.replace(day=1)
    snapshot = month_snapshot(company, Month.of(start))
    snapshot.pop("computed_at", None)
    return {
        "inbox": figures(company, start - timedelta(days=40), today),
        "series": monthly_enquiries(company, date(today.year - 1, 1, 1), today),
        "report": snapshot,
    }


def test_erase_forgets_the_person_and_keeps_every_figure(
    login, company, owner, person, django_capture_on_commit_callbacks
):
    before = _all_figures(company)
    attachment_file = person["attachment"].file.path

    with django_capture_on_commit_callbacks(execute=True):
        response = login(owner).post(_url("inbox_contact_erase", company, person["contact"]), {"confirm": "cancella"})

    assert response.status_code == 302
    assert _all_figures(company) == before
    contact = person["contact"]
    contact.refresh_from_db()
    assert (contact.name, contact.email, contact.phone, contact.organisation) == ("", "", "", "")
    assert contact.anonymised_at is not None
    assert Conversation.objects.filter(contact=contact, anonymised_at__isnull=True).count() == 0
    assert not Message.objects.filter(conversation__contact=contact).exclude(body_text="").exists()
    assert not Attachment.objects.filter(company=company).exists()
    assert not os.path.exists(attachment_file)
    assert not ChatSession.objects.exclude(email="").exists()
    record = ConsentRecord.objects.get(contact=contact)
    assert record.ip is None
    assert record.source == ""
    subscription = Subscription.objects.get(pk=person["subscription"].pk)
    assert subscription.status == Subscription.Status.UNSUBSCRIBED
    assert (subscription.consent_text, subscription.consent_ip) == ("", None)
    assert not SubscriptionEvent.objects.exclude(ip=None).exists()


def test_erase_is_recorded_in_the_activity_log_without_personal_data(login, company, consultant, person):
    login(consultant).post(_url("inbox_contact_erase", company, person["contact"]), {"confirm": "CANCELLA"})
    entry = Activity.objects.get(verb=Verb.CONTACT_ERASED)
    assert entry.actor == consultant
    assert entry.target_id == str(person["contact"].pk)
    assert entry.details["conversations"] == 2
    written = json.dumps([entry.target_label, entry.details])
    assert NAME not in written
    assert EMAIL not in written


def test_erase_twice_changes_nothing_more(company, owner, person):
    contact_erase(contact=person["contact"], actor=owner)
    contact_erase(contact=person["contact"], actor=owner)
    assert Activity.objects.filter(verb=Verb.CONTACT_ERASED).count() == 2
    assert not Message.objects.filter(conversation__contact=person["contact"]).exclude(body_text="").exists()


def test_erased_person_appears_in_no_page_search_or_export(
    login, company, owner, digital_manager, person, django_capture_on_commit_callbacks
):
    slug = company.slug
    found = login(digital_manager).get(
        reverse("inbox", kwargs={"company_slug": slug}), {"q": "Zanfrutti", "status": "all"}
    )
    assert f"/inbox/{person['first'].pk}/" in found.content.decode()  # found before the erasure
    with django_capture_on_commit_callbacks(execute=True):
        contact_erase(contact=person["contact"], actor=owner)
    urls = [
        reverse("inbox", kwargs={"company_slug": slug}),
        reverse("inbox", kwargs={"company_slug": slug}) + "?status=all",
        reverse("inbox_conversation", kwargs={"company_slug": slug, "conversation_id": person["first"].pk}),
        reverse("inbox_conversation", kwargs={"company_slug": slug, "conversation_id": person["second"].pk}),
        _url("inbox_contact", company, person["contact"]),
        reverse("dashboard", kwargs={"company_slug": slug}),
        reverse("today", kwargs={"company_slug": slug}),
        reverse("company_home", kwargs={"company_slug": slug}),
        reverse("newsletter_lists", kwargs={"company_slug": slug}),
        reverse("newsletter_list", kwargs={"company_slug": slug, "list_id": person["subscription"].newsletter_list_id}),
        reverse("activity_log", kwargs={"company_slug": slug}),
        reverse("activity_export", kwargs={"company_slug": slug}),
    ]
    secrets = [NAME, EMAIL, TEXT, NOTE, "Zappacosta", "Zanfrutti", "3339876543", "203.0.113"]
    for user in (owner, digital_manager):
        client = login(user)
        for url in urls:
            response = client.get(url)
            if response.status_code == 403:
                continue
            assert response.status_code == 200, url
            body = b"".join(response.streaming_content) if response.streaming else response.content
            page = body.decode()
            for secret in secrets:
                assert secret not in page, (url, secret)
    # A search for their words finds nothing (the page only repeats the words searched for).
    client = login(digital_manager)
    for word in ("Zappacosta", "Zanfrutti"):
        page = client.get(
            reverse("inbox", kwargs={"company_slug": slug}), {"q": word, "status": "all"}
        ).content.decode()
        for conversation in (person["first"], person["second"]):
            assert f"/inbox/{conversation.pk}/" not in page
    membership = digital_manager.memberships.get(company=company)
    for word in ("Zappacosta", "Zanfrutti", EMAIL):
        assert not search_conversations(company, membership, word).exists()
    export = login(owner).get(_url("inbox_contact_export", company, person["contact"]))
    archive = _zip(export)
    assert archive.namelist() == ["data.json"]
    data = archive.read("data.json").decode()
    for secret in secrets:
        assert secret not in data, secret


def test_export_and_erase_ask_for_the_password_again_after_a_while(login, company, owner, person):
    from engagements.reauth import CONFIRMED_AT_SESSION_KEY

    client = login(owner)
    session = client.session
    session[CONFIRMED_AT_SESSION_KEY] = 0
    session.save()
    export = client.get(_url("inbox_contact_export", company, person["contact"]))
    assert export.status_code == 200
    assert export["Content-Type"].startswith("text/html")
    erase = client.post(_url("inbox_contact_erase", company, person["contact"]), {"confirm": "CANCELLA"})
    assert erase.status_code == 200
    person["contact"].refresh_from_db()
    assert person["contact"].name == NAME
    assert not Activity.objects.filter(verb__in=[Verb.CONTACT_EXPORTED, Verb.CONTACT_ERASED]).exists()


def test_erase_deletes_quarantined_emails_from_their_address_only(company, owner, person):
    from django.utils import timezone as tz

    from inbox.email_in.models import QuarantinedEmail

    channel = person["first"].channel
    common = {"company": company, "channel": channel, "raw": b"x", "content_hash": "h", "received_at": tz.now()}
    QuarantinedEmail.objects.create(sender=f"{NAME} <{EMAIL}>", subject="Foto", **common)
    QuarantinedEmail.objects.create(sender="altro@example.org", subject="Altro", **{**common, "content_hash": "k"})
    contact_erase(contact=person["contact"], actor=owner)
    assert list(QuarantinedEmail.objects.values_list("sender", flat=True)) == ["altro@example.org"]


def test_after_the_erasure_the_page_says_so_and_offers_no_second_erasure(login, company, owner, person):
    client = login(owner)
    url = _url("inbox_contact", company, person["contact"])
    assert 'data-testid="contact-erase-form"' in client.get(url).content.decode()

    response = client.post(
        _url("inbox_contact_erase", company, person["contact"]), {"confirm": "cancella"}, follow=True
    )

    html = response.content.decode()
    assert 'data-testid="contact-erase-form"' not in html
    assert 'data-testid="contact-already-erased"' in html
    count = Conversation.objects.filter(contact=person["contact"]).count()
    word = "conversazione" if count == 1 else "conversazioni"
    assert f"cancellati da {count} {word}" in html
