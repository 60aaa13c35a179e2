"""The inbox list: filters, newest-activity order, keyset pages, what a row shows, who sees what."""

from datetime import timedelta

import pytest
from django.utils import timezone

from engagements.roles import Role
from inbox.models import Conversation, Message
from inbox.selectors import PAGE_SIZE, Cursor
from tests.factories import MembershipFactory, UserFactory
from tests.inbox.work.factories import (
    ContactFactory,
    ConversationFactory,
    IntakeChannelFactory,
    MessageFactory,
    TagFactory,
    enquiry,
)

Status = Conversation.Status


def _url(company, query=""):
    return f"/c/{company.slug}/inbox/{query}"


def _ids(response):
    return [row.pk for row in response.context["page"].rows]


def test_the_default_list_shows_new_open_and_waiting_but_not_resolved_or_spam(login, company, digital_manager):
    shown = [
        ConversationFactory(company=company, status=s) for s in ("new", "open", "waiting_customer", "waiting_colleague")
    ]
    ConversationFactory(company=company, status=Status.RESOLVED)
    ConversationFactory(company=company, status=Status.SPAM)
    assert set(_ids(login(digital_manager).get(_url(company)))) == {c.pk for c in shown}


@pytest.mark.parametrize("status", ["resolved", "spam", "new"])
def test_the_status_filter_shows_one_status(login, company, digital_manager, status):
    wanted = ConversationFactory(company=company, status=status)
    ConversationFactory(company=company, status=Status.OPEN if status != "open" else Status.NEW)
    assert _ids(login(digital_manager).get(_url(company, f"?status={status}"))) == [wanted.pk]


def test_every_status_shows_everything(login, company, digital_manager):
    for status in Status.values:
        ConversationFactory(company=company, status=status)
    assert len(_ids(login(digital_manager).get(_url(company, "?status=all")))) == len(Status.values)


def test_filters_by_channel_assignee_department_and_tag(login, company, digital_manager, consultant):
    webhook = IntakeChannelFactory(company=company, kind="webhook", name="CRM")
    tag = TagFactory(company=company, name="inox")
    by_channel = ConversationFactory(company=company, channel=webhook)
    by_assignee = ConversationFactory(company=company, assignee=consultant)
    by_department = ConversationFactory(company=company, department="rnd")
    by_tag = ConversationFactory(company=company, tags=[tag])
    client = login(digital_manager)
    assert _ids(client.get(_url(company, f"?channel={webhook.pk}"))) == [by_channel.pk]
    assert _ids(client.get(_url(company, f"?assignee={consultant.pk}"))) == [by_assignee.pk]
    assert _ids(client.get(_url(company, "?department=rnd"))) == [by_department.pk]
    assert _ids(client.get(_url(company, f"?tag={tag.pk}"))) == [by_tag.pk]


def test_mine_and_unassigned(login, company, digital_manager, consultant):
    mine = ConversationFactory(company=company, assignee=digital_manager)
    ConversationFactory(company=company, assignee=consultant)
    nobody = ConversationFactory(company=company, assignee=None)
    client = login(digital_manager)
    assert _ids(client.get(_url(company, "?mine=1"))) == [mine.pk]
    assert _ids(client.get(_url(company, "?unassigned=1"))) == [nobody.pk]


def test_sla_filters_are_at_risk_within_the_hour_and_breached_past_due(login, company, digital_manager, settings):
    now = timezone.now()
    at_risk = ConversationFactory(company=company, first_response_due_at=now + timedelta(minutes=20))
    breached = ConversationFactory(company=company, first_response_due_at=now - timedelta(minutes=5))
    on_time = ConversationFactory(company=company, first_response_due_at=now + timedelta(days=20))
    ConversationFactory(company=company, first_response_due_at=now - timedelta(hours=1), first_response_at=now)
    ConversationFactory(company=company, first_response_due_at=now - timedelta(hours=1), status=Status.SPAM)
    client = login(digital_manager)
    assert _ids(client.get(_url(company, "?sla=at_risk"))) == [at_risk.pk]
    assert _ids(client.get(_url(company, "?sla=breached"))) == [breached.pk]
    assert set(_ids(client.get(_url(company, "?sla=attention")))) == {at_risk.pk, breached.pk}
    response = client.get(_url(company))
    badges = {row.pk: row.sla for row in response.context["page"].rows}
    assert badges[at_risk.pk] == "at_risk"
    assert badges[breached.pk] == "breached"
    assert badges[on_time.pk] == "on_time"


