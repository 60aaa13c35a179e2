"""Shared rows of the newsletter's tests: a list of the company and helpers to fill it."""

import pytest

from contentdesk.models import Subscription
from tests.contentdesk.newsletter.factories import NewsletterListFactory, SubscriptionFactory
from tests.inbox.factories import ContactFactory

# The SMTP server on loopback used by the inbox's mail tests.
from tests.inbox.mail.conftest import mailbox, smtp_settings  # noqa: F401

S = Subscription.Status


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = "https://staffetta.example"


@pytest.fixture
def newsletter_list(company):
    return NewsletterListFactory(company=company, name="Clienti e prospect")


@pytest.fixture
def subscribe_people(newsletter_list):
    """`subscribe_people(n, status=…, **contact fields)`: n subscriptions of the list."""

    def _make(count, status=S.SUBSCRIBED, **contact):
        rows = []
        for _ in range(count):
            person = ContactFactory(
                company=newsletter_list.company, marketing_consent=status == S.SUBSCRIBED, **contact
            )
            extra = {"pending": True} if status == S.PENDING else {"status": status}
            rows.append(SubscriptionFactory(newsletter_list=newsletter_list, contact=person, **extra))
        return rows

    return _make


def list_url(newsletter_list, suffix=""):
    return f"/c/{newsletter_list.company.slug}/calendar/newsletter/{newsletter_list.pk}/{suffix}"
