"""Mention figures for a company and a period, computed in the database."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from inbox.mentions.metrics import FeedCount, mention_figures
from inbox.mentions.models import Mention
from tests.inbox.mentions.factories import MentionFactory, MentionFeedFactory

ROME = ZoneInfo("Europe/Rome")
MARCH = (date(2026, 3, 1), date(2026, 3, 31))


def _at(day, hour=12, month=3):
    return datetime(2026, month, day, hour, 0, tzinfo=ROME)


def test_mentions_found_in_the_period_are_counted_per_feed(company):
    alerts = MentionFeedFactory(company=company, name="Google Alert")
    news = MentionFeedFactory(company=company, name="Notizie")
    for day in (2, 10, 20):
        MentionFactory(company=company, feed=alerts, found_at=_at(day))
    MentionFactory(company=company, feed=news, found_at=_at(15))
    MentionFactory(company=company, feed=news, found_at=_at(2, month=4))  # after the period
    figures = mention_figures(company, *MARCH)
    assert figures.new == 4
    assert figures.by_feed == [FeedCount(alerts.pk, "Google Alert", 3), FeedCount(news.pk, "Notizie", 1)]


def test_the_period_follows_the_company_time_zone(company):
    # 00:30 on 1 March in Rome is still 28 February in UTC; 00:30 on 1 April is April.
    MentionFactory(company=company, found_at=datetime(2026, 3, 1, 0, 30, tzinfo=ROME))
    MentionFactory(company=company, found_at=datetime(2026, 4, 1, 0, 30, tzinfo=ROME))
    MentionFactory(company=company, found_at=datetime(2026, 3, 31, 23, 59, tzinfo=ROME))
    assert mention_figures(company, *MARCH).new == 2


def test_mentions_of_a_removed_feed_still_count(company):
    feed = MentionFeedFactory(company=company)
    MentionFactory(company=company, feed=feed, found_at=_at(5))
    feed.delete()
    figures = mention_figures(company, *MARCH)
    assert figures.new == 1
    assert figures.by_feed == [FeedCount(None, "", 1)]


def test_conversations_and_ideas_count_in_the_period_they_were_made(company):
    MentionFactory(company=company, found_at=_at(28, month=2), conversation_opened_at=_at(2))
    MentionFactory(company=company, found_at=_at(3), conversation_opened_at=_at(3), content_idea_created_at=_at(4))
    MentionFactory(company=company, found_at=_at(30), content_idea_created_at=_at(1, month=4))
    MentionFactory(company=company, found_at=_at(6), status=Mention.Status.DISMISSED)
    figures = mention_figures(company, *MARCH)
    assert (figures.new, figures.to_conversations, figures.to_ideas, figures.dismissed) == (3, 2, 1, 1)


def test_other_companies_are_not_counted(company, other_company):
    MentionFactory(company=other_company, found_at=_at(5), conversation_opened_at=_at(5))
    figures = mention_figures(company, *MARCH)
    assert (figures.new, figures.by_feed, figures.to_conversations) == (0, [], 0)


def test_the_figures_take_two_queries_whatever_the_number_of_mentions(company, django_assert_num_queries):
    feeds = MentionFeedFactory.create_batch(4, company=company)
    for i in range(40):
        MentionFactory(company=company, feed=feeds[i % 4], found_at=_at(1 + i % 28), conversation_opened_at=_at(2))
    # one aggregate over the mentions, one count grouped by feed
    with django_assert_num_queries(2):
        figures = mention_figures(company, *MARCH)
    assert figures.new == 40
    assert figures.to_conversations == 40
    assert sum(row.count for row in figures.by_feed) == 40


def test_a_period_that_ends_before_it_starts_is_an_error(company):
    with pytest.raises(ValueError, match="ends before it starts"):
        mention_figures(company, date(2026, 3, 31), date(2026, 3, 1))


def test_the_demo_mentions_are_seeded_once(company):
    from inbox.mentions.demo import seed_demo_mentions

    assert seed_demo_mentions(company) == 5
    assert seed_demo_mentions(company) == 0
    assert mention_figures(company, date(2000, 1, 1), date(2100, 1, 1)).new == 5
