"""Query budgets: the calendar pages cost the same with ten items as with three hundred."""

from datetime import timedelta

import pytest

from engagements.roles import Role
from tests.contentdesk.calendar.conftest import rome
from tests.contentdesk.factories import CadenceFactory, ContentChannelFactory, ContentItemFactory


def _add_items(company, channels, authors, count):
    statuses = ["idea", "draft", "in_review", "approved", "scheduled", "cancelled"]
    for n in range(count):
        ContentItemFactory(
            company=company,
            channel=channels[n % len(channels)],
            author=authors[n % len(authors)],
            status=statuses[n % len(statuses)],
            # Spread over May, some in the past (overdue) and some without a date (ideas).
            scheduled_at=None if n % 10 == 9 else rome(2026, 5, 1, 8) + timedelta(hours=7 * n % (24 * 30)),
        )


@pytest.fixture
def desk(company, digital_manager, consultant):
    channels = [
        ContentChannelFactory(company=company, kind="linkedin", name="LinkedIn"),
        ContentChannelFactory(company=company, kind="newsletter", name="Newsletter"),
        ContentChannelFactory(company=company, kind="instagram", name="Instagram"),
    ]
    CadenceFactory(company=company, channel=channels[0], rule="FREQ=WEEKLY;BYDAY=TU,TH")
    CadenceFactory(company=company, channel=channels[1], rule="FREQ=MONTHLY;BYDAY=1MO", time_of_day="09:00")
    return channels, [digital_manager, consultant]


PAGES = [
    # session, user, membership with company, the channels, the members (author filter), the
    # items of the days shown with channel and author, the active cadences with channel, the
    # channel and time of the items that fill them, the memberships of the company switcher,
    # and the session save with its savepoint pair on the first visit.
    ("?month=2026-05", 12),
    ("week/?week=2026-05-13", 12),
    # session, user, membership with company, the channels, the members, the count of the
    # items and one page of them with channel and author, the switcher, the session save.
    ("list/", 11),
    ("list/?page=2&sort=-date", 11),
]


@pytest.mark.parametrize(("path", "budget"), PAGES)
@pytest.mark.parametrize("role", [Role.DIGITAL_MANAGER, Role.COLLEAGUE])
def test_calendar_pages_keep_their_query_budget_with_hundreds_of_items(
    login, company, users_by_role, desk, path, budget, role, django_assert_max_num_queries
):
    client = login(users_by_role[role])
    url = f"/c/{company.slug}/calendar/{path}"
    _add_items(company, *desk, 10)
    with django_assert_max_num_queries(budget):
        assert client.get(url).status_code == 200
    _add_items(company, *desk, 290)
    with django_assert_max_num_queries(budget):
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count("cal-") > 100


def test_filtered_month_keeps_the_same_budget(login, company, digital_manager, desk, django_assert_max_num_queries):
    client = login(digital_manager)
    channels, _authors = desk
    url = f"/c/{company.slug}/calendar/?month=2026-05&channel={channels[0].pk}&author={digital_manager.pk}&status=draft"
    _add_items(company, *desk, 300)
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200


def test_the_channels_page_keeps_its_budget_with_many_cadences(
    login, company, owner, desk, django_assert_max_num_queries
):
    client = login(owner)
    url = f"/c/{company.slug}/calendar/channels/"
    # session, user, membership with company, the channels, their cadences (one prefetch),
    # the switcher, the session save with its savepoint pair on the first visit.
    with django_assert_max_num_queries(9):
        assert client.get(url).status_code == 200
    _channels, _authors = desk
    for n in range(10):
        channel = ContentChannelFactory(company=company, kind="blog", name=f"Blog {n}")
        for day in ("MO", "WE", "FR"):
            CadenceFactory(company=company, channel=channel, rule=f"FREQ=WEEKLY;BYDAY={day}")
    with django_assert_max_num_queries(9):
        assert client.get(url).status_code == 200


def test_drag_and_drop_answers_within_a_fixed_budget(
    login, company, digital_manager, desk, django_assert_max_num_queries
):
    client = login(digital_manager)
    _add_items(company, *desk, 300)
    item = ContentItemFactory(company=company, channel=desk[0][0], status="draft", scheduled_at=rome(2026, 5, 20, 10))
    client.get(f"/c/{company.slug}/calendar/")  # the first visit saves the session
    # session, user, membership; the item; the event's savepoint pair, the update, the event;
    # the channels, the members, the items of the two days, the cadences, the items filling them.
    with django_assert_max_num_queries(14):
        response = client.post(
            f"/c/{company.slug}/calendar/reschedule/{item.pk}/?month=2026-05",
            {"day": "2026-05-27"},
            HTTP_HX_REQUEST="true",
        )
    assert response.status_code == 200
