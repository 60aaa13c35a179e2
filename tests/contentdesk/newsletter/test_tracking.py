"""Tracked links count clicks and go only to the newsletter's own links; one-click unsubscribe
works from a sent message's header."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from contentdesk.models import Delivery, NewsletterClick, Subscription
from contentdesk.newsletter import sending
from contentdesk.newsletter.compose import click_token
from contentdesk.newsletter.tokens import unsubscribe_token
from tests.contentdesk.newsletter.sending_helpers import scheduled_send
from tests.inbox.mail.conftest import html_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(company, newsletter_list, subscribe_people, mailbox):
    subscribe_people(2)
    send = scheduled_send(company, newsletter_list)
    sending.newsletter_send_start(send.pk)
    sending.deliveries_send_batch(send.pk)
    return send, mailbox


def tracked_paths(message) -> list[str]:
    return re.findall(r'href="https://staffetta\.example(/nl/c/[^"]+)"', html_of(message))


def test_a_tracked_link_redirects_to_the_newsletters_link_with_utm_and_counts(client, sent):
    send, mailbox = sent
    message = mailbox.messages[0]
    article, catalogue, article_again = tracked_paths(message)
    assert article == article_again  # the same link is one link

    response = client.get(catalogue)
    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert (target.netloc, target.path) == ("www.example.it", "/catalogo")
    query = parse_qs(target.query)
    assert query["lang"] == ["it"]  # the link's own parameters stay
    assert query["utm_source"] == ["newsletter"]
    assert query["utm_medium"] == ["email"]
    assert query["utm_campaign"] == ["novita-di-marzo"]
    assert query["utm_content"] == [send.item.utm_content]

    client.get(catalogue)
    client.get(article)
    client.head(article)  # a link checker is not a reader
    clicks = {c.url: c.count for c in NewsletterClick.objects.all()}
    assert clicks == {"https://www.example.it/catalogo?lang=it": 2, "https://www.example.it/blog/marzo": 1}
    delivery = Delivery.objects.get(email=message["To"])
    assert set(NewsletterClick.objects.values_list("delivery", flat=True)) == {delivery.pk}


@pytest.mark.parametrize(
    "path",
    [
        "/nl/c/{valid}/?next=https://evil.example/",  # whatever else the request says
        "/nl/c/{forged}/",  # index changed, signature kept
        "/nl/c/{beyond}/",  # a genuine signature for a link the newsletter does not have
        "/nl/c/{other_salt}/",  # an unsubscribe token is not a click token
        "/nl/c/https%3A%2F%2Fevil.example%2F/",
        "/nl/c/1-1-00000000000000000000000000000000/",
    ],
)
def test_the_tracked_link_never_redirects_elsewhere(client, sent, path):
    delivery = Delivery.objects.order_by("pk").first()
    valid = click_token(delivery.pk, 0)
    first, _second, mac = valid.split("-")
    tokens = {
        "valid": valid,
        "forged": f"{first}-1-{mac}",
        "beyond": click_token(delivery.pk, 7),
        "other_salt": unsubscribe_token(delivery.subscription_id, delivery.pk),
    }
    response = client.get(path.format(**tokens))
    if "{valid}" in path:
        assert response.status_code == 302
        assert urlsplit(response["Location"]).netloc == "www.example.it"
    else:
        assert response.status_code == 404
        assert NewsletterClick.objects.count() == 0


def test_one_click_unsubscribe_from_the_sent_header_works(client, sent):
    _send, mailbox = sent
    message = mailbox.messages[0]
    https = re.search(r"<(https://[^>]+)>", message["List-Unsubscribe"]).group(1)
    response = client.post(
        https.removeprefix("https://staffetta.example"),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    delivery = Delivery.objects.get(email=message["To"])
    delivery.refresh_from_db()
    assert delivery.unsubscribed_at is not None
    assert delivery.subscription.status == Subscription.Status.UNSUBSCRIBED
