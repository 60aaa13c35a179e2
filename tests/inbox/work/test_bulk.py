"""Bulk actions on the checked rows of the list."""

from django.utils import timezone

from inbox.models import Conversation
from tests.inbox.work.factories import ConversationFactory, TagFactory

Status = Conversation.Status


def _bulk(client, company, data, query=""):
    return client.post(f"/c/{company.slug}/inbox/bulk/{query}", data)


def _statuses(conversations):
    return [Conversation.objects.get(pk=c.pk).status for c in conversations]


def test_assign_to_me_assigns_every_checked_conversation_and_opens_new_ones(login, company, digital_manager):
    checked = ConversationFactory.create_batch(2, company=company, status=Status.NEW)
    unchecked = ConversationFactory(company=company)
    response = _bulk(login(digital_manager), company, {"bulk-ids": [c.pk for c in checked], "bulk-action": "assign_me"})
    assert response.status_code == 302
    for conversation in checked:
        conversation.refresh_from_db()
        assert conversation.assignee == digital_manager
        assert conversation.status == Status.OPEN
    unchecked.refresh_from_db()
    assert unchecked.assignee is None


def test_assign_to_a_member(login, company, digital_manager, consultant):
    conversation = ConversationFactory(company=company)
    _bulk(
        login(digital_manager),
        company,
        {"bulk-ids": [conversation.pk], "bulk-action": "assign", "bulk-assignee": consultant.pk},
    )
    conversation.refresh_from_db()
    assert conversation.assignee == consultant


def test_set_status_resolves_with_the_resolution_time(login, company, digital_manager):
    conversations = ConversationFactory.create_batch(3, company=company)
    _bulk(
        login(digital_manager),
        company,
        {"bulk-ids": [c.pk for c in conversations], "bulk-action": "status", "bulk-status": "resolved"},
    )
    for conversation in conversations:
        conversation.refresh_from_db()
        assert conversation.status == Status.RESOLVED
        assert conversation.resolved_at is not None


def test_add_tag_creates_the_tag_once_and_keeps_existing_ones(login, company, digital_manager):
    tag = TagFactory(company=company, name="Fiera")
    tagged = ConversationFactory(company=company, tags=[tag])
    untagged = ConversationFactory(company=company)
    client = login(digital_manager)
    _bulk(client, company, {"bulk-ids": [tagged.pk, untagged.pk], "bulk-action": "tag", "bulk-tag": "fiera"})
    _bulk(client, company, {"bulk-ids": [untagged.pk], "bulk-action": "tag", "bulk-tag": "nuovo"})
    assert list(tagged.tags.all()) == [tag]
    assert sorted(t.name for t in untagged.tags.all()) == ["Fiera", "nuovo"]


def test_mark_spam(login, company, digital_manager):
    conversations = ConversationFactory.create_batch(2, company=company)
    _bulk(login(digital_manager), company, {"bulk-ids": [c.pk for c in conversations], "bulk-action": "spam"})
    assert _statuses(conversations) == [Status.SPAM, Status.SPAM]


def test_ids_of_another_company_are_ignored(login, company, other_company, digital_manager):
    mine = ConversationFactory(company=company)
    foreign = ConversationFactory(company=other_company)
    response = _bulk(
        login(digital_manager), company, {"bulk-ids": [mine.pk, foreign.pk, "junk"], "bulk-action": "spam"}
    )
    assert response.status_code == 302
    assert _statuses([mine, foreign]) == [Status.SPAM, Status.NEW]


def test_only_foreign_ids_change_nothing(login, company, other_company, digital_manager):
    foreign = ConversationFactory(company=other_company)
    response = _bulk(login(digital_manager), company, {"bulk-ids": [foreign.pk], "bulk-action": "spam"}, "?status=all")
    assert response.status_code == 302
    assert _statuses([foreign]) == [Status.NEW]


def test_the_filters_are_kept_after_the_action(login, company, digital_manager):
    conversation = ConversationFactory(company=company, department="sales")
    response = _bulk(
        login(digital_manager),
        company,
        {"bulk-ids": [conversation.pk], "bulk-action": "assign_me"},
        "?department=sales&status=all&evil=https://example.com",
    )
    assert response["Location"] == f"/c/{company.slug}/inbox/?status=all&department=sales"


def test_bad_bulk_input_answers_400_with_the_reason_and_keeps_the_selection(login, company, digital_manager):
    conversation = ConversationFactory(company=company)
    client = login(digital_manager)
    nothing_checked = _bulk(client, company, {"bulk-action": "spam"})
    assert nothing_checked.status_code == 400
    assert "Seleziona almeno una conversazione" in nothing_checked.content.decode()
    no_status = _bulk(client, company, {"bulk-ids": [conversation.pk], "bulk-action": "status"})
    assert no_status.status_code == 400
    assert conversation.pk in no_status.context["selected"]
    assert _bulk(client, company, {"bulk-ids": [conversation.pk], "bulk-action": "explode"}).status_code == 400
    assert _bulk(client, company, {}).status_code == 400
    assert _statuses([conversation]) == [Status.NEW]


def test_colleagues_and_owners_have_no_bulk_actions(login, company, colleague, owner):
    conversation = ConversationFactory(company=company, routed_to=colleague)
    for user in (colleague, owner):
        response = _bulk(login(user), company, {"bulk-ids": [conversation.pk], "bulk-action": "spam"})
        assert response.status_code == 403
    assert _statuses([conversation]) == [Status.NEW]


def test_bulk_keeps_the_activity_order_stable(login, company, digital_manager):
    moment = timezone.now()
    conversation = ConversationFactory(company=company, last_activity_at=moment)
    _bulk(login(digital_manager), company, {"bulk-ids": [conversation.pk], "bulk-action": "assign_me"})
    conversation.refresh_from_db()
    assert conversation.last_activity_at == moment
