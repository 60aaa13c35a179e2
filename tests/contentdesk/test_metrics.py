"""Content desk figures for a company and a month: planned vs published per channel, enquiries
that came through content, counted by the database (SQLite and PostgreSQL alike)."""

import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from contentdesk.metrics import figures
from contentdesk.models import ChannelKind, ContentItem
from inbox.models import Conversation
from tests.contentdesk.factories import ContentChannelFactory, ContentItemFactory
from tests.inbox.factories import ConversationFactory

ROME = ZoneInfo("Europe/Rome")
MARCH = (date(2026, 3, 1), date(2026, 3, 31))
Status = ContentItem.Status


def _at(day, hour=10, minute=0, month=3):
    return datetime(2026, month, day, hour, minute, tzinfo=ROME)


@pytest.fixture
def blog(company):
    return ContentChannelFactory(company=company, kind=ChannelKind.BLOG, name="Blog")


@pytest.fixture
def linkedin(company):
    return ContentChannelFactory(company=company, kind=ChannelKind.LINKEDIN, name="LinkedIn")


def _published(company, channel, planned, published):
    return ContentItemFactory(
        company=company,
        channel=channel,
        status=Status.PUBLISHED,
        scheduled_at=planned,
        published_at=published,
        published_url="https://www.example.it/post",
    )


def test_planned_and_published_are_counted_per_channel(company, blog, linkedin):
    _published(company, linkedin, _at(3), _at(3))
    _published(company, linkedin, _at(10), _at(11))
    ContentItemFactory(company=company, channel=linkedin, status=Status.SCHEDULED, scheduled_at=_at(20))
    # A dated idea is already a plan.
    ContentItemFactory(company=company, channel=linkedin, status=Status.IDEA, scheduled_at=_at(25))
    ContentItemFactory(company=company, channel=linkedin, status=Status.CANCELLED, scheduled_at=_at(26))
    ContentItemFactory(company=company, channel=blog, status=Status.DRAFT, scheduled_at=_at(12))
    ContentItemFactory(company=company, channel=blog, status=Status.IDEA, scheduled_at=None)
    result = figures(company, *MARCH)
    assert (result["planned"], result["published"]) == (5, 2)
    assert result["by_channel"] == [
        {"channel_id": blog.pk, "name": "Blog", "kind": "blog", "planned": 1, "published": 0},
        {"channel_id": linkedin.pk, "name": "LinkedIn", "kind": "linkedin", "planned": 4, "published": 2},
    ]


def test_an_item_published_after_its_month_counts_where_each_thing_happened(company, linkedin):
    _published(company, linkedin, _at(31, 18), _at(2, 9, month=4))
    march, april = figures(company, *MARCH), figures(company, date(2026, 4, 1), date(2026, 4, 30))
    assert (march["planned"], march["published"]) == (1, 0)
    assert (april["planned"], april["published"]) == (0, 1)


def test_the_month_follows_the_company_time_zone(company, linkedin):
    # 23:30 on 31 March in Rome (21:30 UTC) is March; 00:30 on 1 April (22:30 UTC on 31 March) is April.
    _published(company, linkedin, _at(31, 23, 30), _at(31, 23, 30))
    _published(company, linkedin, _at(1, 0, 30, month=4), _at(1, 0, 30, month=4))
    result = figures(company, *MARCH)
    assert (result["planned"], result["published"]) == (1, 1)


def test_enquiries_through_tracked_links_are_counted_in_the_month_they_arrived(company, linkedin):
    post = _published(company, linkedin, _at(2), _at(2))
    ConversationFactory(company=company, utm_content=post.utm_content, created_at=_at(5))
    ConversationFactory(company=company, utm_content=post.utm_content, created_at=_at(6, month=4))
    ConversationFactory(
        company=company, utm_content=post.utm_content, created_at=_at(7), status=Conversation.Status.SPAM
    )
    ConversationFactory(company=company, utm_content="sf-999999", created_at=_at(8))
    assert figures(company, *MARCH)["enquiries_from_content"] == 1


def test_before_the_calendar_was_used_there_are_no_figures_and_a_quiet_month_has_zeros(company, linkedin):
    assert figures(company, *MARCH) is None
    _published(company, linkedin, _at(10, month=2), _at(10, month=2))
    assert figures(company, *MARCH) == {"planned": 0, "published": 0, "by_channel": [], "enquiries_from_content": 0}


def test_other_companies_are_never_counted(company, other_company, linkedin):
    other_channel = ContentChannelFactory(company=other_company)
    other_post = _published(other_company, other_channel, _at(3), _at(3))
    ConversationFactory(company=other_company, utm_content=other_post.utm_content, created_at=_at(4))
    ConversationFactory(company=company, utm_content=other_post.utm_content, created_at=_at(4))
    _published(company, linkedin, _at(10, month=2), _at(10, month=2))
    result = figures(company, *MARCH)
    assert (result["planned"], result["published"], result["enquiries_from_content"]) == (0, 0, 0)


def test_figures_are_plain_json(company, linkedin):
    _published(company, linkedin, _at(3), _at(3))
    result = figures(company, *MARCH)
    assert json.loads(json.dumps(result)) == result


def test_figures_take_the_same_queries_with_ten_times_the_rows(company, blog, linkedin, django_assert_num_queries):
    def add(n):
        for i in range(n):
            _published(company, blog if i % 2 else linkedin, _at(1 + i % 28), _at(1 + i % 28, 12))

    add(3)
    # planned and published per channel, enquiries from content
    with django_assert_num_queries(2):
        figures(company, *MARCH)
    add(30)
    with django_assert_num_queries(2):
        figures(company, *MARCH)
