"""Content images in the email, the monthly figures, and the periodic sweep."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from contentdesk.models import ContentItem, Delivery, NewsletterClick, NewsletterSend
from contentdesk.newsletter import sending
from contentdesk.newsletter.compose import image_token, render_newsletter
from contentdesk.newsletter.metrics import figures
from contentdesk.newsletter.tasks import newsletter_sweep
from tests.contentdesk.factories import ContentImageFactory
from tests.contentdesk.newsletter.sending_helpers import newsletter_item, scheduled_send

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_content_images_become_signed_public_addresses_of_their_company(client, company, other_company, media):
    image = ContentImageFactory(company=company)
    foreign = ContentImageFactory(company=other_company)
    body = (
        f"![Officina](/c/{company.slug}/calendar/images/{image.pk}/file/)\n\n"
        f"![Altrui](/c/{other_company.slug}/calendar/images/{foreign.pk}/file/)\n\n"
        "![Logo](https://cdn.example.it/logo.png)"
    )
    html = render_newsletter(newsletter_item(company, body=body))["html"]
    own = f'src="https://staffetta.example/nl/img/{image_token(image.pk, company.pk)}/"'
    assert own in html
    assert 'src="https://cdn.example.it/logo.png"' in html
    assert f"/images/{foreign.pk}/" not in html  # another company's path is not turned into a link

    response = client.get(f"/nl/img/{image_token(image.pk, company.pk)}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    # A genuine image of another company named with our company in the token: 404.
    assert client.get(f"/nl/img/{image_token(foreign.pk, company.pk)}/").status_code == 404
    token = image_token(image.pk, company.pk)
    tampered = token[:-1] + ("1" if token.endswith("0") else "0")
    assert client.get(f"/nl/img/{tampered}/").status_code == 404


def test_monthly_figures_count_each_thing_in_its_own_period(company, newsletter_list, subscribe_people, mailbox):
    subscribe_people(3)
    send = scheduled_send(company, newsletter_list)
    sending.newsletter_send_start(send.pk)
    sending.deliveries_send_batch(send.pk)
    march = timezone.make_aware(datetime(2026, 3, 30, 10), company.tzinfo)
    april = timezone.make_aware(datetime(2026, 4, 2, 10), company.tzinfo)
    first, second, third = Delivery.objects.order_by("pk")
    Delivery.objects.update(sent_at=march)
    NewsletterSend.objects.update(started_at=march)
    Delivery.objects.filter(pk=first.pk).update(status="bounced", bounced_at=march)
    Delivery.objects.filter(pk=second.pk).update(unsubscribed_at=april)
    NewsletterClick.objects.create(
        company=company, delivery=third, link_index=0, url="https://x.example/", count=3, first_at=april, last_at=april
    )
    assert figures(company, date(2026, 3, 1), date(2026, 3, 31)) == {
        "sends": 1,
        "sent": 3,
        "bounced": 1,
        "unsubscribed": 0,
        "clicks": 0,
        "unique_clicks": 0,
        "replies": 0,
    }
    april_figures = figures(company, date(2026, 4, 1), date(2026, 4, 30))
    assert (april_figures["sent"], april_figures["unsubscribed"], april_figures["clicks"]) == (0, 1, 3)
    assert april_figures["unique_clicks"] == 1


def test_monthly_figures_take_five_queries(company, django_assert_num_queries):
    # deliveries, sends, unique clicks, total clicks, replies
    with django_assert_num_queries(5):
        figures(company, date(2026, 3, 1), date(2026, 3, 31))


def test_the_sweep_starts_due_sends_and_resumes_idle_ones(
    company, newsletter_list, subscribe_people, mailbox, monkeypatch
):
    queued = []
    monkeypatch.setattr(
        "contentdesk.newsletter.tasks.send_newsletter_batch.delay", lambda send_id: queued.append(send_id)
    )
    subscribe_people(2)
    due = scheduled_send(company, newsletter_list)
    later = scheduled_send(company, newsletter_list, due=False)
    assert newsletter_sweep() == {"started": 1, "resumed": 0}
    assert queued == [due.pk]
    assert NewsletterSend.objects.get(pk=later.pk).status == NewsletterSend.Status.QUEUED
    # The worker died before its first claim: two minutes later the sweep queues it again.
    NewsletterSend.objects.filter(pk=due.pk).update(started_at=timezone.now() - timedelta(minutes=3))
    assert newsletter_sweep() == {"started": 0, "resumed": 1}
    assert queued == [due.pk, due.pk]
    # A send with nothing left to do is closed by the sweep.
    sending.deliveries_send_batch(due.pk)
    Delivery.objects.update(claimed_at=timezone.now() - timedelta(minutes=3))
    assert newsletter_sweep() == {"started": 0, "resumed": 0}
    assert ContentItem.objects.get(pk=due.item_id).status == ContentItem.Status.PUBLISHED
