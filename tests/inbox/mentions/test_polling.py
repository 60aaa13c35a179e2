"""Polling the watched feeds: new entries become mentions once, errors are kept on the feed,
two runs never read the same feed at once."""

import threading
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from inbox.mentions import fetch as fetch_module
from inbox.mentions import services
from inbox.mentions.models import FeedProblem, Mention, MentionFeed
from inbox.mentions.services import mention_feed_poll, mention_feeds_poll_due
from tests.inbox.mentions.factories import MentionFeedFactory

NEW_ITEM = """
    <item>
      <title>Officine Test premiata per la sostenibilità</title>
      <link>https://www.giornale.example.it/economia/premio-sostenibilita</link>
      <guid isPermaLink="false">giornale-1002</guid>
      <pubDate>Tue, 03 Mar 2026 09:00:00 +0100</pubDate>
      <description>Il premio regionale per l'industria sostenibile.</description>
    </item>
  </channel>"""


@pytest.fixture
def news_feed(company, feed_server):
    return MentionFeedFactory(company=company, name="Notizie", url=feed_server.url("/news.rss.xml"))


@pytest.fixture
def alerts_feed(company, feed_server):
    return MentionFeedFactory(company=company, name="Alert", url=feed_server.url("/alerts.atom.xml"))


def test_new_entries_appear_as_mentions_of_the_feed(news_feed):
    result = mention_feed_poll(feed_id=news_feed.pk)
    assert result.stored == 2
    mentions = Mention.objects.for_company(news_feed.company).order_by("-published_at")
    assert [m.title for m in mentions] == [
        "Officine Test apre un nuovo stabilimento a Vicenza",
        "Flange inox: la recensione di un cliente",
    ]
    first = mentions[0]
    assert first.feed == news_feed
    assert first.source == "Il Giornale di Vicenza"
    assert first.link.startswith("https://www.giornale.example.it/economia/officine-test-nuovo-stabilimento")
    assert first.status == Mention.Status.NEW
    news_feed.refresh_from_db()
    assert news_feed.last_polled_at
    assert news_feed.last_success_at
    assert news_feed.etag
    assert news_feed.polling_since is None


def test_polling_twice_stores_each_entry_once_and_sends_the_etag(news_feed, feed_server):
    mention_feed_poll(feed_id=news_feed.pk)
    again = mention_feed_poll(feed_id=news_feed.pk, force=True)
    assert again.not_modified
    assert again.stored == 0
    assert Mention.objects.count() == 2
    assert "If-None-Match" in feed_server.requests_to("/news.rss.xml")[-1]["headers"]


def test_a_server_that_ignores_conditional_requests_still_stores_nothing_twice(news_feed, feed_server):
    feed_server.routes["/news.rss.xml"].conditional = False
    mention_feed_poll(feed_id=news_feed.pk)
    again = mention_feed_poll(feed_id=news_feed.pk, force=True)
    assert not again.not_modified
    assert again.stored == 0
    assert Mention.objects.count() == 2


def test_a_changed_feed_adds_only_its_new_entry(news_feed, feed_server):
    mention_feed_poll(feed_id=news_feed.pk)
    route = feed_server.routes["/news.rss.xml"]
    feed_server.serve("/news.rss.xml", route.body.decode().replace("  </channel>", NEW_ITEM))
    result = mention_feed_poll(feed_id=news_feed.pk, force=True)
    assert result.stored == 1
    assert Mention.objects.filter(title__contains="sostenibilità").exists()
    assert Mention.objects.count() == 3


def test_an_article_in_two_feeds_is_one_mention(news_feed, alerts_feed):
    mention_feed_poll(feed_id=news_feed.pk)
    result = mention_feed_poll(feed_id=alerts_feed.pk)
    assert result.stored == 2  # the factory article was already there, from the news feed
    assert Mention.objects.filter(title__contains="nuovo stabilimento").count() == 1
    assert Mention.objects.count() == 4


def test_the_same_article_is_a_mention_for_each_company(news_feed, other_company, feed_server):
    theirs = MentionFeedFactory(company=other_company, url=feed_server.url("/news.rss.xml"))
    mention_feed_poll(feed_id=news_feed.pk)
    assert mention_feed_poll(feed_id=theirs.pk).stored == 2
    assert Mention.objects.for_company(other_company).count() == 2


@pytest.mark.parametrize(
    ("path", "problem"),
    [
        ("/broken.xml", FeedProblem.BROKEN),
        ("/plain.html", FeedProblem.NOT_A_FEED),
        ("/nothing-here.xml", FeedProblem.HTTP_ERROR),
    ],
)
def test_a_feed_that_cannot_be_read_records_why_and_stores_nothing(company, feed_server, path, problem):
    feed = MentionFeedFactory(company=company, url=feed_server.url(path))
    result = mention_feed_poll(feed_id=feed.pk)
    assert result.problem == problem
    feed.refresh_from_db()
    assert feed.last_error == problem
    assert feed.last_polled_at is not None
    assert feed.last_success_at is None
    assert feed.polling_since is None
    assert not Mention.objects.exists()


