"""The month view: a Monday-first grid in the company's time zone, chips, slots, filters."""

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from django.conf import settings

from contentdesk.models import CHANNEL_COLOURS, ContentChannel
from tests.contentdesk.calendar.conftest import rome
from tests.contentdesk.factories import ContentChannelFactory, ContentItemFactory


def _url(company, query=""):
    return f"/c/{company.slug}/calendar/{query}"


def _day_ids(content: str) -> list[str]:
    return re.findall(r'<li class="cal-day[^"]*" id="cal-day-([\d-]+)"', content)


def _cell(content: str, day: str) -> str:
    """The HTML of one day of the grid."""
    start = content.index(f'id="cal-day-{day}"')
    end = content.find('<li class="cal-day', start)
    return content[start : end if end != -1 else None]


@pytest.mark.parametrize(
    ("month", "first", "last", "weeks"),
    [
        ("2026-05", "2026-04-27", "2026-05-31", 5),  # 1 May is a Friday
        ("2026-06", "2026-06-01", "2026-07-05", 5),  # 1 June is a Monday
        ("2026-08", "2026-07-27", "2026-09-06", 6),  # 31 days starting on a Saturday
        ("2027-02", "2027-02-01", "2027-02-28", 4),  # 28 days starting on a Monday
    ],
)
def test_the_grid_is_whole_weeks_from_monday(login, company, owner, month, first, last, weeks):
    content = login(owner).get(_url(company, f"?month={month}")).content.decode()
    days = _day_ids(content)
    assert (days[0], days[-1], len(days)) == (first, last, weeks * 7)
    assert date.fromisoformat(days[0]).weekday() == 0


def test_days_outside_the_month_are_marked_and_today_is_highlighted(login, company, owner):
    content = login(owner).get(_url(company)).content.decode()
    assert "Maggio 2026" in content
    assert '<li class="cal-day is-outside is-past is-empty" id="cal-day-2026-04-30"' in content
    today = _cell(content, "2026-05-13")
    assert today.startswith('id="cal-day-2026-05-13"')
    assert 'class="cal-day is-today' in content
    assert 'aria-current="date"' in today
    assert "Oggi" in today


def test_an_item_is_a_chip_with_its_channel_time_and_status_in_the_company_time_zone(
    login, company, digital_manager, planned
):
    content = login(digital_manager).get(_url(company)).content.decode()
    cell = _cell(content, "2026-05-21")
    assert "Valvole a sfera: la guida alla scelta" in cell
    assert "cal-chip chan-linkedin cal-chip-scheduled" in cell
    assert "bi bi-linkedin" in cell
    assert '<time datetime="2026-05-21T10:00:00+02:00">10:00</time>' in cell  # stored as 08:00 UTC
    assert 'class="badge cal-status cal-status-scheduled"' in cell
    assert f'href="/c/{company.slug}/calendar/items/{planned.pk}/"' in cell


def test_an_item_late_in_the_evening_sits_on_its_local_day(login, company, owner, linkedin):
    # 22:30 UTC on 20 May is 00:30 on 21 May in Rome.
    ContentItemFactory(
        company=company, channel=linkedin, title="Mezzanotte", scheduled_at=datetime(2026, 5, 20, 22, 30, tzinfo=UTC)
    )
    content = login(owner).get(_url(company)).content.decode()
    assert "Mezzanotte" in _cell(content, "2026-05-21")
    assert "Mezzanotte" not in _cell(content, "2026-05-20")


def test_an_overdue_item_stands_out_with_a_red_border_an_icon_and_words(login, company, owner, linkedin):
    ContentItemFactory(
        company=company, channel=linkedin, title="In ritardo", status="approved", scheduled_at=rome(2026, 5, 12, 9)
    )
    ContentItemFactory(
        company=company, channel=linkedin, title="Uscito", published=True, scheduled_at=rome(2026, 5, 11, 9)
    )
    content = login(owner).get(_url(company)).content.decode()
    late = _cell(content, "2026-05-12")
    assert "is-overdue" in late
    assert "bi-exclamation-triangle-fill" in late
    assert "In ritardo: l'orario previsto è passato e non è pubblicato." in late
    done = _cell(content, "2026-05-11")
    assert "Uscito" in done
    assert "is-overdue" not in done


