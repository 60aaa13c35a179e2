"""The demo calendar: alive whatever the date, complete, and safe to seed twice."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from contentdesk.models import Cadence, ContentChannel, ContentComment, ContentEvent, ContentItem
from contentdesk.publishing.attribution import attributed_enquiries_by_item
from contentdesk.publishing.demo import seed_demo_content
from engagements.roles import Department, Role
from inbox.demo import seed_demo_inbox
from inbox.models import Conversation
from inbox.services import channels_ensure_defaults
from tests.contentdesk.factories import ContentChannelFactory
from tests.factories import CompanyFactory, MembershipFactory, UserFactory

S = ContentItem.Status


def _counts(company):
    return {
        "items": ContentItem.objects.for_company(company).count(),
        "events": ContentEvent.objects.filter(item__company=company).count(),
        "comments": ContentComment.objects.filter(item__company=company).count(),
        "channels": ContentChannel.objects.for_company(company).count(),
        "cadences": Cadence.objects.for_company(company).count(),
        "attributed": Conversation.objects.for_company(company).filter(utm_content__startswith="sf-").count(),
    }


@pytest.fixture
def berica(db):
    company = CompanyFactory(name="Officine Berica", slug="officine-berica")
    people = {}
    for role, email in [
        (Role.OWNER, "titolare@officine-berica.example"),
        (Role.DIGITAL_MANAGER, "digital@officine-berica.example"),
        (Role.CONSULTANT, "consulente@staffetta.example"),
    ]:
        people[role] = MembershipFactory(company=company, role=role, user=UserFactory(email=email)).user
    people[Role.COLLEAGUE] = MembershipFactory(
        company=company, role=Role.COLLEAGUE, department=Department.SALES, user=UserFactory()
    ).user
    for channel in channels_ensure_defaults(company):
        if channel.kind == channel.Kind.FORM:
            channel.allowed_origins = "https://www.officine-berica.example"
            channel.save()
    seed_demo_inbox(
        company,
        digital_manager=people[Role.DIGITAL_MANAGER],
        consultant=people[Role.CONSULTANT],
        colleague_sales=people[Role.COLLEAGUE],
        today=timezone.localdate(timezone=company.tzinfo),
        count=150,
    )
    return company


def test_seeding_twice_gives_the_same_rows(berica):
    assert seed_demo_content(berica) > 40
    first = _counts(berica)
    assert seed_demo_content(berica) == 0
    assert _counts(berica) == first
    assert first["channels"] == 6
    assert first["cadences"] == 3


def test_every_status_is_on_the_calendar(berica):
    seed_demo_content(berica)
    statuses = set(ContentItem.objects.for_company(berica).values_list("status", flat=True))
    assert statuses == set(S.values)


def test_dates_are_relative_to_today(berica):
    seed_demo_content(berica)
    now = timezone.now()
    items = ContentItem.objects.for_company(berica)
    published = items.filter(status=S.PUBLISHED)
    assert published.count() >= 40
    assert not published.filter(published_at__gt=now).exists()
    assert published.filter(published_at__gte=now - timedelta(days=7)).exists()
    assert published.filter(published_at__lt=now - timedelta(days=75)).exists()
    assert not ContentEvent.objects.filter(item__company=berica, at__gt=now).exists()
    upcoming = items.filter(status__in=[S.SCHEDULED, S.APPROVED, S.IN_REVIEW], scheduled_at__gt=now)
    assert upcoming.filter(scheduled_at__lt=now + timedelta(days=21)).count() >= 5
    assert list(items.overdue().values_list("status", flat=True)) == [S.APPROVED]
    assert items.filter(status=S.IDEA, scheduled_at__isnull=True).count() >= 4


def test_published_items_have_an_address_results_and_a_history(berica):
    seed_demo_content(berica)
    published = ContentItem.objects.for_company(berica).filter(status=S.PUBLISHED)
    assert not published.filter(published_url="").exists()
    assert published.filter(reach__isnull=False, clicks__isnull=False).count() >= 35
    assert published.filter(reach__isnull=True).exists()  # the last few still wait for their results
    assert published.filter(changes_requested__gt=0).exists()
    for item in published.prefetch_related("events")[:10]:
        kinds = [(e.kind, e.to_status) for e in item.events.all()]
        assert kinds[0][0] == ContentEvent.Kind.CREATED
        assert (ContentEvent.Kind.STATUS, S.PUBLISHED) in kinds
    # Approval came from the owner or the consultant, on channels that need it.
    needing = published.filter(channel__requires_approval=True)
    assert not needing.filter(approved_by__isnull=True).exists()


def test_some_enquiries_of_the_inbox_are_attributed_to_published_items(berica):
    seed_demo_content(berica)
    counted = attributed_enquiries_by_item(berica, ContentItem.objects.filter(status=S.PUBLISHED))
    attributed = {item.title: item.attributed_enquiries for item in counted if item.attributed_enquiries}
    assert len(attributed) >= 4
    assert sum(attributed.values()) >= 6
    conversation = Conversation.objects.for_company(berica).filter(utm_content__startswith="sf-").first()
    assert conversation.landing_page.startswith("https://www.officine-berica.example/")
    assert f"utm_content={conversation.utm_content}" in conversation.landing_page


def test_tessiture_astico_starts_with_a_few_ideas_and_drafts(db):
    astico = CompanyFactory(name="Tessiture Astico", slug="tessiture-astico")
    consultant = MembershipFactory(company=astico, role=Role.CONSULTANT).user
    assert seed_demo_content(astico) == 6
    assert seed_demo_content(astico) == 0
    items = ContentItem.objects.for_company(astico)
    assert set(items.values_list("status", flat=True)) == {S.IDEA, S.DRAFT}
    assert set(items.values_list("author", flat=True)) == {consultant.pk}
    assert not items.filter(scheduled_at__lt=timezone.now()).exists()


def test_other_companies_get_no_demo(company):
    assert seed_demo_content(company) == 0
    assert not ContentItem.objects.for_company(company).exists()


@pytest.mark.parametrize("moment", ["2031-03-29 08:00", "2031-10-27 22:30", "2032-01-01 00:10"])
def test_the_demo_is_alive_on_any_day_even_without_an_inbox(db, moment):
    with time_machine.travel(datetime.fromisoformat(moment).replace(tzinfo=UTC), tick=False):
        company = CompanyFactory(name="Officine Berica", slug="officine-berica")
        for role in (Role.OWNER, Role.DIGITAL_MANAGER, Role.CONSULTANT):
            MembershipFactory(company=company, role=role)
        assert seed_demo_content(company) > 40
        items = ContentItem.objects.for_company(company)
        assert set(items.values_list("status", flat=True)) == set(S.values)
        assert items.overdue().count() == 1
        assert not ContentEvent.objects.filter(item__company=company, at__gt=timezone.now()).exists()
        assert not items.filter(status=S.PUBLISHED, published_at__gt=timezone.now()).exists()


def test_an_idea_added_before_the_seed_does_not_stop_it(berica):
    ContentItem.objects.create(
        company=berica, channel=ContentChannelFactory(company=berica), title="Idea da una menzione", status=S.IDEA
    )
    assert seed_demo_content(berica) > 40
    assert seed_demo_content(berica) == 0
