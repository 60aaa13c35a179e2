"""The demo list of Officine Berica: drawn from the inbox demo, consistent, and safe to seed twice."""

import pytest
from django.db.models import Count
from django.utils import timezone

from contentdesk.models import NewsletterList, Subscription, SubscriptionEvent
from contentdesk.newsletter.demo import seed_demo_newsletter
from contentdesk.newsletter.selectors import eligible_recipients, list_segments, with_segment_counts
from engagements.roles import Department, Role
from inbox.demo import seed_demo_inbox
from inbox.models import Contact
from tests.factories import CompanyFactory, MembershipFactory, UserFactory

S = Subscription.Status


@pytest.fixture
def berica(db):
    company = CompanyFactory(name="Officine Berica", slug="officine-berica")
    people = {
        role: MembershipFactory(company=company, role=role, user=UserFactory()).user
        for role in (Role.DIGITAL_MANAGER, Role.CONSULTANT)
    }
    sales = MembershipFactory(company=company, role=Role.COLLEAGUE, department=Department.SALES).user
    seed_demo_inbox(
        company,
        digital_manager=people[Role.DIGITAL_MANAGER],
        consultant=people[Role.CONSULTANT],
        colleague_sales=sales,
        today=timezone.localdate(timezone=company.tzinfo),
        count=150,
    )
    return company


def test_the_demo_list_has_forty_consenting_people_and_a_few_others(berica):
    assert seed_demo_newsletter(berica) == 47
    newsletter_list = NewsletterList.objects.get(company=berica)
    assert newsletter_list.name == "Clienti e prospect"
    counts = dict(
        Subscription.objects.filter(newsletter_list=newsletter_list).values_list("status").annotate(n=Count("pk"))
    )
    assert counts == {S.SUBSCRIBED: 40, S.PENDING: 3, S.UNSUBSCRIBED: 3, S.BOUNCED: 1}
    assert eligible_recipients(newsletter_list).count() == 40
    # Everyone comes from the inbox's contacts: no contact was made up.
    assert Contact.objects.for_company(berica).filter(newsletter_subscriptions__isnull=False).count() == 47
    methods = set(Subscription.objects.values_list("method", flat=True))
    assert methods == {Subscription.Method.FORM, Subscription.Method.IMPORT}
    for subscription in Subscription.objects.filter(status=S.SUBSCRIBED):
        kinds = set(subscription.events.values_list("kind", flat=True))
        assert kinds & {SubscriptionEvent.Kind.CONFIRMED, SubscriptionEvent.Kind.IMPORTED}
    segments = list_segments(newsletter_list)
    with_segment_counts(newsletter_list, segments)
    assert [s.name for s in segments] == ["Chi ha chiesto un preventivo", "Clienti", "Prospect esteri"]
    assert all(s.subscribed_count > 0 for s in segments)


def test_seeding_twice_changes_nothing(berica):
    seed_demo_newsletter(berica)
    before = Subscription.objects.count(), SubscriptionEvent.objects.count()
    assert seed_demo_newsletter(berica) == 0
    assert (Subscription.objects.count(), SubscriptionEvent.objects.count()) == before


def test_a_company_without_contacts_gets_no_list(db):
    company = CompanyFactory(name="Tessiture Astico", slug="tessiture-astico")
    assert seed_demo_newsletter(company) == 0
    assert not NewsletterList.objects.for_company(company).exists()
