"""The periodic jobs: confirmation emails whose task never ran, and requests never confirmed."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from contentdesk.models import Subscription
from contentdesk.newsletter.tasks import purge_stale_requests, send_confirmation, sweep_confirmations
from tests.contentdesk.newsletter.factories import SubscriptionFactory

pytestmark = pytest.mark.django_db


def test_the_sweep_sends_the_confirmations_whose_task_never_ran(newsletter_list):
    lost = SubscriptionFactory(
        newsletter_list=newsletter_list, pending=True, requested_at=timezone.now() - timedelta(minutes=10)
    )
    young = SubscriptionFactory(newsletter_list=newsletter_list, pending=True, requested_at=timezone.now())
    expired = SubscriptionFactory(
        newsletter_list=newsletter_list, pending=True, requested_at=timezone.now() - timedelta(days=8)
    )
    assert sweep_confirmations() == 1
    assert [m.to for m in mail.outbox] == [[lost.contact.email]]
    assert sweep_confirmations() == 0  # twice changes nothing
    lost.refresh_from_db()
    assert lost.confirmation_sent_at is not None
    for untouched in (young, expired):
        untouched.refresh_from_db()
        assert untouched.confirmation_sent_at is None


def test_the_task_sends_nothing_for_a_confirmed_or_vanished_subscription(newsletter_list):
    subscribed = SubscriptionFactory(newsletter_list=newsletter_list)
    assert send_confirmation(subscribed.pk) is False
    assert send_confirmation(999_999) is False
    assert mail.outbox == []


def test_a_failed_send_gives_the_claim_back_for_the_retry(newsletter_list, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 1
    pending = SubscriptionFactory(newsletter_list=newsletter_list, pending=True)
    with pytest.raises(ConnectionRefusedError):
        send_confirmation.run(pending.pk)
    pending.refresh_from_db()
    assert pending.confirmation_sent_at is None


def test_the_daily_purge_forgets_old_requests(newsletter_list):
    SubscriptionFactory(newsletter_list=newsletter_list, pending=True, requested_at=timezone.now() - timedelta(days=31))
    kept = SubscriptionFactory(newsletter_list=newsletter_list)
    assert purge_stale_requests() == 1
    assert list(Subscription.objects.all()) == [kept]
