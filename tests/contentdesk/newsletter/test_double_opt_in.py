"""Subscribing from the public form: a pending subscription, an email with a link, and the
consent recorded only when the link's button is pressed."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from contentdesk.models import Subscription, SubscriptionEvent
from contentdesk.newsletter.confirmation import subscription_confirmation_send
from contentdesk.newsletter.selectors import eligible_recipients
from contentdesk.newsletter.services import subscription_unsubscribe
from inbox.models import Contact
from tests.inbox.mail.conftest import text_of

S = Subscription.Status
pytestmark = pytest.mark.django_db


def form_url(newsletter_list, suffix=""):
    return f"/nl/{newsletter_list.public_key}/{suffix}"


def subscribe(client, newsletter_list, **data):
    """POST the hosted form; upper-case keywords are request headers (REMOTE_ADDR, HTTP_…)."""
    fields = {"email": "giulia.verdi@example.it", "name": "Giulia Verdi", "consent": "on", "language": "it"}
    fields.update({k: v for k, v in data.items() if not k.isupper()})
    headers = {k: v for k, v in data.items() if k.isupper()}
    body = {k: v for k, v in fields.items() if v is not None}
    return client.post(form_url(newsletter_list, "subscribe/"), body, **headers)


def confirm_link(message) -> str:
    body = message.body if hasattr(message, "body") else text_of(message)
    return re.search(r"https://staffetta\.example(/nl/confirm/[^/\s]+/)", body).group(1)


def test_the_hosted_form_shows_the_consent_text_in_the_browsers_language(client, newsletter_list):
    page = client.get(form_url(newsletter_list), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert page.status_code == 200
    assert page["Content-Language"] == "en"
    assert "I want to receive the newsletter “Clienti e prospect” of Officine Test by email." in page.content.decode()

    italian = client.get(form_url(newsletter_list), HTTP_ACCEPT_LANGUAGE="it-IT,it;q=0.9")
    assert "Voglio ricevere via email la newsletter “Clienti e prospect” di Officine Test." in italian.content.decode()


def test_double_opt_in_from_form_to_subscribed(client, newsletter_list, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        response = subscribe(client, newsletter_list, REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 303
    assert response["Location"] == form_url(newsletter_list, "thanks/?lang=it")
    assert len(callbacks) == 1  # the confirmation email, queued after the commit
    subscription = Subscription.objects.get(newsletter_list=newsletter_list)
    assert subscription.status == S.PENDING
    assert subscription.consent_given_at is None
    assert subscription.request_ip == "203.0.113.7"
    assert subscription.consent_text.startswith("Voglio ricevere via email la newsletter “Clienti e prospect”")
    assert subscription.consent_source.startswith("Modulo di iscrizione · http")
    assert list(eligible_recipients(newsletter_list)) == []

    assert subscription_confirmation_send(subscription.pk) is True
    sent = mail.outbox[0]
    assert sent.to == ["giulia.verdi@example.it"]
    assert sent.subject == "Conferma l’iscrizione alla newsletter di Officine Test"
    assert sent.extra_headers["Auto-Submitted"] == "auto-generated"
    link = confirm_link(sent)

    # Opening the link (or a mail scanner opening it) changes nothing.
    page = client.get(link)
    assert page.status_code == 200
    assert "Conferma l’iscrizione" in page.content.decode()
    subscription.refresh_from_db()
    assert subscription.status == S.PENDING

    done = client.post(link, REMOTE_ADDR="198.51.100.4")
    assert done.status_code == 200
    assert "Iscrizione confermata" in done.content.decode()
    subscription.refresh_from_db()
    assert subscription.status == S.SUBSCRIBED
    assert subscription.consent_ip == "198.51.100.4"
    assert timezone.now() - subscription.consent_given_at < timedelta(minutes=1)
    assert subscription.contact.marketing_consent is True
    assert list(eligible_recipients(newsletter_list)) == [subscription]
    kinds = list(subscription.events.values_list("kind", flat=True))
    assert kinds == [SubscriptionEvent.Kind.REQUESTED, SubscriptionEvent.Kind.CONFIRMED]

    # The same link again: already done, nothing changes.
    again = client.post(link)
    assert again.status_code == 200
    assert subscription.events.count() == 2


def test_the_confirmation_email_is_sent_once_even_if_the_task_runs_twice(client, newsletter_list):
    subscribe(client, newsletter_list)
    subscription = Subscription.objects.get()
    assert subscription_confirmation_send(subscription.pk) is True
    assert subscription_confirmation_send(subscription.pk) is False
    assert len(mail.outbox) == 1


def test_a_second_request_within_minutes_sends_no_second_email(client, newsletter_list):
    subscribe(client, newsletter_list)
    subscription_confirmation_send(Subscription.objects.get().pk)
    response = subscribe(client, newsletter_list)
    assert response.status_code == 303
    assert subscription_confirmation_send(Subscription.objects.get().pk) is False
    assert len(mail.outbox) == 1


def test_a_new_request_replaces_the_old_link(client, newsletter_list):
    subscribe(client, newsletter_list)
    subscription = Subscription.objects.get()
    subscription_confirmation_send(subscription.pk)
    old_link = confirm_link(mail.outbox[0])
    with time_machine.travel(timezone.now() + timedelta(minutes=15)):
        subscribe(client, newsletter_list)
        subscription_confirmation_send(subscription.pk)
        new_link = confirm_link(mail.outbox[1])
        assert new_link != old_link
        stale = client.post(old_link)
        assert "Questo link non è più valido" in stale.content.decode()
        subscription.refresh_from_db()
        assert subscription.status == S.PENDING
        client.post(new_link)
        # Once subscribed, the old link only says so.
        assert "Iscrizione confermata" in client.get(old_link).content.decode()
    subscription.refresh_from_db()
    assert subscription.status == S.SUBSCRIBED
    assert subscription.events.filter(kind=SubscriptionEvent.Kind.CONFIRMED).count() == 1


def test_an_expired_link_says_so_and_subscribes_nobody(client, newsletter_list):
    subscribe(client, newsletter_list)
    subscription = Subscription.objects.get()
    subscription_confirmation_send(subscription.pk)
    link = confirm_link(mail.outbox[0])
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        response = client.post(link)
    assert response.status_code == 400
    assert "Questo link è scaduto" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.status == S.PENDING


@pytest.mark.parametrize("change", ["tamper", "cut", "garbage"])
def test_a_changed_confirm_link_answers_400_with_a_clear_message(client, newsletter_list, change):
    subscribe(client, newsletter_list)
    subscription = Subscription.objects.get()
    subscription_confirmation_send(subscription.pk)
    link = confirm_link(mail.outbox[0])
    token = link.split("/")[-2]
    changed = {
        "tamper": token[:-1] + ("0" if token[-1] != "0" else "1"),
        "cut": token[:-6],
        "garbage": "not-a-token",
    }[change]
    response = client.post(f"/nl/confirm/{changed}/")
    assert response.status_code == 400
    assert "Questo link non è valido" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.status == S.PENDING


def test_a_link_of_a_forgotten_request_answers_404(client, newsletter_list):
    subscribe(client, newsletter_list)
    subscription = Subscription.objects.get()
    subscription_confirmation_send(subscription.pk)
    link = confirm_link(mail.outbox[0])
    subscription.delete()
    response = client.get(link)
    assert response.status_code == 404
    assert "Iscrizione non trovata" in response.content.decode()


def test_resubscribing_after_unsubscribing_needs_a_new_confirmation(client, newsletter_list):
    subscribe(client, newsletter_list)
    subscription = Subscription.objects.get()
    subscription_confirmation_send(subscription.pk)
    first_link = confirm_link(mail.outbox[0])
    client.post(first_link)
    subscription_unsubscribe(subscription=subscription, source="test")
    # The old link does not bring the address back.
    client.post(first_link)
    subscription.refresh_from_db()
    assert subscription.status == S.UNSUBSCRIBED

    subscribe(client, newsletter_list)
    subscription.refresh_from_db()
    assert subscription.status == S.PENDING
    assert subscription.consent_given_at is None
    assert list(eligible_recipients(newsletter_list)) == []
    assert subscription_confirmation_send(subscription.pk) is True
    client.post(confirm_link(mail.outbox[1]))
    subscription.refresh_from_db()
    assert subscription.status == S.SUBSCRIBED


def test_an_existing_contact_is_not_changed_by_an_unconfirmed_request(client, newsletter_list, company):
    existing = Contact.objects.create(company=company, email="giulia.verdi@example.it", name="Giulia Verdi")
    subscribe(client, newsletter_list, email="Giulia.Verdi@Example.it", name="Someone Else")
    existing.refresh_from_db()
    assert existing.name == "Giulia Verdi"
    assert Contact.objects.for_company(company).count() == 1
    assert Subscription.objects.get().contact == existing


def test_without_consent_nothing_is_stored_and_the_form_says_why(client, newsletter_list):
    response = subscribe(client, newsletter_list, consent=None)
    assert response.status_code == 400
    assert "Spunta la casella" in response.content.decode()
    assert not Subscription.objects.exists()
    assert not Contact.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "not-an-address"}, "Inserisci un indirizzo email valido."),
        ({"email": ""}, "Questo campo è obbligatorio."),
        ({"name": "x" * 200}, "più di 160 caratteri"),
    ],
)
def test_bad_input_is_refused_with_the_form_again(client, newsletter_list, data, message):
    response = subscribe(client, newsletter_list, **data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Subscription.objects.exists()


def test_the_honeypot_gets_the_usual_answer_and_stores_nothing(client, newsletter_list):
    response = subscribe(client, newsletter_list, website="http://spam.example")
    assert response.status_code == 303
    assert not Subscription.objects.exists()
    assert not Contact.objects.exists()


def test_a_switched_off_form_answers_404(client, newsletter_list):
    newsletter_list.form_enabled = False
    newsletter_list.save()
    assert client.get(form_url(newsletter_list)).status_code == 404
    response = subscribe(client, newsletter_list)
    assert response.status_code == 404
    assert response.json()["ok"] is False


def test_too_many_requests_from_one_address_are_refused(client, newsletter_list):
    for number in range(10):
        assert subscribe(client, newsletter_list, email=f"p{number}@example.it").status_code == 303
    response = subscribe(client, newsletter_list, email="p11@example.it")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Troppe richieste" in response.content.decode()
    assert Subscription.objects.count() == 10


def test_the_confirmation_arrives_through_a_real_smtp_server(client, newsletter_list, mailbox):
    subscribe(client, newsletter_list, language="en", HTTP_ACCEPT_LANGUAGE="en")
    subscription = Subscription.objects.get()
    assert subscription.language == "en"
    assert subscription_confirmation_send(subscription.pk) is True
    received = mailbox.only()
    assert received["To"] == "giulia.verdi@example.it"
    assert received["From"] == "Officine Test <noreply@staffetta.example>"
    assert received["Subject"] == "Confirm your subscription to the newsletter of Officine Test"
    assert "I want to receive the newsletter" in text_of(received)
    link = confirm_link(received)
    assert client.post(link).status_code == 200
    subscription.refresh_from_db()
    assert subscription.status == S.SUBSCRIBED
    assert subscription.consent_text.startswith("I want to receive the newsletter “Clienti e prospect”")
