"""A scheduled newsletter leaves once, only to the people who may receive it, with its headers."""

import pytest
from django.core.exceptions import ValidationError

from contentdesk.models import ContentEvent, ContentItem, Delivery, NewsletterSend, Subscription
from contentdesk.newsletter import sending
from contentdesk.newsletter.services import subscription_unsubscribe
from tests.contentdesk.factories import ContentChannelFactory, ContentItemFactory
from tests.contentdesk.newsletter.conftest import S
from tests.contentdesk.newsletter.factories import NewsletterListFactory
from tests.contentdesk.newsletter.sending_helpers import newsletter_item, scheduled_send
from tests.inbox.factories import ContactFactory
from tests.inbox.mail.conftest import html_of, text_of

pytestmark = pytest.mark.django_db
D = Delivery.Status


def run_send(send):
    assert sending.newsletter_send_start(send.pk)
    outcome = sending.deliveries_send_batch(send.pk)
    assert sending.newsletter_send_finish(send.pk)
    return outcome


def test_only_consenting_subscribers_receive_the_newsletter(company, newsletter_list, subscribe_people, mailbox):
    subscribed = subscribe_people(3)
    subscribe_people(1, status=S.UNSUBSCRIBED)
    subscribe_people(1, status=S.BOUNCED)
    subscribe_people(1, status=S.PENDING)
    # Consent withdrawn on the contact: the subscription alone is not enough.
    no_consent = subscribe_people(1)[0]
    no_consent.contact.marketing_consent = False
    no_consent.contact.save()
    send = scheduled_send(company, newsletter_list)

    assert run_send(send)["sent"] == 3

    received = sorted(rcpt for envelope in mailbox.envelopes for rcpt in envelope.rcpt_tos)
    assert received == sorted(sub.contact.email for sub in subscribed)
    send.refresh_from_db()
    assert (send.status, send.recipients_total) == (NewsletterSend.Status.SENT, 3)
    assert set(send.deliveries.values_list("status", flat=True)) == {D.SENT}
    assert all(send.deliveries.values_list("message_id", flat=True))


def test_someone_who_unsubscribes_after_the_send_started_gets_nothing(
    company, newsletter_list, subscribe_people, mailbox
):
    first, leaving = subscribe_people(2)
    send = scheduled_send(company, newsletter_list)
    assert sending.newsletter_send_start(send.pk)
    subscription_unsubscribe(subscription=leaving, source="page")

    sending.deliveries_send_batch(send.pk)

    assert [e.rcpt_tos for e in mailbox.envelopes] == [[first.contact.email]]
    delivery = Delivery.objects.get(subscription=leaving)
    assert delivery.status == D.FAILED
    assert "unsubscribed" in delivery.error


def test_every_message_has_unsubscribe_headers_footer_link_and_its_message_id(
    company, newsletter_list, subscribe_people, mailbox
):
    (_subscription,) = subscribe_people(1)
    send = scheduled_send(company, newsletter_list)
    run_send(send)
    message = mailbox.only()
    delivery = Delivery.objects.get()
    assert message["Message-ID"] == delivery.message_id
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "https://staffetta.example/nl/u/" in message["List-Unsubscribe"]
    assert message["List-Id"].startswith('"Clienti e prospect"')
    assert message["Subject"] == "Novità di marzo"
    assert "https://staffetta.example/nl/u/" in text_of(message)
    html = html_of(message)
    assert "/nl/u/" in html
    assert "max-width: 600px" in html
    # Links are tracked, in both parts; mailto stays as written.
    assert "https://staffetta.example/nl/c/" in html
    assert "www.example.it/blog" not in html
    assert "mailto:info@example.it" in html
    assert "https://staffetta.example/nl/c/" in text_of(message)


def test_the_send_starts_once_and_publishes_the_item(company, newsletter_list, subscribe_people, mailbox):
    subscribe_people(2)
    send = scheduled_send(company, newsletter_list)
    run_send(send)
    # The beat firing again, a task redelivered: nothing more leaves.
    assert not sending.newsletter_send_start(send.pk)
    assert sending.deliveries_send_batch(send.pk)["sent"] == 0
    assert not sending.newsletter_send_finish(send.pk)
    assert len(mailbox.envelopes) == 2

    item = ContentItem.objects.get(pk=send.item_id)
    send.refresh_from_db()
    assert item.status == ContentItem.Status.PUBLISHED
    assert item.published_at == send.started_at
    assert item.published_url.endswith(f"/c/{company.slug}/calendar/items/{item.pk}/")
    event = ContentEvent.objects.get(item=item, to_status=ContentItem.Status.PUBLISHED)
    assert event.by is None
    assert "2" in event.note


