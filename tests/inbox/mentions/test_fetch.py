"""Reading a feed over HTTP and parsing it, against feeds served on loopback."""

import time
from datetime import UTC, datetime

import pytest

from inbox.mentions import fetch as fetch_module
from inbox.mentions.fetch import FeedError, fetch
from inbox.mentions.models import FeedProblem
from inbox.mentions.parse import mention_key, normalise_link, parse_feed, unwrap_redirect
from inbox.mentions.services import mention_feed_check

ARTICLE = "https://www.giornale.example.it/economia/officine-test-nuovo-stabilimento"


def _problem(url, **kwargs) -> FeedError:
    with pytest.raises(FeedError) as caught:
        mention_feed_check(url=url, **kwargs)
    return caught.value


def test_an_rss_feed_gives_its_title_and_entries_as_plain_text(feed_server):
    parsed, validators = mention_feed_check(url=feed_server.url("/news.rss.xml"))
    assert parsed.title == "Notizie: Officine Test"
    first, second = parsed.entries
    assert first.title == "Officine Test apre un nuovo stabilimento a Vicenza"
    assert first.source == "Il Giornale di Vicenza"
    assert first.summary == "L'azienda meccanica Officine Test investe 4 milioni & assume 30 persone."
    assert "<" not in first.summary
    assert "alert" not in first.summary
    assert first.published_at == datetime(2026, 3, 2, 7, 30, tzinfo=UTC)
    assert second.source == "blog.example.com"  # no <source>: the site of the link
    assert validators["etag"]
    assert validators["last_modified"]


def test_an_atom_feed_of_google_alerts_links_to_the_article_not_to_google(feed_server):
    parsed, _ = mention_feed_check(url=feed_server.url("/alerts.atom.xml"))
    assert [entry.link for entry in parsed.entries] == [
        ARTICLE,
        "https://fiere.example.net/mecspe-2026/espositori",
        "https://forum.example.org/t/officine-test/99",
    ]
    assert parsed.entries[0].title == "Officine Test apre un nuovo stabilimento a Vicenza"
    assert parsed.entries[0].source == "giornale.example.it"


def test_the_same_article_in_two_feeds_has_the_same_key(feed_server):
    news, _ = mention_feed_check(url=feed_server.url("/news.rss.xml"))
    alerts, _ = mention_feed_check(url=feed_server.url("/alerts.atom.xml"))
    assert news.entries[0].key == alerts.entries[0].key


@pytest.mark.parametrize(
    "link",
    [
        ARTICLE + "?utm_source=rss&utm_medium=feed",
        ARTICLE + "/",
        ARTICLE + "#commenti",
        ARTICLE.replace("https://www.giornale", "http://WWW.Giornale"),
        "https://www.google.com/url?rct=j&sa=t&url=" + ARTICLE + "&ct=ga",
    ],
)
def test_tracking_parameters_fragments_and_redirects_do_not_make_a_new_article(link):
    assert mention_key(unwrap_redirect(link), "") == mention_key(ARTICLE, "")


def test_query_parameters_that_name_the_page_are_kept():
    assert normalise_link("https://x.example/p?id=1") != normalise_link("https://x.example/p?id=2")


def test_an_unchanged_feed_answers_304_to_the_etag(feed_server):
    first = fetch(feed_server.url("/news.rss.xml"))
    again = fetch(feed_server.url("/news.rss.xml"), etag=first.etag)
    assert again.not_modified
    assert again.body == b""
    assert feed_server.requests_to("/news.rss.xml")[-1]["headers"]["If-None-Match"] == first.etag


def test_an_unchanged_feed_answers_304_to_last_modified(feed_server):
    first = fetch(feed_server.url("/alerts.atom.xml"))
    again = fetch(feed_server.url("/alerts.atom.xml"), last_modified=first.last_modified)
    assert again.not_modified


def test_a_web_page_is_not_a_feed_and_its_declared_feed_is_suggested(feed_server):
    error = _problem(feed_server.url("/page.html"))
    assert error.problem == FeedProblem.NOT_A_FEED
    assert error.feed_link == feed_server.url("/news.rss.xml")


def test_a_web_page_without_a_feed_suggests_nothing(feed_server):
    error = _problem(feed_server.url("/plain.html"))
    assert error.problem == FeedProblem.NOT_A_FEED
    assert error.feed_link == ""


def test_a_broken_feed_is_refused_whole(feed_server):
    error = _problem(feed_server.url("/broken.xml"))
    assert error.problem == FeedProblem.BROKEN


def test_text_that_is_neither_a_page_nor_a_feed_is_not_a_feed(feed_server):
    feed_server.serve("/data.json", '{"items": []}', content_type="application/json")
    assert _problem(feed_server.url("/data.json")).problem in (FeedProblem.NOT_A_FEED, FeedProblem.BROKEN)


def test_a_missing_feed_is_an_http_error_with_its_status(feed_server):
    error = _problem(feed_server.url("/gone.xml"))
    assert error.problem == FeedProblem.HTTP_ERROR
    assert "404" in error.detail


