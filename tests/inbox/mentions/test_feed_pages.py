"""The watched feeds: list, add (read once to check), edit, remove, read now."""

import pytest

from engagements.roles import Role
from inbox.mentions import fetch as fetch_module
from inbox.mentions.models import FeedProblem, Mention, MentionFeed
from tests.inbox.mentions.factories import MentionFactory, MentionFeedFactory


def _url(company, path=""):
    return f"/c/{company.slug}/inbox/mentions/feeds/{path}"


def _errors(response, field="url") -> str:
    return " ".join(response.context["form"].errors.get(field, []))


def test_adding_a_feed_reads_it_once_and_stores_its_mentions(login, company, digital_manager, feed_server):
    client = login(digital_manager)
    response = client.post(
        _url(company, "new/"), {"url": feed_server.url("/alerts.atom.xml"), "name": "", "is_active": "on"}
    )
    assert response.status_code == 302
    feed = MentionFeed.objects.for_company(company).get()
    assert feed.name == 'Google Alert - "Officine Test"'  # the feed's own title
    assert feed.created_by == digital_manager
    assert feed.etag
    assert feed.last_success_at
    assert Mention.objects.for_company(company).filter(feed=feed).count() == 3
    page = client.get(response["Location"])
    assert "3 menzioni trovate" in page.content.decode()


@pytest.mark.parametrize("url", ["ftp://example.org/feed.xml", "non è un indirizzo", "javascript:alert(1)", "http://"])
def test_an_address_that_is_not_a_web_address_is_refused_in_italian(login, company, digital_manager, url):
    response = login(digital_manager).post(_url(company, "new/"), {"url": url, "name": "Il mio feed"})
    assert response.status_code == 400
    assert _errors(response) == "Inserisci un indirizzo web che inizi con https://."
    assert response.context["form"]["name"].value() == "Il mio feed"  # nothing typed is lost
    assert not MentionFeed.objects.exists()


def test_an_empty_address_is_required(login, company, digital_manager):
    response = login(digital_manager).post(_url(company, "new/"), {"url": "", "name": "Alert"})
    assert response.status_code == 400
    assert "obbligatorio" in _errors(response)


def test_a_web_page_is_refused_and_its_feed_suggested(login, company, digital_manager, feed_server):
    page = feed_server.url("/page.html")
    response = login(digital_manager).post(_url(company, "new/"), {"url": page, "name": "Notizie", "is_active": "on"})
    assert response.status_code == 400
    message = _errors(response)
    assert "non un feed RSS o Atom" in message
    assert feed_server.url("/news.rss.xml") in message
    form = response.context["form"]
    assert form["url"].value() == page
    assert form["name"].value() == "Notizie"
    assert 'value="Notizie"' in response.content.decode()
    assert not MentionFeed.objects.exists()


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/broken.xml", "contiene errori"),
        ("/plain.html", "Cerca nel sito il link RSS"),
        ("/missing.xml", "404"),
    ],
)
def test_an_address_that_is_not_a_readable_feed_is_refused_with_the_reason(
    login, company, digital_manager, feed_server, path, words
):
    response = login(digital_manager).post(_url(company, "new/"), {"url": feed_server.url(path), "name": ""})
    assert response.status_code == 400
    assert words in _errors(response)
    assert "Nessuna modifica salvata" in response.content.decode()
    assert not MentionFeed.objects.exists()


def test_a_feed_that_does_not_answer_in_time_is_refused(login, company, digital_manager, feed_server, monkeypatch):
    monkeypatch.setattr(fetch_module, "INTERACTIVE_TIMEOUT", 0.3)
    feed_server.serve_file("/slow.xml", "news.rss.xml", delay=3)
    response = login(digital_manager).post(_url(company, "new/"), {"url": feed_server.url("/slow.xml")})
    assert response.status_code == 400
    assert "non ha risposto in tempo" in _errors(response)


def test_the_same_feed_twice_is_refused(login, company, digital_manager):
    MentionFeedFactory(company=company, url="https://news.example.org/rss")
    response = login(digital_manager).post(_url(company, "new/"), {"url": "https://news.example.org/rss"})
    assert response.status_code == 400
    assert "già monitorato" in _errors(response)


def test_another_company_may_watch_the_same_feed(login, company, other_company, digital_manager, feed_server):
    MentionFeedFactory(company=other_company, url=feed_server.url("/news.rss.xml"))
    response = login(digital_manager).post(_url(company, "new/"), {"url": feed_server.url("/news.rss.xml")})
    assert response.status_code == 302


