"""Nobody is subscribed without a recorded consent, and only the subscribed with consent are
eligible for a send — checked by the services and by the database itself."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from contentdesk.models import Subscription
from contentdesk.newsletter.selectors import eligible_recipients, segment_condition
from contentdesk.newsletter.services import (
    subscription_subscribe,
    subscriptions_mark_undeliverable,
    subscriptions_purge_stale,
)
from inbox.models import Contact
from tests.contentdesk.newsletter.factories import (
    CONSENT_TEXT,
    NewsletterListFactory,
    NewsletterSegmentFactory,
    SubscriptionFactory,
)
from tests.inbox.factories import ContactFactory, ConversationFactory, TagFactory

S = Subscription.Status
pytestmark = pytest.mark.django_db

FAIR = {"text": CONSENT_TEXT, "source": "Modulo fiera MECSPE 2026"}


def consent(**changes):
    return {"given_at": timezone.now() - timedelta(days=2), **FAIR, **changes}


@pytest.mark.parametrize(
    ("changes", "missing"),
    [
        ({"given_at": None}, "quando la persona ha acconsentito"),
        ({"text": "  "}, "il testo a cui la persona ha acconsentito"),
        ({"source": ""}, "dove è stato raccolto il consenso"),
    ],
)
def test_the_service_refuses_a_subscription_without_a_full_consent(newsletter_list, company, changes, missing):
    contact = ContactFactory(company=company)
    with pytest.raises(ValidationError) as error:
        subscription_subscribe(
            newsletter_list=newsletter_list, contact=contact, consent=consent(**changes), method="import"
        )
    assert missing in str(error.value)
    assert not Subscription.objects.exists()
    contact.refresh_from_db()
    assert contact.marketing_consent is False


def test_the_service_refuses_a_consent_dated_in_the_future(newsletter_list, company):
    with pytest.raises(ValidationError):
        subscription_subscribe(
            newsletter_list=newsletter_list,
            contact=ContactFactory(company=company),
            consent=consent(given_at=timezone.now() + timedelta(days=1)),
            method="import",
        )


def test_the_service_refuses_a_contact_of_another_company(newsletter_list, other_company):
    with pytest.raises(ValidationError):
        subscription_subscribe(
            newsletter_list=newsletter_list,
            contact=ContactFactory(company=other_company),
            consent=consent(),
            method="import",
        )
    assert not Subscription.objects.exists()


def test_a_subscription_with_consent_gives_marketing_consent(newsletter_list, company):
    contact = ContactFactory(company=company)
    subscription, changed = subscription_subscribe(
        newsletter_list=newsletter_list, contact=contact, consent=consent(), method="import"
    )
    assert changed is True
    contact.refresh_from_db()
    assert contact.marketing_consent is True
    assert list(eligible_recipients(newsletter_list)) == [subscription]


def test_the_service_never_brings_back_someone_who_left(newsletter_list):
    gone = SubscriptionFactory(newsletter_list=newsletter_list, status=S.UNSUBSCRIBED)
    subscription, changed = subscription_subscribe(
        newsletter_list=newsletter_list, contact=gone.contact, consent=consent(), method="import"
    )
    assert changed is False
    assert subscription.status == S.UNSUBSCRIBED


@pytest.mark.parametrize(
    "values",
    [
        {"consent_given_at": None},
        {"consent_text": ""},
        {"consent_source": ""},
    ],
)
def test_the_database_refuses_a_subscribed_row_without_consent(newsletter_list, company, values):
    fields = {"consent_given_at": timezone.now(), "consent_text": CONSENT_TEXT, "consent_source": "fiera", **values}
    with pytest.raises(IntegrityError), transaction.atomic():
        Subscription.objects.create(
            company=company,
            newsletter_list=newsletter_list,
            contact=ContactFactory(company=company),
            status=S.SUBSCRIBED,
            **fields,
        )


def test_the_database_refuses_to_turn_a_pending_request_into_a_subscription_by_update(newsletter_list):
    pending = SubscriptionFactory(newsletter_list=newsletter_list, pending=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        Subscription.objects.filter(pk=pending.pk).update(status=S.SUBSCRIBED)


def test_the_database_keeps_one_subscription_per_contact_and_list(newsletter_list):
    first = SubscriptionFactory(newsletter_list=newsletter_list)
    with pytest.raises(IntegrityError), transaction.atomic():
        SubscriptionFactory(newsletter_list=newsletter_list, contact=first.contact)


@pytest.mark.parametrize("status", [S.PENDING, S.UNSUBSCRIBED, S.BOUNCED, S.COMPLAINED])
def test_only_the_subscribed_are_eligible(newsletter_list, subscribe_people, status):
    subscribed = subscribe_people(2)
    subscribe_people(3, status=status)
    assert list(eligible_recipients(newsletter_list)) == subscribed


def test_a_contact_who_withdrew_marketing_consent_or_lost_the_address_is_not_eligible(
    newsletter_list, subscribe_people
):
    kept, withdrawn, no_address = subscribe_people(3)
    Contact.objects.filter(pk=withdrawn.contact_id).update(marketing_consent=False)
    Contact.objects.filter(pk=no_address.contact_id).update(email="")
    assert list(eligible_recipients(newsletter_list)) == [kept]


def test_another_lists_subscribers_are_never_eligible(newsletter_list, company):
    SubscriptionFactory(newsletter_list=NewsletterListFactory(company=company))
    assert list(eligible_recipients(newsletter_list)) == []


def test_eligible_recipients_refuses_anything_else(newsletter_list):
    with pytest.raises(TypeError):
        eligible_recipients(newsletter_list.company)


def test_segments_choose_by_kind_language_and_tags_in_the_database(
    newsletter_list, company, subscribe_people, django_assert_num_queries
):
    quote = TagFactory(company=company, name="preventivo")
    complaint = TagFactory(company=company, name="reclamo")
    it_customer = subscribe_people(1, kind=Contact.Kind.CUSTOMER, language="it")[0]
    en_customer = subscribe_people(1, kind=Contact.Kind.CUSTOMER, language="en-GB")[0]
    it_prospect = subscribe_people(1, kind=Contact.Kind.PROSPECT, language="it")[0]
    ConversationFactory(company=company, contact=it_prospect.contact, tags=[quote])
    ConversationFactory(company=company, contact=en_customer.contact, tags=[complaint])

    customers = NewsletterSegmentFactory(newsletter_list=newsletter_list, contact_kind=Contact.Kind.CUSTOMER)
    english = NewsletterSegmentFactory(newsletter_list=newsletter_list, language="en")
    quoted = NewsletterSegmentFactory(newsletter_list=newsletter_list, tags=[quote, TagFactory(company=company)])
    everyone = NewsletterSegmentFactory(newsletter_list=newsletter_list)

    assert set(eligible_recipients(customers)) == {it_customer, en_customer}
    assert list(eligible_recipients(english)) == [en_customer]
    assert list(eligible_recipients(quoted)) == [it_prospect]
    assert set(eligible_recipients(everyone)) == {it_customer, en_customer, it_prospect}
    # The tag filter is a subquery: one query for the segment's tags, one for the recipients.
    with django_assert_num_queries(2):
        list(eligible_recipients(quoted))
    sql = str(Subscription.objects.filter(segment_condition(quoted, [quote.pk])).query).upper()
    assert "EXISTS" in sql


def test_a_bounce_marks_the_address_on_every_list_of_the_company(newsletter_list, company, other_company):
    subscription = SubscriptionFactory(newsletter_list=newsletter_list, contact__email="rimbalzo@example.it")
    second = SubscriptionFactory(newsletter_list=NewsletterListFactory(company=company), contact=subscription.contact)
    stranger = SubscriptionFactory(
        newsletter_list=NewsletterListFactory(company=other_company), contact__email="rimbalzo@example.it"
    )
    assert (
        subscriptions_mark_undeliverable(
            company=company, email="Rimbalzo@Example.it", status=S.BOUNCED, detail="550 5.1.1"
        )
        == 2
    )
    assert set(Subscription.objects.filter(status=S.BOUNCED)) == {subscription, second}
    stranger.refresh_from_db()
    assert stranger.status == S.SUBSCRIBED
    assert list(eligible_recipients(newsletter_list)) == []
    # A complaint later still counts, and withdraws the marketing consent.
    assert subscriptions_mark_undeliverable(company=company, email="rimbalzo@example.it", status=S.COMPLAINED) == 2
    subscription.contact.refresh_from_db()
    assert subscription.contact.marketing_consent is False


def test_old_requests_never_confirmed_are_forgotten_with_the_contacts_they_made(newsletter_list, company):
    old = timezone.now() - timedelta(days=40)
    made = SubscriptionFactory(newsletter_list=newsletter_list, pending=True, requested_at=old, created_contact=True)
    with_enquiry = SubscriptionFactory(
        newsletter_list=newsletter_list, pending=True, requested_at=old, created_contact=True
    )
    ConversationFactory(company=company, contact=with_enquiry.contact)
    known = SubscriptionFactory(newsletter_list=newsletter_list, pending=True, requested_at=old)
    recent = SubscriptionFactory(newsletter_list=newsletter_list, pending=True, created_contact=True)

    assert subscriptions_purge_stale() == 3
    assert list(Subscription.objects.all()) == [recent]
    assert not Contact.objects.filter(pk=made.contact_id).exists()
    assert Contact.objects.filter(pk=with_enquiry.contact_id).exists()
    assert Contact.objects.filter(pk=known.contact_id).exists()
    assert subscriptions_purge_stale() == 0