def test_a_server_error_is_an_http_error(feed_server):
    feed_server.serve("/down.xml", "oops", status=503, conditional=False)
    assert _problem(feed_server.url("/down.xml")).problem == FeedProblem.HTTP_ERROR


def test_a_slow_server_times_out(feed_server, monkeypatch):
    monkeypatch.setattr(fetch_module, "FETCH_TIMEOUT", 0.3)
    feed_server.serve_file("/slow.xml", "news.rss.xml", delay=3)
    error = _problem(feed_server.url("/slow.xml"))
    assert error.problem == FeedProblem.TIMEOUT


def test_a_server_that_drips_its_answer_is_cut_off_at_the_deadline(feed_server, monkeypatch):
    monkeypatch.setattr(fetch_module, "FETCH_DEADLINE", 0.5)
    feed_server.serve_file("/drip.xml", "news.rss.xml", drip=0.05)
    started = time.monotonic()
    error = _problem(feed_server.url("/drip.xml"))
    assert error.problem == FeedProblem.TIMEOUT
    assert time.monotonic() - started < 3


def test_a_feed_larger_than_the_cap_is_refused(feed_server, monkeypatch):
    monkeypatch.setattr(fetch_module, "MAX_BYTES", 1000)
    feed_server.serve("/big.xml", b"<rss>" + b" " * 5000 + b"</rss>")
    assert _problem(feed_server.url("/big.xml")).problem == FeedProblem.TOO_LARGE


def test_a_feed_larger_than_the_cap_without_a_length_is_cut_off(feed_server, monkeypatch):
    monkeypatch.setattr(fetch_module, "MAX_BYTES", 1000)
    feed_server.serve("/big-chunked.xml", b"<rss>" + b" " * 5000 + b"</rss>", send_length=False)
    assert _problem(feed_server.url("/big-chunked.xml")).problem == FeedProblem.TOO_LARGE


def test_a_closed_port_cannot_be_reached(feed_server):
    from tests.conftest import free_port

    error = _problem(f"http://127.0.0.1:{free_port()}/feed.xml")
    assert error.problem == FeedProblem.CONNECTION


@pytest.mark.parametrize("url", ["ftp://example.org/feed.xml", "file:///etc/passwd", "javascript:alert(1)", "/feed"])
def test_only_web_addresses_are_read(url):
    assert _problem(url).problem == FeedProblem.INVALID_ADDRESS


def test_private_and_local_addresses_are_refused_in_production(feed_server, settings):
    settings.MENTIONS_ALLOWED_PRIVATE_NETWORKS = []
    assert _problem(feed_server.url("/news.rss.xml")).problem == FeedProblem.PRIVATE_ADDRESS
    assert feed_server.requests == []


def test_a_redirect_is_followed(feed_server):
    feed_server.serve("/moved", "", status=301, conditional=False, headers={"Location": "/news.rss.xml"})
    parsed, _ = mention_feed_check(url=feed_server.url("/moved"))
    assert len(parsed.entries) == 2


def test_a_redirect_to_a_private_address_is_refused(feed_server):
    """A public feed that redirects inside our network would reach what only the server reaches."""
    target = f"http://127.0.0.2:{feed_server.port}/news.rss.xml"  # loopback, but not allowed here
    feed_server.serve("/sneaky", "", status=302, conditional=False, headers={"Location": target})
    assert _problem(feed_server.url("/sneaky")).problem == FeedProblem.PRIVATE_ADDRESS


def test_a_redirect_to_another_scheme_is_refused(feed_server):
    feed_server.serve("/to-file", "", status=302, conditional=False, headers={"Location": "file:///etc/passwd"})
    assert _problem(feed_server.url("/to-file")).problem in (FeedProblem.HTTP_ERROR, FeedProblem.CONNECTION)


@pytest.mark.parametrize(
    "address", ["10.0.0.8", "169.254.169.254", "192.168.1.1", "127.0.0.2", "::1", "::ffff:127.0.0.1", "fd00::1"]
)
def test_addresses_that_are_not_public_are_not_allowed(settings, address):
    settings.MENTIONS_ALLOWED_PRIVATE_NETWORKS = []
    assert not fetch_module._allowed(address)


def test_a_public_address_is_allowed():
    assert fetch_module._allowed("93.184.215.14")
    assert fetch_module._allowed("2a00:1450:4002:402::200e")


def test_entries_without_address_or_id_are_skipped_and_duplicates_kept_once():
    body = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
      <item><title>Senza indirizzo</title></item>
      <item><title>Uno</title><link>https://a.example/1</link></item>
      <item><title>Uno di nuovo</title><link>https://a.example/1?utm_campaign=x</link></item>
      <item><title>Solo id</title><guid isPermaLink="false">abc</guid></item>
    </channel></rss>"""
    parsed = parse_feed(body)
    assert [entry.title for entry in parsed.entries] == ["Uno", "Solo id"]


def test_a_date_in_the_future_becomes_now():
    now = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
    body = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
      <item><title>Dal futuro</title><link>https://a.example/f</link><pubDate>Fri, 01 Jan 2100 00:00:00 GMT</pubDate></item>
    </channel></rss>"""
    assert parse_feed(body, now=now).entries[0].published_at <= now.replace(minute=5)
