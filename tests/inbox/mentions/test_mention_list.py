"""The mentions page: newest first, pages, filters, search, and what can be done with a mention."""

from datetime import timedelta
from html import escape

import pytest
from django.utils import timezone

from contentdesk.models import ContentItem
from engagements.roles import Role
from inbox.mentions.models import FeedProblem, Mention
from inbox.mentions.views import PAGE_SIZE
from inbox.models import Conversation
from tests.inbox.mentions.factories import MentionFactory, MentionFeedFactory

Status = Mention.Status


def _url(company, path=""):
    return f"/c/{company.slug}/inbox/mentions/{path}"


def _ids(response):
    return [mention.pk for mention in response.context["rows"]]


def test_new_mentions_are_shown_newest_first(login, company, digital_manager):
    now = timezone.now()
    older = MentionFactory(company=company, published_at=now - timedelta(days=2))
    newer = MentionFactory(company=company, published_at=now - timedelta(hours=1))
    MentionFactory(company=company, status=Status.DISMISSED)
    response = login(digital_manager).get(_url(company))
    assert _ids(response) == [newer.pk, older.pk]
    content = response.content.decode()
    assert escape(newer.title) in content
    assert f'href="{newer.link}"' in content
    assert 'rel="noopener noreferrer nofollow"' in content


def test_the_list_comes_in_pages(login, company, digital_manager):
    now = timezone.now()
    mentions = [MentionFactory(company=company, published_at=now - timedelta(minutes=i)) for i in range(PAGE_SIZE + 3)]
    client = login(digital_manager)
    first = client.get(_url(company))
    assert _ids(first) == [m.pk for m in mentions[:PAGE_SIZE]]
    assert "Pagina 1 di 2" in first.content.decode()
    second = client.get(_url(company, "?page=2"))
    assert _ids(second) == [m.pk for m in mentions[PAGE_SIZE:]]
    assert _ids(client.get(_url(company, "?page=99"))) == _ids(second)
    assert _ids(client.get(_url(company, "?page=nonsense"))) == _ids(first)


@pytest.mark.parametrize("status", [Status.HANDLED, Status.DISMISSED])
def test_the_status_filter_shows_one_status(login, company, digital_manager, status):
    wanted = MentionFactory(company=company, status=status)
    MentionFactory(company=company)
    assert _ids(login(digital_manager).get(_url(company, f"?status={status}"))) == [wanted.pk]


def test_every_status_shows_everything(login, company, digital_manager):
    for status in Status.values:
        MentionFactory(company=company, status=status)
    assert len(_ids(login(digital_manager).get(_url(company, "?status=all")))) == 3


def test_the_feed_filter_shows_one_feed(login, company, digital_manager):
    feed = MentionFeedFactory(company=company, name="Notizie")
    wanted = MentionFactory(company=company, feed=feed)
    MentionFactory(company=company)
    assert _ids(login(digital_manager).get(_url(company, f"?feed={feed.pk}"))) == [wanted.pk]


def test_a_feed_of_another_company_in_the_filter_is_ignored(login, company, other_company, digital_manager):
    theirs = MentionFeedFactory(company=other_company)
    mine = MentionFactory(company=company)
    response = login(digital_manager).get(_url(company, f"?feed={theirs.pk}&status=bogus"))
    assert response.status_code == 200
    assert _ids(response) == [mine.pk]


def test_search_finds_words_in_title_summary_and_site(login, company, digital_manager):
    by_title = MentionFactory(company=company, title="Le flange di Officine Test")
    by_summary = MentionFactory(company=company, summary="Parlano delle valvole INOX")
    by_site = MentionFactory(company=company, source="corriere-veneto.example")
    MentionFactory(company=company, title="Altro")
    client = login(digital_manager)
    assert _ids(client.get(_url(company, "?q=flange"))) == [by_title.pk]
    assert _ids(client.get(_url(company, "?q=valvole+inox"))) == [by_summary.pk]
    assert _ids(client.get(_url(company, "?q=corriere"))) == [by_site.pk]
    assert "Nessuna menzione corrisponde" in client.get(_url(company, "?q=nulla")).content.decode()


