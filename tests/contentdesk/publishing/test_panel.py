"""The publishing panel on the item page: tracked link, attributed enquiries, results."""

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from contentdesk.models import ContentItem
from contentdesk.publishing.panel import item_panel_context
from engagements.models import Membership
from tests.contentdesk.factories import ContentItemFactory
from tests.inbox.factories import ConversationFactory, IntakeChannelFactory

S = ContentItem.Status


def page(item):
    return f"/c/{item.company.slug}/calendar/items/{item.pk}/"


@pytest.fixture
def website(company):
    return IntakeChannelFactory(
        company=company, allowed_origins="https://www.officine-test.example\nhttps://shop.example"
    )


@pytest.fixture
def post(company, linkedin):
    return ContentItemFactory(company=company, channel=linkedin, published=True, reach=1234, clicks=56)


def test_the_item_page_shows_the_tracked_link_to_the_company_website(login, digital_manager, post, website):
    content = login(digital_manager).get(page(post)).content.decode()
    assert (
        "https://www.officine-test.example/?utm_source=linkedin&amp;utm_medium=social"
        f"&amp;utm_campaign=staffetta&amp;utm_content=sf-{post.pk}"
    ) in content
    assert 'data-copy="#tracked-url-' in content
    assert "contentdesk/publishing.js" in content


def test_without_a_known_website_the_panel_asks_for_the_page(login, digital_manager, post):
    content = login(digital_manager).get(page(post)).content.decode()
    assert f'id="tracked-url-{post.pk}"' not in content
    assert 'name="destination" id="link-destination' in content


def test_the_panel_counts_enquiries_and_links_them_for_the_inbox(login, company, digital_manager, post):
    conversations = ConversationFactory.create_batch(2, company=company, utm_content=post.utm_content)
    content = login(digital_manager).get(page(post)).content.decode()
    assert '<span class="fs-4 fw-semibold">2</span>' in content
    for conversation in conversations:
        assert f"/c/{company.slug}/inbox/{conversation.pk}/" in content


def test_a_colleague_sees_the_count_but_opens_only_what_is_routed_to_them(login, company, colleague, post):
    routed = ConversationFactory(company=company, utm_content=post.utm_content, routed_to=colleague)
    other = ConversationFactory(company=company, utm_content=post.utm_content)
    content = login(colleague).get(page(post)).content.decode()
    assert '<span class="fs-4 fw-semibold">2</span>' in content
    assert f"/inbox/{routed.pk}/" in content
    assert f"/inbox/{other.pk}/" not in content


def test_writers_get_the_results_form_on_a_published_item(login, digital_manager, owner, post):
    assert 'name="results-reach"' in login(digital_manager).get(page(post)).content.decode()
    assert 'name="results-reach"' not in login(owner).get(page(post)).content.decode()


def test_an_unpublished_item_has_no_results_form(login, company, linkedin, digital_manager):
    draft = ContentItemFactory(company=company, channel=linkedin, status=S.DRAFT)
    content = login(digital_manager).get(page(draft)).content.decode()
    assert 'name="results-reach"' not in content


def test_results_are_shown_with_the_thousands_separator(login, owner, post):
    assert "1.234" in login(owner).get(page(post)).content.decode()


def test_another_destination_builds_the_link_for_htmx(login, company, digital_manager, post):
    url = f"/c/{company.slug}/calendar/items/{post.pk}/link/"
    response = login(digital_manager).get(url, {"destination": "https://shop.example/p?id=7"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    content = response.content.decode()
    assert "<html" not in content
    assert "https://shop.example/p?id=7&amp;utm_source=linkedin" in content


def test_a_bad_destination_says_why_and_keeps_what_was_typed(login, company, digital_manager, post):
    url = f"/c/{company.slug}/calendar/items/{post.pk}/link/"
    content = login(digital_manager).get(url, {"destination": "not an address"}).content.decode()
    assert 'value="not an address"' in content
    assert "is-invalid" in content
    assert "<html" in content  # without htmx: a page of its own


def test_the_link_of_another_companys_item_is_404(login, outsider, post):
    assert login(outsider).get(f"/c/altra-azienda/calendar/items/{post.pk}/link/").status_code == 404


@pytest.mark.parametrize("count", [2, 20])
def test_panel_query_count_does_not_grow_with_enquiries(
    company, digital_manager, post, website, count, django_assert_max_num_queries
):
    ConversationFactory.create_batch(count, company=company, utm_content=post.utm_content)
    membership = Membership.objects.get(company=company, user=digital_manager)
    post = ContentItem.objects.select_related("channel", "company").get(pk=post.pk)
    # 1 the company website, 2 the count of attributed enquiries, 3 the latest few with their contact.
    with django_assert_max_num_queries(3):
        context = item_panel_context(post, membership)
        request = RequestFactory().get("/")
        html = render_to_string(
            "contentdesk/publishing/_item_panel.html", {**context, "current_company": company}, request=request
        )
    assert "utm_content=sf-" in html
