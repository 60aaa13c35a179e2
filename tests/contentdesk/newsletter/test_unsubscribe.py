"""Leaving a list: the page with one button, the RFC 8058 one-click POST, the headers that
offer both, and the rule that an unsubscribed address is never written to again."""

import pytest
from django.test import Client

from contentdesk.models import Delivery, NewsletterSend, Subscription, SubscriptionEvent
from contentdesk.newsletter.headers import (
    list_unsubscribe_headers,
    mailto_unsubscribe_token,
    newsletter_headers,
    unsubscribe_page_url,
)
from contentdesk.newsletter.selectors import eligible_recipients
from contentdesk.newsletter.services import subscription_unsubscribe_by_token
from contentdesk.newsletter.tokens import unsubscribe_token
from tests.contentdesk.factories import ContentChannelFactory, ContentItemFactory
from tests.contentdesk.newsletter.factories import SubscriptionFactory

S = Subscription.Status
pytestmark = pytest.mark.django_db


@pytest.fixture
def subscription(newsletter_list):
    return SubscriptionFactory(newsletter_list=newsletter_list, contact__email="anna.bianchi@example.it")


@pytest.fixture
def delivery(subscription, company, newsletter_list):
    channel = ContentChannelFactory(company=company, kind="newsletter", name="Newsletter")
    item = ContentItemFactory(company=company, channel=channel, kind="newsletter")
    send = NewsletterSend.objects.create(company=company, item=item, newsletter_list=newsletter_list)
    return Delivery.objects.create(
        company=company, send=send, subscription=subscription, email=subscription.contact.email
    )


def strict_client() -> Client:
    """A client that enforces CSRF like a browser session would."""
    return Client(enforce_csrf_checks=True)


def one_click_path(subscription, delivery=None):
    token = unsubscribe_token(subscription.pk, delivery.pk if delivery else None)
    return f"/nl/u/{token}/one-click/"


def page_path(subscription, delivery=None):
    return f"/nl/u/{unsubscribe_token(subscription.pk, delivery.pk if delivery else None)}/"