def test_other_companies_mentions_are_never_shown(login, company, other_company, digital_manager):
    MentionFactory(company=other_company, title="Segreto di un'altra azienda")
    response = login(digital_manager).get(_url(company, "?status=all"))
    assert _ids(response) == []
    assert "Segreto" not in response.content.decode()


def test_an_empty_page_invites_to_add_a_feed(login, company, digital_manager):
    content = login(digital_manager).get(_url(company)).content.decode()
    assert "Aggiungi un feed" in content


def test_feeds_that_fail_are_shown_on_the_mentions_page(login, company, digital_manager):
    MentionFeedFactory(company=company, name="Alert rotto", last_error=FeedProblem.TIMEOUT, last_error_detail="10 s")
    MentionFeedFactory(company=company, name="Spento", is_active=False, last_error=FeedProblem.BROKEN)
    content = login(digital_manager).get(_url(company)).content.decode()
    assert "Alert rotto" in content
    assert "Il sito non ha risposto in tempo." in content
    warning = content.split('class="alert alert-warning"')[1].split("</div>")[0]
    assert "Alert rotto" in warning
    assert "Spento" not in warning


@pytest.mark.parametrize(
    ("status", "label"), [("handled", "gestita"), ("dismissed", "scartata"), ("new", "tra le nuove")]
)
def test_a_mention_can_be_handled_dismissed_or_made_new_again(login, company, digital_manager, status, label):
    mention = MentionFactory(company=company, status=Status.HANDLED if status == "new" else Status.NEW)
    client = login(digital_manager)
    response = client.post(_url(company, f"{mention.pk}/status/?q=x&page=2"), {"status": status})
    assert response.status_code == 302
    assert response["Location"] == _url(company, "?q=x&page=2")
    mention.refresh_from_db()
    assert mention.status == status
    assert mention.status_changed_by == digital_manager
    assert mention.status_changed_at
    followed = client.get(response["Location"])
    assert label in " ".join(str(m) for m in followed.context["messages"])


def test_an_unknown_status_changes_nothing(login, company, digital_manager):
    mention = MentionFactory(company=company)
    response = login(digital_manager).post(_url(company, f"{mention.pk}/status/"), {"status": "deleted"}, follow=True)
    assert "Non è stato cambiato nulla" in response.content.decode()
    mention.refresh_from_db()
    assert mention.status == Status.NEW


def test_a_mention_becomes_a_conversation_that_notes_its_address(login, company, digital_manager):
    mention = MentionFactory(
        company=company,
        title="Officine Test citata dal Giornale",
        source="Il Giornale di Vicenza",
        summary="L'azienda investe 4 milioni nel nuovo stabilimento di Vicenza e assume trenta persone.",
    )
    response = login(digital_manager).post(_url(company, f"{mention.pk}/conversation/"))
    conversation = Conversation.objects.for_company(company).get()
    assert response.status_code == 302
    assert response["Location"] == f"/c/{company.slug}/inbox/{conversation.pk}/"
    assert conversation.subject == "Officine Test citata dal Giornale"
    assert conversation.referrer == mention.link
    assert conversation.contact.name == "Il Giornale di Vicenza"
    message = conversation.messages.get()
    assert mention.link in message.body_text
    assert f'href="{mention.link}"' in message.body_html
    assert conversation.language == "it"
    mention.refresh_from_db()
    assert mention.conversation == conversation
    assert mention.conversation_opened_at
    assert mention.status == Status.HANDLED
    page = login(digital_manager).get(response["Location"])
    assert mention.link in page.content.decode()


def test_a_mention_becomes_a_conversation_only_once(login, company, digital_manager):
    mention = MentionFactory(company=company)
    client = login(digital_manager)
    first = client.post(_url(company, f"{mention.pk}/conversation/"))
    second = client.post(_url(company, f"{mention.pk}/conversation/"))
    assert first["Location"] == second["Location"]
    assert Conversation.objects.count() == 1


def test_a_dismissed_mention_stays_dismissed_when_turned_into_a_conversation(login, company, consultant):
    mention = MentionFactory(company=company, status=Status.DISMISSED)
    login(consultant).post(_url(company, f"{mention.pk}/conversation/"))
    mention.refresh_from_db()
    assert mention.status == Status.DISMISSED
    assert mention.conversation_id