def test_rows_come_newest_activity_first(login, company, digital_manager):
    now = timezone.now()
    old = ConversationFactory(company=company, last_activity_at=now - timedelta(days=2))
    recent = ConversationFactory(company=company, last_activity_at=now - timedelta(minutes=1))
    middle = ConversationFactory(company=company, last_activity_at=now - timedelta(hours=3))
    assert _ids(login(digital_manager).get(_url(company))) == [recent.pk, middle.pk, old.pk]


def test_keyset_pages_have_no_duplicates_or_omissions_with_equal_timestamps(login, company, digital_manager):
    same_moment = timezone.now() - timedelta(hours=1)
    expected = [ConversationFactory(company=company, last_activity_at=same_moment).pk for _ in range(PAGE_SIZE + 7)]
    newer = ConversationFactory(company=company).pk
    expected = [newer, *sorted(expected, reverse=True)]
    client = login(digital_manager)
    seen, url, pages = [], _url(company), 0
    while url:
        response = client.get(url)
        seen.extend(_ids(response))
        url = response.context["next_page_url"]
        pages += 1
    assert seen == expected
    assert pages == 2


def test_next_page_link_keeps_the_filters_and_first_page_link_drops_the_cursor(login, company, digital_manager):
    for _ in range(PAGE_SIZE + 1):
        ConversationFactory(company=company, department="sales")
    response = login(digital_manager).get(_url(company, "?department=sales"))
    next_url = response.context["next_page_url"]
    assert "department=sales" in next_url
    assert "after=" in next_url
    second = login(digital_manager).get(next_url)
    assert len(_ids(second)) == 1
    assert second.context["first_page_url"] == _url(company, "?department=sales")
    assert "Prima pagina" in second.content.decode()


def test_a_broken_cursor_or_filter_shows_the_first_page(login, company, digital_manager):
    conversation = ConversationFactory(company=company)
    client = login(digital_manager)
    for query in ("?after=not-a-cursor", "?after=%%%", "?channel=abc", "?tag=999999", "?status=nonsense"):
        response = client.get(_url(company, query))
        assert response.status_code == 200
        assert _ids(response) == [conversation.pk]


def test_cursor_round_trips():
    cursor = Cursor(timezone.now(), 42)
    assert Cursor.decode(cursor.encode()) == cursor
    assert Cursor.decode("") is None
    assert Cursor.decode("MjAyNnww") is None  # "2026|0"


def test_a_row_shows_contact_subject_excerpt_tags_badges_and_assignee(login, company, digital_manager):
    contact = ContactFactory(
        company=company, name="Maria Bianchi", email="maria@bianchi.it", organisation="Bianchi Srl"
    )
    tag = TagFactory(company=company, name="flange")
    conversation = ConversationFactory(
        company=company, contact=contact, subject="Flange DN100", tags=[tag], priority=3, assignee=digital_manager
    )
    MessageFactory(conversation=conversation, body_text="Primo messaggio")
    MessageFactory(
        conversation=conversation,
        body_text="Ultimo messaggio " + "lungo " * 100,
        created_at=conversation.created_at + timedelta(minutes=5),
    )
    content = login(digital_manager).get(_url(company)).content.decode()
    for text in ("Maria Bianchi", "maria@bianchi.it", "Bianchi Srl", "Flange DN100", "Ultimo messaggio", "flange"):
        assert text in content
    assert "Primo messaggio" not in content
    assert "Urgente" in content
    assert digital_manager.display_name in content
    assert "bi-window" in content  # the website form's icon
    assert f"/c/{company.slug}/inbox/{conversation.pk}/" in content


def test_new_conversations_are_marked_new(login, company, digital_manager):
    enquiry(company, status=Status.NEW)
    content = login(digital_manager).get(_url(company)).content.decode()
    assert "is-new" in content
    assert "new-dot" in content


def test_colleague_sees_only_what_is_routed_to_them_and_no_bulk_actions(login, company, colleague, digital_manager):
    routed = ConversationFactory(company=company, routed_to=colleague, department="sales")
    ConversationFactory(company=company, routed_to=digital_manager)
    ConversationFactory(company=company)
    response = login(colleague).get(_url(company, "?status=all"))
    assert _ids(response) == [routed.pk]
    assert response.context["bulk_form"] is None
    assert "bulk-form" not in response.content.decode()


