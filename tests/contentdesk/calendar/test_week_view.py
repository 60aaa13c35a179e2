"""The week view: seven day columns, entries in time order, in the company's time zone."""

import re
from datetime import UTC, datetime

import pytest

from tests.contentdesk.calendar.conftest import rome
from tests.contentdesk.factories import ContentItemFactory


def _url(company, query=""):
    return f"/c/{company.slug}/calendar/week/{query}"


def _column(content: str, day: str) -> str:
    start = content.index(f'id="cal-day-{day}"')
    return content[start : content.index("</section>", start)]


@pytest.mark.parametrize("day", ["2026-05-18", "2026-05-20", "2026-05-24"])
def test_any_day_opens_its_week_from_monday_to_sunday(login, company, owner, day):
    content = login(owner).get(_url(company, f"?week={day}")).content.decode()
    assert re.findall(r'<section class="cal-wday[^"]*" id="cal-day-([\d-]+)"', content) == [
        "2026-05-18",
        "2026-05-19",
        "2026-05-20",
        "2026-05-21",
        "2026-05-22",
        "2026-05-23",
        "2026-05-24",
    ]
    assert "18–24 Maggio 2026" in content
    assert "settimana 21" in content


def test_the_current_week_is_the_default_and_today_is_marked(login, company, owner):
    content = login(owner).get(_url(company)).content.decode()
    assert "11–17 Maggio 2026" in content
    assert 'aria-current="date"' in _column(content, "2026-05-13")


def test_items_and_empty_slots_of_a_day_are_in_time_order(
    login, company, digital_manager, linkedin, newsletter, linkedin_cadence
):
    ContentItemFactory(company=company, channel=newsletter, title="Pomeriggio", scheduled_at=rome(2026, 5, 19, 15, 30))
    ContentItemFactory(
        company=company, channel=newsletter, title="Mattina presto", scheduled_at=rome(2026, 5, 19, 8, 0)
    )
    column = _column(login(digital_manager).get(_url(company, "?week=2026-05-19")).content.decode(), "2026-05-19")
    positions = [column.index(text) for text in ("Mattina presto", "LinkedIn 10:00", "Pomeriggio")]
    assert positions == sorted(positions)
    assert ">08:00</time>" in column
    assert ">15:30</time>" in column


def test_a_sunday_evening_item_stays_on_sunday_in_rome(login, company, owner, linkedin):
    ContentItemFactory(
        company=company, channel=linkedin, title="Domenica sera", scheduled_at=datetime(2026, 5, 24, 21, 30, tzinfo=UTC)
    )
    content = login(owner).get(_url(company, "?week=2026-05-18")).content.decode()
    assert "Domenica sera" in _column(content, "2026-05-24")
    assert ">23:30</time>" in _column(content, "2026-05-24")


def test_navigation_to_the_previous_and_next_week_keeps_the_filters(login, company, owner, linkedin):
    content = login(owner).get(_url(company, f"?week=2026-05-20&status=draft&channel={linkedin.pk}")).content.decode()
    query = f"channel={linkedin.pk}&amp;status=draft"
    assert f'href="/c/officine-test/calendar/week/?week=2026-05-11&amp;{query}" rel="prev"' in content
    assert f'href="/c/officine-test/calendar/week/?week=2026-05-25&amp;{query}" rel="next"' in content
    assert f'href="/c/officine-test/calendar/?month=2026-05&amp;{query}"' in content
    assert '<input type="hidden" name="week" value="2026-05-18">' in content


@pytest.mark.parametrize("value", ["2026-02-30", "domani", "20-05-2026", "1999-01-04", "2026-5-20"])
def test_a_malformed_week_falls_back_to_this_week_with_a_message(login, company, owner, value):
    response = login(owner).get(_url(company, f"?week={value}"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "non è un giorno come 2026-05-11: ecco la settimana corrente." in content
    assert "11–17 Maggio 2026" in content


def test_a_week_within_a_month_names_it_once_and_one_across_two_names_both(login, company, owner):
    content = login(owner).get(_url(company, "?week=2026-06-01")).content.decode()
    assert "1–7 Giugno 2026" in content
    content = login(owner).get(_url(company, "?week=2026-04-30")).content.decode()
    assert "27 Aprile – 3 Maggio 2026" in content
