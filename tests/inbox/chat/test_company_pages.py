"""The chat's settings page and the polls that keep the inbox list and the conversation page live."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from engagements.roles import Role
from inbox.models import Conversation, IntakeChannel, Message
from tests.inbox.chat.factories import ChatChannelFactory
from tests.inbox.factories import ConversationFactory, IntakeChannelFactory, MessageFactory


def settings_url(company, path=""):
    return f"/c/{company.slug}/inbox/chat/{path}"


# --- the settings page -----------------------------------------------------------------------


def test_the_chat_is_switched_on_once_with_the_websites_of_the_form(login, company, owner):
    IntakeChannelFactory(company=company, allowed_origins="https://www.officine-test.example")
    client = login(owner)
    assert "Attiva la chat dal vivo" in client.get(settings_url(company)).content.decode()

    response = client.post(settings_url(company, "switch-on/"))
    client.post(settings_url(company, "switch-on/"))

    assert response.status_code == 302
    channel = IntakeChannel.objects.get(company=company, kind=IntakeChannel.Kind.CHAT)
    assert channel.origins == ["https://www.officine-test.example"]
    assert channel.auto_acknowledge is False
    page = client.get(settings_url(company)).content.decode()
    assert f"/in/chat/{channel.public_key}/widget.js" in page
    assert f"/in/chat/{channel.public_key}/" in page


def test_a_wrong_website_address_is_explained_and_what_was_typed_stays(login, company, digital_manager):
    channel = ChatChannelFactory(company=company)

    response = login(digital_manager).post(
        settings_url(company, f"{channel.pk}/"),
        {"name": "Chat", "allowed_origins": "www.officine-test\nhttps://shop.officine-test.example", "is_active": "on"},
    )

    assert response.status_code == 400
    content = response.content.decode()
    assert "Non è un indirizzo di sito web: www.officine-test." in content
    assert "https://shop.officine-test.example" in content
    channel.refresh_from_db()
    assert channel.allowed_origins == "https://www.officine-test.example"


def test_the_settings_are_saved(login, company, digital_manager):
    channel = ChatChannelFactory(company=company)

    login(digital_manager).post(
        settings_url(company, f"{channel.pk}/"),
        {"name": "Chat officina", "allowed_origins": "https://shop.officine-test.example/", "is_active": ""},
    )

    channel.refresh_from_db()
    assert (channel.name, channel.allowed_origins, channel.is_active) == (
        "Chat officina",
        "https://shop.officine-test.example",
        False,
    )


def test_a_new_key_replaces_the_old_one(login, company, owner):
    channel = ChatChannelFactory(company=company)
    old = channel.public_key

    login(owner).post(settings_url(company, f"{channel.pk}/rotate-key/"))

    channel.refresh_from_db()
    assert channel.public_key != old


def test_another_companys_chat_cannot_be_changed(login, company, owner, other_company):
    foreign = ChatChannelFactory(company=other_company)

    response = login(owner).post(settings_url(company, f"{foreign.pk}/"), {"name": "Mia"})

    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.name != "Mia"


def test_a_colleague_may_not_open_the_settings(login, company, colleague):
    assert login(colleague).get(settings_url(company)).status_code == 403


@pytest.mark.parametrize("chats", [1, 10])
def test_the_settings_page_query_count_is_fixed(login, company, owner, django_assert_max_num_queries, chats):
    channel = ChatChannelFactory(company=company)
    ConversationFactory.create_batch(chats, company=company, channel=channel)
    client = login(owner)
    client.get(settings_url(company))
    # session, user, membership with company; chat channel with its number of chats; presence
    # periods and slots; business hours (no schedule); the form channel exists?; switcher
    # memberships
    with django_assert_max_num_queries(9):
        assert client.get(settings_url(company)).status_code == 200


# --- the conversation page refreshes its thread ------------------------------------------------


def poll_url(conversation, signature):
    return f"/c/{conversation.company.slug}/inbox/chat/conversations/{conversation.pk}/poll/?v={signature}"


def page_signature(client, conversation) -> str:
    page = client.get(f"/c/{conversation.company.slug}/inbox/{conversation.pk}/").content.decode()
    return re.search(r"/poll/\?v=([0-9.]+)", page).group(1)


def test_the_conversation_page_polls_and_refetches_its_thread_when_it_changes(login, company, digital_manager):
    conversation = ConversationFactory(company=company, channel=ChatChannelFactory(company=company))
    MessageFactory(conversation=conversation)
    client = login(digital_manager)
    signature = page_signature(client, conversation)

    unchanged = client.get(poll_url(conversation, signature), HTTP_HX_REQUEST="true")
    MessageFactory(conversation=conversation, body_text="Ci sono ancora?")
    changed = client.get(poll_url(conversation, signature), HTTP_HX_REQUEST="true")

    assert unchanged.status_code == 204
    assert changed.status_code == 200
    assert changed["HX-Trigger"] == "staffetta:thread-changed"
    assert page_signature(client, conversation) != signature


def test_an_answer_read_in_the_chat_changes_the_thread_too(login, company, digital_manager):
    conversation = ConversationFactory(company=company, channel=ChatChannelFactory(company=company))
    reply = MessageFactory(conversation=conversation, direction=Message.Direction.OUT, body_text="Sì.")
    client = login(digital_manager)
    signature = page_signature(client, conversation)
    assert "non ancora letta" in client.get(f"/c/{company.slug}/inbox/{conversation.pk}/").content.decode()

    Message.objects.filter(pk=reply.pk).update(sent_at=timezone.now())

    assert client.get(poll_url(conversation, signature)).status_code == 200
    assert "letta nella chat" in client.get(f"/c/{company.slug}/inbox/{conversation.pk}/").content.decode()


def test_a_colleague_polls_only_the_conversations_routed_to_them(login, company, colleague):
    mine = ConversationFactory(company=company, routed_to=colleague)
    other = ConversationFactory(company=company)
    client = login(colleague)

    assert client.get(poll_url(mine, "x")).status_code == 200
    assert client.get(poll_url(other, "x")).status_code == 404


def test_another_companys_conversation_answers_404(login, company, owner, other_company):
    foreign = ConversationFactory(company=other_company)

    response = login(owner).get(f"/c/{company.slug}/inbox/chat/conversations/{foreign.pk}/poll/?v=0.0.0")

    assert response.status_code == 404


@pytest.mark.parametrize("messages", [2, 20])
def test_the_conversation_poll_query_count_is_fixed(
    login, company, digital_manager, django_assert_max_num_queries, messages
):
    conversation = ConversationFactory(company=company)
    MessageFactory.create_batch(messages, conversation=conversation)
    client = login(digital_manager)
    client.get(poll_url(conversation, "x"))
    # session, user, membership with company; the conversation with the state of its thread
    with django_assert_max_num_queries(4):
        assert client.get(poll_url(conversation, "x")).status_code == 200


# --- the inbox list tells of new conversations ---------------------------------------------


def news_url(company, since, query=""):
    return f"/c/{company.slug}/inbox/chat/news/?since={since.timestamp()}{query}"


def test_the_list_announces_conversations_that_arrived_since_it_was_drawn(login, company, digital_manager):
    shown_at = timezone.now()
    ConversationFactory(company=company, created_at=shown_at - timedelta(minutes=5))
    client = login(digital_manager)
    assert client.get(news_url(company, shown_at)).content.decode().strip() == ""

    ConversationFactory(company=company, channel=ChatChannelFactory(company=company))
    ConversationFactory(company=company)
    ConversationFactory(company=company, status=Conversation.Status.SPAM)

    content = client.get(news_url(company, shown_at)).content.decode()
    assert "2 nuove conversazioni" in content
    assert f'href="/c/{company.slug}/inbox/"' in content


def test_the_announcement_follows_the_lists_filters(login, company, digital_manager):
    shown_at = timezone.now()
    ConversationFactory(company=company)

    content = login(digital_manager).get(news_url(company, shown_at, "&status=resolved")).content.decode()

    assert "nuov" not in content


def test_a_colleague_hears_only_of_conversations_routed_to_them(login, company, colleague):
    shown_at = timezone.now()
    ConversationFactory(company=company)
    ConversationFactory(company=company, routed_to=colleague)

    content = login(colleague).get(news_url(company, shown_at)).content.decode()

    assert "1 nuova conversazione" in content


def test_the_list_page_carries_the_poll(login, company, digital_manager):
    content = login(digital_manager).get(f"/c/{company.slug}/inbox/?status=all").content.decode()

    assert re.search(r'hx-get="/c/officine-test/inbox/chat/news/\?since=[0-9.]+&amp;status=all"', content)


def test_a_bad_since_is_ignored(login, company, digital_manager):
    response = login(digital_manager).get(f"/c/{company.slug}/inbox/chat/news/?since=ieri")
    assert response.status_code == 204


@pytest.mark.parametrize("conversations", [3, 30])
def test_the_news_poll_query_count_is_fixed(
    login, company, users_by_role, django_assert_max_num_queries, conversations
):
    shown_at = timezone.now()
    ConversationFactory.create_batch(conversations, company=company)
    for role in (Role.DIGITAL_MANAGER, Role.COLLEAGUE):
        client = login(users_by_role[role])
        client.get(news_url(company, shown_at))
        # session, user, membership with company; the count
        with django_assert_max_num_queries(4):
            assert client.get(news_url(company, shown_at)).status_code == 200
