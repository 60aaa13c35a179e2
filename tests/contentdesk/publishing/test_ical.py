"""GET /feeds/<token>.ics: the calendar as RFC 5545, behind a secret address."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from contentdesk.models import CalendarFeed, ContentEvent, ContentItem
from contentdesk.publishing.ical import event_uid, item_url
from contentdesk.publishing.services import calendar_feed_ensure, calendar_feed_rotate
from contentdesk.services import content_item_reschedule
from engagements.models import Membership
from tests.contentdesk.factories import CalendarFeedFactory, ContentItemFactory

S = ContentItem.Status


def fetch(client, feed):
    return client.get(f"/feeds/{feed.token}.ics")


def events_of(response) -> dict[str, object]:
    calendar = Calendar.from_ical(response.content)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


@pytest.fixture
def item(company, linkedin, digital_manager):
    return ContentItemFactory(
        company=company,
        channel=linkedin,
        author=digital_manager,
        title="Valvole a sfera DN50: la nuova serie",
        status=S.SCHEDULED,
        scheduled_at=datetime(2031, 3, 4, 9, 0, tzinfo=UTC),
        tag="Nuovi prodotti",
    )


def test_company_feed_is_a_calendar_with_one_event_per_planned_item(client, company, item, settings):
    settings.SITE_URL = "https://staffetta.example.it"
    feed = CalendarFeedFactory(company=company)

    response = fetch(client, feed)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["VERSION"]) == "2.0"
    assert "Officine Test" in str(calendar["X-WR-CALNAME"])
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"content-{item.pk}-{company.pk}@staffetta.example.it"
    assert event.decoded("DTSTART") == datetime(2031, 3, 4, 9, 0, tzinfo=UTC)
    assert event.decoded("DTEND") == datetime(2031, 3, 4, 9, 30, tzinfo=UTC)
    assert b"DTSTART:20310304T090000Z" in response.content
    assert str(event["SUMMARY"]) == "LinkedIn · Valvole a sfera DN50: la nuova serie"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert "Stato: Programmato" in str(event["DESCRIPTION"])
    assert item_url(company, item.pk) in str(event["DESCRIPTION"])
    assert str(event["URL"]) == item_url(company, item.pk)
    assert str(event["URL"]).startswith("https://staffetta.example.it/c/officine-test/calendar/")
    assert event.decoded("LAST-MODIFIED") == item.updated_at.replace(microsecond=0)
    assert event["SEQUENCE"] == 0


def test_ideas_and_drafts_are_tentative_and_cancelled_or_undated_items_are_left_out(client, company, linkedin):
    draft = ContentItemFactory(company=company, channel=linkedin, status=S.DRAFT)
    idea = ContentItemFactory(company=company, channel=linkedin, status=S.IDEA)
    ContentItemFactory(company=company, channel=linkedin, status=S.IDEA, scheduled_at=None)
    ContentItemFactory(company=company, channel=linkedin, status=S.CANCELLED)
    published = ContentItemFactory(company=company, channel=linkedin, published=True)

    events = events_of(fetch(client, CalendarFeedFactory(company=company)))

    assert set(events) == {event_uid(draft), event_uid(idea), event_uid(published)}
    assert str(events[event_uid(draft)]["STATUS"]) == "TENTATIVE"
    assert str(events[event_uid(published)]["STATUS"]) == "CONFIRMED"


def test_a_rescheduled_item_keeps_its_uid_with_a_higher_sequence(client, company, item, digital_manager):
    feed = CalendarFeedFactory(company=company)
    before = events_of(fetch(client, feed))[event_uid(item)]

    content_item_reschedule(item=item, user=digital_manager, when=item.scheduled_at + timedelta(days=1))

    after = events_of(fetch(client, feed))[event_uid(item)]
    assert after["SEQUENCE"] == before["SEQUENCE"] + 1
    assert after.decoded("DTSTART") == datetime(2031, 3, 5, 9, 0, tzinfo=UTC)


def test_times_are_utc_whatever_the_company_time_zone(client, company, linkedin):
    # 10:00 in Rome in summer is 08:00 UTC; in winter 09:00 UTC.
    rome = company.tzinfo
    summer = ContentItemFactory(company=company, channel=linkedin, scheduled_at=datetime(2031, 7, 1, 10, tzinfo=rome))
    winter = ContentItemFactory(company=company, channel=linkedin, scheduled_at=datetime(2031, 1, 7, 10, tzinfo=rome))

    events = events_of(fetch(client, CalendarFeedFactory(company=company)))

    assert events[event_uid(summer)].decoded("DTSTART") == datetime(2031, 7, 1, 8, tzinfo=UTC)
    assert events[event_uid(winter)].decoded("DTSTART") == datetime(2031, 1, 7, 9, tzinfo=UTC)


def test_the_feed_never_shows_another_companys_items(client, company, other_company, item):
    foreign = ContentItemFactory(company=other_company, title="Segreto dell'altra azienda")

    ours = events_of(fetch(client, CalendarFeedFactory(company=company)))
    theirs = events_of(fetch(client, CalendarFeedFactory(company=other_company)))

    assert set(ours) == {event_uid(item)}
    assert set(theirs) == {event_uid(foreign)}


def test_unknown_token_answers_404(client, db):
    assert client.get("/feeds/not-a-real-token.ics").status_code == 404
    assert client.get("/feeds/.ics").status_code == 404


def test_a_rotated_token_stops_working_at_once(client, company, item):
    feed = CalendarFeedFactory(company=company)
    old_token = feed.token

    calendar_feed_rotate(feed=feed)

    assert client.get(f"/feeds/{old_token}.ics").status_code == 404
    assert fetch(client, feed).status_code == 200
    assert feed.token != old_token


def test_an_inactive_companys_feed_answers_404(client, company, item):
    feed = CalendarFeedFactory(company=company)
    company.is_active = False
    company.save()
    assert fetch(client, feed).status_code == 404


def test_a_personal_feed_shows_only_that_persons_items(client, company, linkedin, digital_manager, consultant):
    mine = ContentItemFactory(company=company, channel=linkedin, author=digital_manager, status=S.DRAFT)
    ContentItemFactory(company=company, channel=linkedin, author=consultant, status=S.DRAFT)
    ContentItemFactory(company=company, channel=linkedin, author=consultant, status=S.IN_REVIEW)

    events = events_of(fetch(client, calendar_feed_ensure(company=company, user=digital_manager)))

    assert set(events) == {event_uid(mine)}


def test_an_approvers_feed_adds_the_items_waiting_for_approval(client, company, linkedin, owner, digital_manager):
    waiting = ContentItemFactory(company=company, channel=linkedin, author=digital_manager, status=S.IN_REVIEW)
    ContentItemFactory(company=company, channel=linkedin, author=digital_manager, status=S.DRAFT)

    events = events_of(fetch(client, calendar_feed_ensure(company=company, user=owner)))

    assert set(events) == {event_uid(waiting)}


def test_a_personal_feed_stops_when_the_person_leaves_the_company(client, company, item, digital_manager):
    feed = calendar_feed_ensure(company=company, user=digital_manager)
    Membership.objects.filter(company=company, user=digital_manager).delete()
    assert fetch(client, feed).status_code == 404


def test_a_personal_feed_speaks_the_persons_language(client, company, item, digital_manager):
    digital_manager.language = "en"
    digital_manager.save()
    events = events_of(fetch(client, calendar_feed_ensure(company=company, user=digital_manager)))
    assert "Status: Scheduled" in str(events[event_uid(item)]["DESCRIPTION"])


def test_items_older_than_a_year_are_left_out(client, company, linkedin):
    old = ContentItemFactory(
        company=company, channel=linkedin, published=True, scheduled_at=timezone.now() - timedelta(days=400)
    )
    assert event_uid(old) not in events_of(fetch(client, CalendarFeedFactory(company=company)))


def _items_with_history(company, channel, user, count):
    items = ContentItemFactory.create_batch(count, company=company, channel=channel, author=user)
    ContentEvent.objects.bulk_create(
        ContentEvent(item=item, kind=ContentEvent.Kind.RESCHEDULED, by=user) for item in items
    )


@pytest.mark.parametrize("count", [5, 50])
def test_feed_query_count_does_not_grow_with_items(
    client, company, linkedin, owner, count, django_assert_max_num_queries
):
    _items_with_history(company, linkedin, owner, count)
    feed = calendar_feed_ensure(company=company, user=owner)
    # 1 feed with its company and user, 2 the person's membership, 3 the items with their channel
    # and their count of changes (one GROUP BY query).
    with django_assert_max_num_queries(3):
        response = fetch(client, feed)
    assert len(Calendar.from_ical(response.content).walk("VEVENT")) == count


def test_one_feed_per_person_and_one_for_the_company(company, owner):
    first = calendar_feed_ensure(company=company, user=owner)
    assert calendar_feed_ensure(company=company, user=owner) == first
    whole = calendar_feed_ensure(company=company, user=None)
    assert calendar_feed_ensure(company=company, user=None) == whole
    assert CalendarFeed.objects.for_company(company).count() == 2


def test_the_feed_is_not_kept_by_caches(client, company, item):
    response = fetch(client, CalendarFeedFactory(company=company))
    assert "no-cache" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_calendar_apps_may_ask_with_head_but_not_post(client, company, item):
    feed = CalendarFeedFactory(company=company)
    assert client.head(f"/feeds/{feed.token}.ics").status_code == 200
    assert client.post(f"/feeds/{feed.token}.ics").status_code == 405
