"""The list view: every item, ideas without a date included, sortable by date, paginated."""

import pytest

from contentdesk.calendar.views import LIST_PAGE_SIZE
from tests.contentdesk.calendar.conftest import rome
from tests.contentdesk.factories import ContentItemFactory


def _url(company, query=""):
    return f"/c/{company.slug}/calendar/list/{query}"


@pytest.fixture
def items(company, linkedin, newsletter, digital_manager):
    return [
        ContentItemFactory(
            company=company, channel=linkedin, title="Idea senza data", status="idea", scheduled_at=None
        ),
        ContentItemFactory(
            company=company, channel=linkedin, title="Post di giugno", scheduled_at=rome(2026, 6, 2, 10)
        ),
        ContentItemFactory(
            company=company,
            channel=newsletter,
            title="Newsletter di aprile",
            published=True,
            scheduled_at=rome(2026, 4, 6, 9),
        ),
        ContentItemFactory(
            company=company,
            channel=linkedin,
            author=digital_manager,
            title="Post in ritardo",
            status="draft",
            scheduled_at=rome(2026, 5, 12, 10),
        ),
    ]


def _order(content: str, titles) -> list[str]:
    return sorted(titles, key=content.index)


TITLES = ["Idea senza data", "Post di giugno", "Newsletter di aprile", "Post in ritardo"]


def test_every_item_is_listed_oldest_first_with_the_ideas_without_a_date_last(login, company, owner, items):
    content = login(owner).get(_url(company)).content.decode()
    assert _order(content, TITLES) == ["Newsletter di aprile", "Post in ritardo", "Post di giugno", "Idea senza data"]
    assert "4 contenuti" in content
    assert "Senza data" in content
    assert 'aria-sort="ascending"' in content


def test_newest_first_keeps_the_ideas_without_a_date_last(login, company, owner, items):
    content = login(owner).get(_url(company, "?sort=-date")).content.decode()
    assert _order(content, TITLES) == ["Post di giugno", "Post in ritardo", "Newsletter di aprile", "Idea senza data"]
    assert 'aria-sort="descending"' in content
    assert 'href="/c/officine-test/calendar/list/?sort=date"' in content


def test_overdue_items_stand_out_in_the_list(login, company, owner, items):
    content = login(owner).get(_url(company)).content.decode()
    at = content.index("Post in ritardo")
    row = content[content.rindex("<tr", 0, at) : content.index("</tr>", at)]
    assert '<tr class="cal-row-overdue">' in row
    assert "In ritardo" in row
    on_time = content.index("Post di giugno")
    assert "cal-row-overdue" not in content[content.rindex("<tr", 0, on_time) : on_time]


def test_filters_apply_to_the_list(login, company, owner, items, newsletter, digital_manager):
    client = login(owner)
    assert _order(client.get(_url(company, f"?channel={newsletter.pk}")).content.decode(), ["Newsletter di aprile"])
    content = client.get(_url(company, "?status=idea")).content.decode()
    assert "Idea senza data" in content
    assert "Post di giugno" not in content
    content = client.get(_url(company, f"?author={digital_manager.pk}")).content.decode()
    assert "Post in ritardo" in content
    assert "Post di giugno" not in content
    content = client.get(_url(company, "?status=published&channel=" + str(items[1].channel_id))).content.decode()
    assert "Nessun contenuto corrisponde a questi filtri." in content


def test_pages_keep_the_sort_and_the_filters(login, company, owner, linkedin):
    for n in range(LIST_PAGE_SIZE + 3):
        ContentItemFactory(
            company=company,
            channel=linkedin,
            title=f"Post numero {n:03d}",
            status="draft",
            scheduled_at=rome(2026, 6, 1 + n % 28, 10),
        )
    client = login(owner)
    first = client.get(_url(company, "?status=draft&sort=-date")).content.decode()
    assert "Pagina 1 di 2" in first
    assert 'rel="next" href="/c/officine-test/calendar/list/?page=2&amp;sort=-date&amp;status=draft"' in first
    second = client.get(_url(company, "?page=2&status=draft&sort=-date")).content.decode()
    assert "Pagina 2 di 2" in second
    assert second.count('class="cal-list-title"') == 3


def test_a_page_number_out_of_range_shows_the_last_page(login, company, owner, items):
    response = login(owner).get(_url(company, "?page=999"))
    assert response.status_code == 200
    assert "Post di giugno" in response.content.decode()