def test_previous_next_and_today_keep_the_filters(login, company, owner, linkedin):
    content = login(owner).get(_url(company, f"?month=2027-01&channel={linkedin.pk}")).content.decode()
    assert "Gennaio 2027" in content
    assert f'href="/c/officine-test/calendar/?month=2026-12&amp;channel={linkedin.pk}" rel="prev"' in content
    assert f'href="/c/officine-test/calendar/?month=2027-02&amp;channel={linkedin.pk}" rel="next"' in content
    assert f'href="/c/officine-test/calendar/?channel={linkedin.pk}">Oggi</a>' in content
    assert f'href="/c/officine-test/calendar/week/?week=2027-01-01&amp;channel={linkedin.pk}"' in content
    assert f'href="/c/officine-test/calendar/list/?channel={linkedin.pk}"' in content


@pytest.mark.parametrize("value", ["2026-13", "maggio", "2026-5", "1999-12", "20261-01", "2026-05-01", "x" * 500])
def test_a_malformed_month_falls_back_to_the_current_month_with_a_message(login, company, owner, value):
    response = login(owner).get(_url(company, f"?month={value}"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "non è un mese come 2026-05: ecco il mese corrente." in content
    assert "Maggio 2026" in content


def test_filters_by_channel_status_and_author(login, company, digital_manager, consultant, linkedin, newsletter):
    ContentItemFactory(
        company=company,
        channel=linkedin,
        author=digital_manager,
        title="Post di Giulia",
        status="draft",
        scheduled_at=rome(2026, 5, 20, 9),
    )
    ContentItemFactory(
        company=company,
        channel=newsletter,
        author=consultant,
        title="Newsletter di maggio",
        status="approved",
        scheduled_at=rome(2026, 5, 20, 11),
    )
    client = login(digital_manager)

    def titles(query):
        content = client.get(_url(company, query)).content.decode()
        return [t for t in ("Post di Giulia", "Newsletter di maggio") if t in content]

    assert titles("") == ["Post di Giulia", "Newsletter di maggio"]
    assert titles(f"?channel={newsletter.pk}") == ["Newsletter di maggio"]
    assert titles("?status=draft") == ["Post di Giulia"]
    assert titles(f"?author={consultant.pk}") == ["Newsletter di maggio"]
    assert titles(f"?author={consultant.pk}&status=draft") == []


def test_a_filter_that_is_not_understood_is_ignored_and_said(login, company, owner, other_company, planned):
    foreign = ContentChannelFactory(company=other_company)
    content = login(owner).get(_url(company, f"?channel={foreign.pk}&status=boh")).content.decode()
    assert "Alcuni filtri non sono stati compresi e sono stati ignorati." in content
    assert "Valvole a sfera" in content  # nothing filtered on values that are not the company's


def test_empty_future_slots_link_to_a_new_item_for_that_channel_and_time(
    login, company, digital_manager, linkedin, linkedin_cadence, planned
):
    content = login(digital_manager).get(_url(company)).content.decode()
    slot = f'href="/c/{company.slug}/calendar/items/new/?channel={linkedin.pk}&amp;at=2026-05-14T10:00"'
    assert slot in _cell(content, "2026-05-14")
    assert "LinkedIn 10:00" in _cell(content, "2026-05-14")
    assert "cal-slot" not in _cell(content, "2026-05-21")  # filled by the planned post
    assert "cal-slot" not in _cell(content, "2026-05-12")  # gone: nothing to fill any more
    assert "cal-slot" in _cell(content, "2026-05-19")


def test_slots_follow_the_channel_filter(login, company, owner, linkedin, newsletter, linkedin_cadence):
    content = login(owner).get(_url(company, f"?channel={newsletter.pk}")).content.decode()
    assert "cal-slot" not in content


def test_a_colleague_sees_the_calendar_without_drag_handles_or_slot_links(
    login, company, colleague, planned, linkedin_cadence
):
    response = login(colleague).get(_url(company))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Valvole a sfera" in content
    assert 'draggable="true"' not in content
    assert "data-move-open" not in content
    assert "cal-move-dialog" not in content
    assert "/items/new/" not in content
    assert '<span class="cal-slot chan-linkedin"' in content


def test_the_digital_manager_can_drag_open_items_but_not_published_ones(
    login, company, digital_manager, planned, linkedin
):
    ContentItemFactory(
        company=company, channel=linkedin, title="Già uscito", published=True, scheduled_at=rome(2026, 5, 4, 9)
    )
    content = login(digital_manager).get(_url(company)).content.decode()
    assert (
        f'data-item-id="{planned.pk}" draggable="true" data-reschedule-url="/c/{company.slug}/calendar/reschedule/{planned.pk}/"'
        in content
    )
    published = _cell(content, "2026-05-04")
    assert "Già uscito" in published
    assert "draggable" not in published.split("cal-chip-title")[0]


def test_a_company_without_channels_is_offered_the_usual_ones(login, company, digital_manager):
    content = login(digital_manager).get(_url(company)).content.decode()
    assert "Nessun canale, per ora" in content
    assert f'action="/c/{company.slug}/calendar/channels/defaults/"' in content
    response = login(digital_manager).post(_url(company, "channels/defaults/"), {"next": "calendar"})
    assert response.status_code == 302
    assert response["Location"] == _url(company)
    names = set(ContentChannel.objects.for_company(company).values_list("name", flat=True))
    assert names == {"Blog", "LinkedIn", "Facebook", "Instagram", "Newsletter"}


def test_a_colleague_without_channels_is_told_whom_to_ask(login, company, colleague):
    content = login(colleague).get(_url(company)).content.decode()
    assert "Chiedi al digital manager di configurarli." in content
    assert "/channels/defaults/" not in content


def test_the_phone_layout_turns_the_grid_into_an_agenda():
    css = (Path(settings.BASE_DIR) / "static/contentdesk/calendar.css").read_text()
    phone = css[css.index("@media (max-width: 767.98px)") :]
    assert ".cal-grid { display: block;" in phone
    assert ".cal-day.is-outside, .cal-day.is-empty:not(.is-today) { display: none; }" in phone


def test_channel_colours_in_the_stylesheet_are_the_models():
    css = (Path(settings.BASE_DIR) / "static/contentdesk/calendar.css").read_text()
    for kind, colour in CHANNEL_COLOURS.items():
        assert f".chan-{kind} {{ --chan: {colour}; }}" in css


def test_posting_to_the_month_view_is_refused_politely(login, company, owner):
    assert login(owner).post(_url(company)).status_code == 405


def _fill_day(company, channel, titles_and_times):
    for title, at in titles_and_times:
        ContentItemFactory(company=company, channel=channel, title=title, status="draft", scheduled_at=at)


def test_a_full_day_shows_its_first_items_and_links_the_others_to_its_week(login, company, owner, linkedin):
    # Six items on Thursday 21 May (the last at 23:30 in Rome, 21:30 UTC), one just after
    # midnight of the 22nd in Rome (still the 21st in UTC): the day is the company's.
    _fill_day(company, linkedin, [(f"Post {hour}", rome(2026, 5, 21, hour, 0)) for hour in (9, 11, 12, 15)])
    _fill_day(company, linkedin, [("Sera", rome(2026, 5, 21, 18, 0)), ("Notte", rome(2026, 5, 21, 23, 30))])
    _fill_day(company, linkedin, [("Mezzanotte", rome(2026, 5, 22, 0, 30))])
    content = login(owner).get(_url(company, "?month=2026-05")).content.decode()
    cell = _cell(content, "2026-05-21")
    assert list(re.findall(r'class="cal-chip-title"[^>]*>([^<]+)<', cell)) == [
        "Post 9",
        "Post 11",
        "Post 12",
        "Post 15",
    ]
    assert f'<a class="cal-more" href="/c/{company.slug}/calendar/week/?week=2026-05-21">+2 altri' in cell
    assert "Mezzanotte" in _cell(content, "2026-05-22")
    assert "cal-more" not in _cell(content, "2026-05-22")
    # The week shows the whole day: nothing is lost, only moved one click away.
    week = login(owner).get(_url(company, "week/?week=2026-05-21")).content.decode()
    assert all(title in week for title in ("Post 9", "Post 15", "Sera", "Notte"))
    assert "cal-more" not in week


def test_the_empty_slots_of_a_full_day_count_among_the_others(
    login, company, owner, linkedin, newsletter, linkedin_cadence
):
    # Thursday 21 May has a LinkedIn slot at 10:00: after four newsletters it is the fifth entry.
    _fill_day(company, newsletter, [(f"Alba {minute}", rome(2026, 5, 21, 7, minute)) for minute in (0, 10, 20, 30)])
    content = login(owner).get(_url(company, "?month=2026-05&status=draft")).content.decode()
    cell = _cell(content, "2026-05-21")
    assert "Alba 30" in cell
    assert "cal-slot" not in cell
    assert "+1 altro" in cell
    assert "week=2026-05-21&amp;status=draft" in cell
    # An item in it fills the slot: five items, the last one behind the link.
    _fill_day(company, linkedin, [("Alle dieci", rome(2026, 5, 21, 10, 0))])
    cell = _cell(login(owner).get(_url(company, "?month=2026-05")).content.decode(), "2026-05-21")
    assert "Alle dieci" not in cell
    assert "cal-slot" not in cell
    assert "+1 altro" in cell