def test_renaming_a_feed_does_not_read_it_again(login, company, digital_manager, feed_server):
    feed = MentionFeedFactory(company=company, url=feed_server.url("/news.rss.xml"), name="Vecchio")
    response = login(digital_manager).post(_url(company, f"{feed.pk}/"), {"url": feed.url, "name": "Nuovo"})
    assert response.status_code == 302
    feed.refresh_from_db()
    assert feed.name == "Nuovo"
    assert not feed.is_active
    assert feed_server.requests == []


def test_changing_the_address_checks_the_new_one(login, company, digital_manager, feed_server):
    feed = MentionFeedFactory(company=company, url=feed_server.url("/news.rss.xml"), name="Notizie")
    response = login(digital_manager).post(
        _url(company, f"{feed.pk}/"), {"url": feed_server.url("/plain.html"), "name": "Notizie", "is_active": "on"}
    )
    assert response.status_code == 400
    feed.refresh_from_db()
    assert feed.url == feed_server.url("/news.rss.xml")


def test_removing_a_feed_keeps_its_mentions(login, company, digital_manager):
    feed = MentionFeedFactory(company=company)
    mention = MentionFactory(company=company, feed=feed)
    response = login(digital_manager).post(_url(company, f"{feed.pk}/delete/"))
    assert response.status_code == 302
    assert not MentionFeed.objects.exists()
    mention.refresh_from_db()
    assert mention.feed is None


def test_read_now_stores_the_new_entries(login, company, digital_manager, feed_server):
    feed = MentionFeedFactory(company=company, url=feed_server.url("/news.rss.xml"))
    response = login(digital_manager).post(_url(company, f"{feed.pk}/read/"), follow=True)
    assert "2 nuove menzioni" in response.content.decode()
    response = login(digital_manager).post(_url(company, f"{feed.pk}/read/"), follow=True)
    assert "non è cambiato" in response.content.decode()
    assert Mention.objects.count() == 2


def test_read_now_shows_why_a_feed_fails_and_the_list_keeps_showing_it(login, company, digital_manager, feed_server):
    feed = MentionFeedFactory(company=company, name="Rotto", url=feed_server.url("/broken.xml"))
    client = login(digital_manager)
    response = client.post(_url(company, f"{feed.pk}/read/"), follow=True)
    content = response.content.decode()
    assert "Non è stato possibile leggere il feed “Rotto”" in content
    assert str(FeedProblem.BROKEN.label) != ""
    assert "Il feed contiene errori" in content
    listing = client.get(_url(company)).content.decode()
    assert "Il feed contiene errori e non può essere letto." in listing
    assert "Non letto" in listing


def test_the_feed_of_another_company_is_not_found(login, company, other_company, digital_manager):
    theirs = MentionFeedFactory(company=other_company)
    client = login(digital_manager)
    assert client.get(_url(company, f"{theirs.pk}/")).status_code == 404
    assert client.post(_url(company, f"{theirs.pk}/delete/")).status_code == 404
    assert client.post(_url(company, f"{theirs.pk}/read/")).status_code == 404
    assert MentionFeed.objects.filter(pk=theirs.pk).exists()


@pytest.mark.parametrize("role", [Role.OWNER, Role.DIGITAL_MANAGER, Role.CONSULTANT])
def test_managers_may_manage_the_feeds(login, company, users_by_role, role):
    assert login(users_by_role[role]).get(_url(company)).status_code == 200


def test_a_colleague_may_not_manage_the_feeds(login, company, colleague):
    assert login(colleague).get(_url(company)).status_code == 403
    assert login(colleague).get(_url(company, "new/")).status_code == 403


def test_feed_list_query_count_does_not_grow_with_feeds(login, company, digital_manager, django_assert_max_num_queries):
    MentionFeedFactory.create_batch(2, company=company)
    client = login(digital_manager)
    # session, user, membership+company, feeds, switcher memberships, and on the first visit
    # the session update with its savepoints
    budget = 8
    with django_assert_max_num_queries(budget):
        assert client.get(_url(company)).status_code == 200
    MentionFeedFactory.create_batch(20, company=company, last_error=FeedProblem.TIMEOUT)
    with django_assert_max_num_queries(budget):
        assert client.get(_url(company)).status_code == 200


def test_an_existing_feed_keeps_a_name(login, company, digital_manager):
    feed = MentionFeedFactory(company=company, name="Notizie")
    response = login(digital_manager).post(_url(company, f"{feed.pk}/"), {"url": feed.url, "name": ""})
    assert response.status_code == 400
    assert "obbligatorio" in _errors(response, "name")
    feed.refresh_from_db()
    assert feed.name == "Notizie"