def test_nothing_leaves_before_its_time_or_unless_scheduled(company, newsletter_list, subscribe_people, mailbox):
    subscribe_people(1)
    later = scheduled_send(company, newsletter_list, due=False)
    approved_only = scheduled_send(company, newsletter_list, status=ContentItem.Status.APPROVED)
    in_review = scheduled_send(company, newsletter_list, status=ContentItem.Status.IN_REVIEW)
    assert sending.sends_due() == []
    for send in (later, approved_only, in_review):
        assert not sending.newsletter_send_start(send.pk)
    assert Delivery.objects.count() == 0
    assert mailbox.envelopes == []


def test_a_segment_narrows_the_recipients(company, newsletter_list, subscribe_people, mailbox):
    from tests.contentdesk.newsletter.factories import NewsletterSegmentFactory

    subscribe_people(2, kind="customer")
    subscribe_people(3, kind="prospect")
    segment = NewsletterSegmentFactory(newsletter_list=newsletter_list, contact_kind="customer")
    send = scheduled_send(company, newsletter_list, segment=segment)
    assert run_send(send)["sent"] == 2


def test_the_rate_limits_a_batch_and_the_rest_follows(company, newsletter_list, subscribe_people, mailbox, settings):
    settings.NEWSLETTER_RATE_PER_MINUTE = 600  # 0.1 s apart
    subscribe_people(5)
    send = scheduled_send(company, newsletter_list)
    sending.newsletter_send_start(send.pk)
    assert sending.deliveries_send_batch(send.pk, limit=3) == {"sent": 3, "failed": 0, "more": True}
    assert not sending.newsletter_send_finish(send.pk)
    assert sending.deliveries_send_batch(send.pk) == {"sent": 2, "failed": 0, "more": False}
    assert sending.newsletter_send_finish(send.pk)


def test_a_claimed_delivery_is_never_sent_again_and_is_failed_once_stale(
    company, newsletter_list, subscribe_people, mailbox
):
    from datetime import timedelta

    from django.utils import timezone

    subscribe_people(2)
    send = scheduled_send(company, newsletter_list)
    sending.newsletter_send_start(send.pk)
    # A worker claimed the first one and died before marking it sent.
    killed = Delivery.objects.order_by("pk").first()
    Delivery.objects.filter(pk=killed.pk).update(claimed_at=timezone.now())

    assert sending.deliveries_send_batch(send.pk)["sent"] == 1
    assert len(mailbox.envelopes) == 1
    assert not sending.newsletter_send_finish(send.pk)  # it may still be in flight
    assert sending.newsletter_send_finish(send.pk, now=timezone.now() + sending.CLAIM_STALE + timedelta(seconds=1))
    killed.refresh_from_db()
    assert killed.status == D.FAILED
    assert "not sent again" in killed.error


def test_choosing_the_list_refuses_bad_input_in_italian(company, other_company, newsletter_list):
    item = newsletter_item(company)
    linkedin = ContentItemFactory(company=company, channel=ContentChannelFactory(company=company))
    with pytest.raises(ValidationError, match="Scegli la lista"):
        sending.newsletter_send_prepare(item=item, newsletter_list=None)
    with pytest.raises(ValidationError, match="Scegli una delle tue liste"):
        sending.newsletter_send_prepare(item=item, newsletter_list=NewsletterListFactory(company=other_company))
    with pytest.raises(ValidationError, match="canale newsletter"):
        sending.newsletter_send_prepare(item=linkedin, newsletter_list=newsletter_list)
    send = sending.newsletter_send_prepare(item=item, newsletter_list=newsletter_list)
    NewsletterSend.objects.filter(pk=send.pk).update(status=NewsletterSend.Status.SENDING)
    with pytest.raises(ValidationError, match="già in invio"):
        sending.newsletter_send_prepare(item=item, newsletter_list=newsletter_list)


def test_the_test_send_goes_to_the_writer_and_counts_nothing(company, newsletter_list, owner, mailbox):
    item = newsletter_item(company)
    sending.newsletter_send_prepare(item=item, newsletter_list=newsletter_list)
    assert sending.newsletter_test_send(item.pk, owner.pk)
    message = mailbox.only()
    assert mailbox.envelopes[0].rcpt_tos == [owner.email]
    assert message["Subject"] == "[Prova] Novità di marzo"
    assert "utm_source=newsletter" in html_of(message)
    assert "/nl/c/" not in html_of(message)
    assert Delivery.objects.count() == 0
    assert Subscription.objects.count() == 0


def test_the_test_send_needs_an_email_address(company, owner):
    owner.email = ""
    owner.save()
    with pytest.raises(ValidationError, match="indirizzo email"):
        sending.newsletter_test_check(item=newsletter_item(company), user=owner)


def test_recipients_are_found_with_a_contact_email(company, newsletter_list, subscribe_people):
    subscribe_people(1)
    ContactFactory(company=company)  # not on the list
    send = scheduled_send(company, newsletter_list)
    sending.newsletter_send_start(send.pk)
    assert Delivery.objects.count() == 1
