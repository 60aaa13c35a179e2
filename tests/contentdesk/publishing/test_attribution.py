"""Enquiries that arrive through an item's tracked link are counted for the item."""

import json
import re
from datetime import timedelta
from html import unescape

import pytest
from django.utils import timezone

from contentdesk.models import ContentItem
from contentdesk.publishing.attribution import (
    attributed_conversations,
    attributed_enquiries_by_item,
    attributed_enquiries_total,
)
from contentdesk.publishing.utm import item_tracked_url
from inbox.models import Conversation
from tests.contentdesk.factories import ContentItemFactory
from tests.inbox.factories import ConversationFactory, IntakeChannelFactory

ORIGIN = "https://www.officine-test.example"


@pytest.fixture
def form_channel(company):
    return IntakeChannelFactory(company=company, name="Sito web", allowed_origins=ORIGIN)


@pytest.fixture
def post(company, linkedin):
    return ContentItemFactory(company=company, channel=linkedin, published=True, tag="Fiera MECSPE")


def _hidden_fields(html: str) -> dict:
    return {
        name: unescape(value)
        for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html)
    }


def test_an_enquiry_sent_from_the_tracked_link_is_counted_for_the_item(client, company, post, form_channel):
    # The visitor follows the post's link to the hosted form; the form keeps the UTM tags.
    link = item_tracked_url(post, f"{ORIGIN}/valvole/")
    query = link.split("?", 1)[1]
    page = client.get(f"/in/{form_channel.public_key}/form/?{query}").content.decode()
    data = {
        **_hidden_fields(page),
        "name": "Anna Rossi",
        "email": "anna@rossi.example",
        "message": "Vorrei un preventivo per 20 valvole DN50.",
        "consent": "on",
    }
    assert data["utm_content"] == post.utm_content

    response = client.post(f"/in/{form_channel.public_key}/submit/", data)

    assert response.status_code == 303
    conversation = Conversation.objects.for_company(company).get()
    assert conversation.utm_content == post.utm_content
    assert list(attributed_conversations(company, post)) == [conversation]
    assert attributed_enquiries_by_item(company, ContentItem.objects.filter(pk=post.pk)).get().attributed_enquiries == 1


def test_an_enquiry_from_the_snippet_on_the_website_is_counted(client, company, post, form_channel):
    payload = {
        "name": "Marco Bianchi",
        "email": "marco@bianchi.example",
        "message": "Avete valvole in ottone?",
        "consent": True,
        "landing_page": item_tracked_url(post, f"{ORIGIN}/ottone/"),
        "utm_source": "linkedin",
        "utm_medium": "social",
        "utm_campaign": "fiera-mecspe",
        "utm_content": post.utm_content,
    }
    response = client.post(
        f"/in/{form_channel.public_key}/submit/",
        json.dumps(payload),
        content_type="application/json",
        HTTP_ORIGIN=ORIGIN,
    )
    assert response.status_code == 200
    assert attributed_conversations(company, post).count() == 1


def test_spam_and_other_companies_conversations_are_not_counted(company, other_company, post):
    ConversationFactory(company=company, utm_content=post.utm_content)
    ConversationFactory(company=company, utm_content=post.utm_content, status=Conversation.Status.SPAM)
    ConversationFactory(company=other_company, utm_content=post.utm_content)
    ConversationFactory(company=company, utm_content="sf-999999")

    counted = attributed_enquiries_by_item(company, ContentItem.objects.all())

    assert {item.pk: item.attributed_enquiries for item in counted} == {post.pk: 1}
    assert attributed_enquiries_total(company) == 1


def test_items_without_enquiries_count_zero(company, linkedin):
    items = ContentItemFactory.create_batch(3, company=company, channel=linkedin)
    counted = attributed_enquiries_by_item(company, ContentItem.objects.filter(pk__in=[i.pk for i in items]))
    assert [item.attributed_enquiries for item in counted] == [0, 0, 0]


@pytest.mark.parametrize("count", [3, 30])
def test_the_count_per_item_is_one_query(company, linkedin, count, django_assert_num_queries):
    items = ContentItemFactory.create_batch(count, company=company, channel=linkedin, published=True)
    for item in items:
        ConversationFactory(company=company, utm_content=item.utm_content)
    # One SELECT of the items with a correlated COUNT of their conversations.
    with django_assert_num_queries(1):
        counted = {i.pk: i.attributed_enquiries for i in attributed_enquiries_by_item(company, ContentItem.objects)}
    assert counted == {item.pk: 1 for item in items}


def test_the_total_respects_the_period(company, post):
    now = timezone.now()
    ConversationFactory(company=company, utm_content=post.utm_content, created_at=now - timedelta(days=40))
    ConversationFactory(company=company, utm_content=post.utm_content, created_at=now - timedelta(days=5))
    assert attributed_enquiries_total(company, start=now - timedelta(days=30), end=now) == 1
    assert attributed_enquiries_total(company) == 2