def test_colleague_with_nothing_routed_sees_an_empty_list(login, company, colleague):
    ConversationFactory(company=company)
    response = login(colleague).get(_url(company))
    assert _ids(response) == []
    assert "Niente da fare" in response.content.decode()


def test_owner_reads_the_list_without_bulk_actions(login, company, owner):
    conversation = ConversationFactory(company=company)
    response = login(owner).get(_url(company))
    assert _ids(response) == [conversation.pk]
    assert response.context["bulk_form"] is None


def test_the_list_never_shows_another_companys_conversations(login, company, other_company, digital_manager):
    ConversationFactory(company=other_company)
    assert _ids(login(digital_manager).get(_url(company, "?status=all"))) == []


def test_the_list_is_in_italian(login, company, digital_manager):
    ConversationFactory(company=company)
    content = login(digital_manager).get(_url(company)).content.decode()
    assert "Posta in arrivo" in content
    assert "Aperte e in attesa" in content
    assert "Assegna a me" in content


def test_the_list_is_in_english_for_an_english_user(login, company, digital_manager):
    digital_manager.language = "en"
    digital_manager.save()
    ConversationFactory(company=company)
    content = login(digital_manager).get(_url(company)).content.decode()
    assert "Open and waiting" in content
    assert "Assign to me" in content


def _populate(company, users, n, tags_each=2):
    tags = [TagFactory(company=company) for _ in range(tags_each)]
    channel = IntakeChannelFactory(company=company)
    for i in range(n):
        conversation = ConversationFactory(
            company=company, channel=channel, tags=tags, assignee=users[i % len(users)], routed_to=users[-1]
        )
        for _ in range(3):
            MessageFactory(conversation=conversation)


@pytest.mark.parametrize("role", [Role.DIGITAL_MANAGER, Role.COLLEAGUE])
def test_list_query_count_does_not_grow_with_conversations_messages_or_tags(
    login, company, users_by_role, role, django_assert_max_num_queries
):
    users = [users_by_role[Role.DIGITAL_MANAGER], users_by_role[Role.COLLEAGUE]]
    _populate(company, users, 3)
    client = login(users_by_role[role])
    # session, user, membership+company, SLA calendar (business hours, presence periods),
    # conversations with contact/assignee/channel and the last message, their tags,
    # filter choices (channels, assignees, tags), bulk choices (assignees), switcher memberships,
    # the quarantined emails' count (work roles), and on the first visit the session update
    # with its two savepoints
    budget = 16
    with django_assert_max_num_queries(budget):
        assert client.get(_url(company, "?status=all")).status_code == 200
    _populate(company, users, 30, tags_each=20)
    MembershipFactory(company=company, role=Role.DIGITAL_MANAGER, user=UserFactory())
    with django_assert_max_num_queries(budget):
        response = client.get(_url(company, "?status=all"))
    assert len(response.context["page"].rows) == PAGE_SIZE


def test_the_list_fetches_no_messages_beyond_the_excerpt(
    login, company, digital_manager, django_assert_max_num_queries
):
    conversation = ConversationFactory(company=company)
    MessageFactory.create_batch(30, conversation=conversation)
    client = login(digital_manager)
    with django_assert_max_num_queries(16) as captured:
        client.get(_url(company))
    message_table = Message._meta.db_table
    assert not any(f'FROM "{message_table}"' in q["sql"].split("(SELECT")[0] for q in captured.captured_queries)


def test_the_row_excerpt_skips_the_automatic_acknowledgement(login, company, digital_manager):
    conversation = enquiry(company, body="Mi serve il certificato 3.1 per le valvole DN40.")
    MessageFactory(
        conversation=conversation,
        direction=Message.Direction.OUT,
        is_automatic=True,
        body_text="Gentile cliente, abbiamo ricevuto la Sua richiesta.",
        created_at=conversation.created_at + timedelta(minutes=1),
    )
    content = login(digital_manager).get(_url(company)).content.decode()
    assert "Mi serve il certificato 3.1" in content
    assert "abbiamo ricevuto la Sua richiesta" not in content
