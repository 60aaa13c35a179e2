"""POST /c/<slug>/calendar/items/<id>/results/: results typed in for a published item."""

import pytest

from contentdesk.models import ContentEvent, ContentItem
from engagements.roles import Role
from tests.contentdesk.factories import ContentItemFactory
from tests.factories import MembershipFactory

S = ContentItem.Status


def url(item):
    return f"/c/{item.company.slug}/calendar/items/{item.pk}/results/"


@pytest.fixture
def post(company, linkedin):
    return ContentItemFactory(company=company, channel=linkedin, published=True)


def test_the_digital_manager_records_results_and_goes_back_to_the_item(login, digital_manager, post):
    response = login(digital_manager).post(
        url(post), {"results-reach": "1.234", "results-clicks": "56", "results-enquiries": "2"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/c/{post.company.slug}/calendar/items/{post.pk}/"
    post.refresh_from_db()
    assert (post.reach, post.clicks, post.enquiries) == (1234, 56, 2)
    assert post.results_updated_at is not None
    event = ContentEvent.objects.get(item=post, kind=ContentEvent.Kind.RESULTS)
    assert event.by == digital_manager


def test_empty_fields_mean_not_known(login, digital_manager, post):
    login(digital_manager).post(url(post), {"results-reach": "800", "results-clicks": "", "results-enquiries": ""})
    post.refresh_from_db()
    assert (post.reach, post.clicks, post.enquiries) == (800, None, None)


@pytest.mark.parametrize(
    ("value", "message"),
    [("-3", "negativ"), ("tre", "non è un numero"), ("1,5", "senza decimali")],
)
def test_bad_numbers_are_refused_with_what_was_typed(login, digital_manager, post, value, message):
    response = login(digital_manager).post(
        url(post), {"results-reach": value, "results-clicks": "12", "results-enquiries": ""}
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert message in content
    assert f'value="{value}"' in content
    assert 'value="12"' in content
    post.refresh_from_db()
    assert post.reach is None


def test_results_of_an_unpublished_item_are_refused(login, company, linkedin, digital_manager):
    draft = ContentItemFactory(company=company, channel=linkedin, status=S.SCHEDULED)
    response = login(digital_manager).post(url(draft), {"results-reach": "10"})
    assert response.status_code == 400
    assert "pubblicato" in response.content.decode()
    draft.refresh_from_db()
    assert draft.reach is None


@pytest.mark.parametrize("role", [Role.OWNER, Role.COLLEAGUE])
def test_roles_that_do_not_write_may_not_record_results(login, users_by_role, post, role):
    assert login(users_by_role[role]).post(url(post), {"results-reach": "10"}).status_code == 403
    post.refresh_from_db()
    assert post.reach is None


def test_another_companys_item_is_404(login, other_company, post):
    writer = MembershipFactory(company=other_company, role=Role.DIGITAL_MANAGER).user
    response = login(writer).post(f"/c/altra-azienda/calendar/items/{post.pk}/results/", {"results-reach": "1"})
    assert response.status_code == 404


def test_the_results_page_without_javascript_shows_the_form(
    login, digital_manager, post, django_assert_max_num_queries
):
    browser = login(digital_manager)
    browser.get(url(post))
    # 1 session, 2 user, 3 membership, 4 the item with its channel, then the navigation (base.html).
    with django_assert_max_num_queries(7):
        response = browser.get(url(post))
    assert response.status_code == 200
    assert 'name="results-reach"' in response.content.decode()