def test_a_timeout_is_recorded_on_the_feed(company, feed_server, monkeypatch):
    monkeypatch.setattr(fetch_module, "FETCH_TIMEOUT", 0.3)
    feed_server.serve_file("/slow.xml", "news.rss.xml", delay=3)
    feed = MentionFeedFactory(company=company, url=feed_server.url("/slow.xml"))
    assert mention_feed_poll(feed_id=feed.pk).problem == FeedProblem.TIMEOUT
    feed.refresh_from_db()
    assert feed.last_error == FeedProblem.TIMEOUT
    assert feed.last_error_detail == "> 0.3 s"


def test_a_feed_that_works_again_clears_its_error(news_feed):
    MentionFeed.objects.filter(pk=news_feed.pk).update(last_error=FeedProblem.TIMEOUT, last_error_detail="x")
    mention_feed_poll(feed_id=news_feed.pk)
    news_feed.refresh_from_db()
    assert news_feed.last_error == ""
    assert news_feed.last_error_detail == ""


def test_a_feed_read_by_another_run_is_left_alone(news_feed, feed_server):
    MentionFeed.objects.filter(pk=news_feed.pk).update(polling_since=timezone.now())
    assert mention_feed_poll(feed_id=news_feed.pk, force=True) is None
    assert feed_server.requests == []


def test_a_claim_left_by_a_crashed_run_expires(news_feed):
    MentionFeed.objects.filter(pk=news_feed.pk).update(polling_since=timezone.now() - timedelta(hours=1))
    assert mention_feed_poll(feed_id=news_feed.pk).stored == 2


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_read_each_feed_once(news_feed, alerts_feed, feed_server):
    """Two workers start the periodic job together: every feed is read by one of them only."""
    for path in ("/news.rss.xml", "/alerts.atom.xml"):
        feed_server.routes[path].delay = 0.5
    results, start = [], threading.Barrier(2)

    def run():
        try:
            start.wait()
            results.extend(mention_feeds_poll_due())
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert sorted(result.feed_id for result in results) == sorted([news_feed.pk, alerts_feed.pk])
    assert len(feed_server.requests_to("/news.rss.xml")) == 1
    assert len(feed_server.requests_to("/alerts.atom.xml")) == 1
    assert Mention.objects.count() == 4


def test_a_feed_read_recently_is_not_due(news_feed, feed_server):
    mention_feed_poll(feed_id=news_feed.pk)
    assert mention_feed_poll(feed_id=news_feed.pk) is None
    assert mention_feeds_poll_due() == []
    assert len(feed_server.requests_to("/news.rss.xml")) == 1


def test_a_feed_is_due_again_after_the_interval(news_feed, feed_server):
    mention_feed_poll(feed_id=news_feed.pk)
    later = timezone.now() + services.POLL_INTERVAL + timedelta(seconds=1)
    assert [r.feed_id for r in mention_feeds_poll_due(now=later)] == [news_feed.pk]


def test_inactive_feeds_are_not_read(news_feed, feed_server):
    MentionFeed.objects.filter(pk=news_feed.pk).update(is_active=False)
    assert mention_feeds_poll_due(force=True) == []
    assert feed_server.requests == []


def test_the_command_reads_the_feeds_of_one_company(news_feed, other_company, feed_server):
    MentionFeedFactory(company=other_company, url=feed_server.url("/alerts.atom.xml"))
    out = StringIO()
    call_command("poll_mentions", "--company", news_feed.company.slug, stdout=out)
    assert "1 feed(s) read, 2 new mention(s), 0 failed." in out.getvalue()
    assert not Mention.objects.for_company(other_company).exists()
    assert feed_server.requests_to("/alerts.atom.xml") == []


def test_the_command_run_twice_stores_nothing_the_second_time(news_feed, alerts_feed):
    call_command("poll_mentions", stdout=StringIO())
    out = StringIO()
    call_command("poll_mentions", "--force", stdout=out)
    assert "2 feed(s) read, 0 new mention(s), 0 failed." in out.getvalue()
    assert Mention.objects.count() == 4


def test_the_command_reports_failing_feeds(company, feed_server):
    feed = MentionFeedFactory(company=company, url=feed_server.url("/broken.xml"))
    err = StringIO()
    call_command("poll_mentions", stdout=StringIO(), stderr=err)
    assert f"feed {feed.pk}: broken" in err.getvalue()


def test_the_command_refuses_an_unknown_company(db):
    with pytest.raises(CommandError):
        call_command("poll_mentions", "--company", "nessuna")