def test_a_mention_becomes_a_content_idea_once(login, company, digital_manager):
    mention = MentionFactory(company=company, title="Fiera MECSPE: ci siamo anche noi", source="fiere.example.net")
    client = login(digital_manager)
    response = client.post(_url(company, f"{mention.pk}/idea/?status=all"))
    assert response.status_code == 302
    assert response["Location"] == _url(company, "?status=all")
    idea = ContentItem.objects.filter(company=company).get()
    assert idea.status == ContentItem.Status.IDEA
    assert idea.title == mention.title
    assert idea.source_url == mention.link
    assert mention.summary in idea.brief
    assert idea.author == digital_manager
    mention.refresh_from_db()
    assert mention.content_idea_id == idea.pk
    assert mention.status == Status.HANDLED
    client.post(_url(company, f"{mention.pk}/idea/"))
    assert ContentItem.objects.filter(company=company).count() == 1
    listing = client.get(_url(company, "?status=all")).content.decode()
    assert f'href="/c/{company.slug}/calendar/items/{idea.pk}/"' in listing


def test_the_owner_sees_no_conversation_or_idea_buttons_and_may_not_use_them(login, company, owner):
    mention = MentionFactory(company=company)
    client = login(owner)
    content = client.get(_url(company)).content.decode()
    assert "Apri una conversazione" not in content
    assert "idea per i contenuti" not in content
    assert client.post(_url(company, f"{mention.pk}/conversation/")).status_code == 403
    assert client.post(_url(company, f"{mention.pk}/idea/")).status_code == 403
    assert client.post(_url(company, f"{mention.pk}/status/"), {"status": "handled"}).status_code == 302


def test_the_digital_manager_sees_every_action(login, company, digital_manager):
    MentionFactory(company=company)
    content = login(digital_manager).get(_url(company)).content.decode()
    for label in ("Segna come gestita", "Scarta", "Apri una conversazione", "Trasformala in idea per i contenuti"):
        assert label in content


@pytest.mark.parametrize("action", ["status/", "conversation/", "idea/"])
def test_a_mention_of_another_company_is_not_found(login, company, other_company, digital_manager, action):
    theirs = MentionFactory(company=other_company)
    response = login(digital_manager).post(_url(company, f"{theirs.pk}/{action}"), {"status": "dismissed"})
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == Status.NEW
    assert theirs.conversation_id is None
    assert theirs.content_idea_id is None


def test_a_colleague_may_not_see_the_mentions(login, company, colleague):
    assert login(colleague).get(_url(company)).status_code == 403


def test_an_outsider_gets_404(login, company, outsider):
    assert login(outsider).get(_url(company)).status_code == 404


def _populate(company, count):
    feeds = MentionFeedFactory.create_batch(3, company=company)
    for i in range(count):
        MentionFactory(company=company, feed=feeds[i % 3], status=Status.NEW if i % 4 else Status.HANDLED)


@pytest.mark.parametrize("role", [Role.DIGITAL_MANAGER, Role.OWNER])
def test_list_query_count_does_not_grow_with_mentions_or_feeds(
    login, company, users_by_role, role, django_assert_max_num_queries
):
    _populate(company, 5)
    client = login(users_by_role[role])
    # session, user, membership+company, feeds (filter choices and failing feeds), count of the
    # mentions, the page of mentions with their feed, switcher memberships, and on the first
    # visit the session update with its savepoints
    budget = 10
    with django_assert_max_num_queries(budget):
        assert client.get(_url(company, "?status=all&q=Officine")).status_code == 200
    _populate(company, 50)
    MentionFeedFactory.create_batch(20, company=company, last_error=FeedProblem.BROKEN)
    with django_assert_max_num_queries(budget):
        response = client.get(_url(company, "?status=all&q=Officine"))
    assert len(response.context["rows"]) == PAGE_SIZE


def test_the_inbox_links_to_the_mentions_for_those_who_may_see_them(login, company, digital_manager, colleague):
    link = f'href="{_url(company)}"'
    assert link in login(digital_manager).get(f"/c/{company.slug}/inbox/").content.decode()
    assert link not in login(colleague).get(f"/c/{company.slug}/inbox/").content.decode()