def test_one_click_post_unsubscribes_without_csrf_or_login(subscription, newsletter_list):
    response = strict_client().post(
        one_click_path(subscription),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.status == S.UNSUBSCRIBED
    assert subscription.contact.marketing_consent is False
    event = subscription.events.get()
    assert event.kind == SubscriptionEvent.Kind.UNSUBSCRIBED
    assert event.detail == "One-Click (RFC 8058)"
    assert list(eligible_recipients(newsletter_list)) == []


def test_one_click_as_multipart_form_data_also_works(subscription):
    response = strict_client().post(one_click_path(subscription), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.status == S.UNSUBSCRIBED


def test_one_click_twice_answers_200_and_records_it_once(subscription):
    for _ in range(2):
        response = strict_client().post(
            one_click_path(subscription), "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code == 200
    assert subscription.events.count() == 1


def test_one_click_marks_the_delivery_it_came_with(subscription, delivery):
    strict_client().post(one_click_path(subscription, delivery), {"List-Unsubscribe": "One-Click"})
    delivery.refresh_from_db()
    assert delivery.unsubscribed_at is not None


def test_one_click_without_the_rfc_body_changes_nothing(subscription):
    response = strict_client().post(one_click_path(subscription), {"something": "else"})
    assert response.status_code == 400
    assert b"List-Unsubscribe=One-Click" in response.content
    subscription.refresh_from_db()
    assert subscription.status == S.SUBSCRIBED


def test_a_get_on_the_one_click_address_leads_to_the_page_and_changes_nothing(client, subscription):
    response = client.get(one_click_path(subscription))
    assert response.status_code == 302
    assert response["Location"] == page_path(subscription)
    subscription.refresh_from_db()
    assert subscription.status == S.SUBSCRIBED


def test_the_page_shows_a_button_and_a_get_never_unsubscribes(client, subscription):
    response = client.get(page_path(subscription))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Smettere di inviare la newsletter “Clienti e prospect” a a•••@example.it?" in html
    assert '<form method="post">' in html
    assert response["X-Robots-Tag"] == "noindex"
    subscription.refresh_from_db()
    assert subscription.status == S.SUBSCRIBED


def test_the_pages_button_unsubscribes(subscription, newsletter_list):
    response = strict_client().post(page_path(subscription), REMOTE_ADDR="192.0.2.9")
    assert response.status_code == 200
    assert "Iscrizione annullata" in response.content.decode()
    assert "Iscriviti di nuovo" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.status == S.UNSUBSCRIBED
    event = subscription.events.get()
    assert (event.detail, event.ip) == ("Pagina di disiscrizione", "192.0.2.9")
    assert list(eligible_recipients(newsletter_list)) == []


def test_the_page_of_an_unsubscribed_address_says_so(client, subscription):
    strict_client().post(page_path(subscription))
    response = client.get(page_path(subscription))
    assert "Iscrizione annullata" in response.content.decode()
    assert '<form method="post">' not in response.content.decode()


def test_the_page_follows_the_subscribers_language(client, subscription):
    subscription.language = "en"
    subscription.save()
    response = client.get(page_path(subscription))
    assert "Stop sending the newsletter “Clienti e prospect” to a•••@example.it?" in response.content.decode()


@pytest.mark.parametrize("suffix", ["", "one-click/"])
@pytest.mark.parametrize("change", ["tamper", "other-salt", "garbage"])
def test_a_changed_token_answers_400_and_changes_nothing(subscription, suffix, change):
    token = unsubscribe_token(subscription.pk)
    changed = {
        "tamper": token[:-1] + ("0" if token[-1] != "0" else "1"),
        # A confirm link's token is not an unsubscribe token.
        "other-salt": token.rsplit("-", 1)[0] + "-" + "a" * 32,
        "garbage": "..",
    }[change]
    response = strict_client().post(f"/nl/u/{changed}/{suffix}", {"List-Unsubscribe": "One-Click"})
    assert response.status_code in (400, 404)
    if change != "garbage":
        assert response.status_code == 400
    subscription.refresh_from_db()
    assert subscription.status == S.SUBSCRIBED


def test_a_token_of_a_deleted_subscription_answers_404(client, subscription):
    path, one_click = page_path(subscription), one_click_path(subscription)
    subscription.delete()
    page = client.get(path)
    assert page.status_code == 404
    assert "Iscrizione non trovata" in page.content.decode()
    assert strict_client().post(one_click, {"List-Unsubscribe": "One-Click"}).status_code == 404


def test_the_headers_offer_one_click_and_mailto(subscription, delivery, settings):
    settings.INBOUND_EMAIL_DOMAIN = "reply.officine-test.example"
    headers = list_unsubscribe_headers(subscription.pk, delivery.pk)
    token = unsubscribe_token(subscription.pk, delivery.pk)
    assert headers == {
        "List-Unsubscribe": f"<https://staffetta.example/nl/u/{token}/one-click/>, "
        f"<mailto:unsubscribe+{token}@reply.officine-test.example?subject=unsubscribe>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    full = newsletter_headers(subscription, delivery)
    assert full["List-Id"] == (
        f'"Clienti e prospect" <list-{subscription.newsletter_list_id}.officine-test.reply.officine-test.example>'
    )
    assert full["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe_page_url(subscription.pk, delivery.pk) == f"https://staffetta.example/nl/u/{token}/"
    # The mailto address fits the 64 characters a local part may hold.
    assert len(f"unsubscribe+{token}") <= 64


def test_the_header_address_works_as_the_rfc_says(subscription, delivery):
    url = list_unsubscribe_headers(subscription.pk, delivery.pk)["List-Unsubscribe"].split(">")[0].lstrip("<")
    path = url.removeprefix("https://staffetta.example")
    response = strict_client().post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.status == S.UNSUBSCRIBED


def test_an_unsubscribe_email_to_the_mailto_address_unsubscribes(subscription, delivery):
    mailto = list_unsubscribe_headers(subscription.pk, delivery.pk)["List-Unsubscribe"].split("<mailto:")[1]
    address = mailto.split("?")[0]
    token = mailto_unsubscribe_token(address.upper())  # some servers change the case
    assert token == unsubscribe_token(subscription.pk, delivery.pk)
    assert subscription_unsubscribe_by_token(token=token, source="mailto") == subscription
    subscription.refresh_from_db()
    assert subscription.status == S.UNSUBSCRIBED
    assert mailto_unsubscribe_token("someone@example.it") is None
    assert subscription_unsubscribe_by_token(token="1-0-" + "0" * 32, source="mailto") is None


def test_an_unsubscribed_contact_is_not_on_the_list_of_a_send(subscription, delivery, newsletter_list):
    other = SubscriptionFactory(newsletter_list=newsletter_list)
    assert set(eligible_recipients(delivery.send)) == {subscription, other}
    strict_client().post(one_click_path(subscription, delivery), {"List-Unsubscribe": "One-Click"})
    assert list(eligible_recipients(delivery.send)) == [other]
    assert list(eligible_recipients(newsletter_list)) == [other]


def test_staying_on_another_list_keeps_the_marketing_consent(subscription, company):
    from tests.contentdesk.newsletter.factories import NewsletterListFactory

    second = SubscriptionFactory(newsletter_list=NewsletterListFactory(company=company), contact=subscription.contact)
    strict_client().post(one_click_path(subscription), {"List-Unsubscribe": "One-Click"})
    subscription.contact.refresh_from_db()
    assert subscription.contact.marketing_consent is True
    assert list(eligible_recipients(second.newsletter_list)) == [second]
