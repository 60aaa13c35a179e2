"""Moving an item to another day: by drag and drop (htmx) or with the move dialog (a form)."""

import json
from datetime import UTC, datetime

import pytest

from contentdesk.models import ContentEvent, ContentItem
from engagements.roles import Role
from tests.contentdesk.calendar.conftest import rome
from tests.contentdesk.factories import ContentItemFactory

HTMX = {"HTTP_HX_REQUEST": "true"}


def _url(company, item, query=""):
    return f"/c/{company.slug}/calendar/reschedule/{item.pk}/{query}"


def _refresh(item) -> ContentItem:
    return ContentItem.objects.get(pk=item.pk)


def test_a_dragged_item_moves_to_the_new_day_at_the_same_time(login, company, digital_manager, planned):
    response = login(digital_manager).post(
        _url(company, planned, "?month=2026-05"), {"day": "2026-05-26", "view": "month"}, **HTMX
    )
    assert response.status_code == 200
    assert _refresh(planned).scheduled_at == rome(2026, 5, 26, 10, 0)
    event = ContentEvent.objects.get(item=planned, kind="rescheduled")
    assert (event.by, event.from_time, event.to_time) == (digital_manager, rome(2026, 5, 21, 10), rome(2026, 5, 26, 10))


def test_the_answer_redraws_the_day_reached_in_place_and_the_day_left_out_of_band(
    login, company, digital_manager, planned, linkedin_cadence
):
    content = (
        login(digital_manager)
        .post(_url(company, planned, "?month=2026-05"), {"day": "2026-05-26", "view": "month"}, **HTMX)
        .content.decode()
    )
    reached, left = content.index('id="cal-day-2026-05-26"'), content.index('id="cal-day-2026-05-21"')
    assert reached < content.index("Valvole a sfera") < left
    assert 'id="cal-day-2026-05-21" data-day="2026-05-21" hx-swap-oob="true"' in content
    # The Thursday slot the post filled is empty again, the Tuesday one is now filled.
    assert "LinkedIn 10:00" in content[left:]
    assert "cal-slot" not in content[reached:left]
    assert '<div id="cal-toast" hx-swap-oob="innerHTML">' in content
    assert "“Valvole a sfera: la guida alla scelta” spostato a Martedì 26 Maggio, alle 10:00." in content


def test_the_week_view_gets_week_columns_back(login, company, digital_manager, planned):
    content = (
        login(digital_manager)
        .post(_url(company, planned, "?week=2026-05-18"), {"day": "2026-05-22", "view": "week"}, **HTMX)
        .content.decode()
    )
    assert '<section class="cal-wday' in content
    assert '<li class="cal-day' not in content


def test_the_redrawn_days_keep_the_page_filters(login, company, digital_manager, planned, newsletter):
    ContentItemFactory(
        company=company, channel=newsletter, title="Newsletter di maggio", scheduled_at=rome(2026, 5, 26, 9)
    )
    content = (
        login(digital_manager)
        .post(
            _url(company, planned, f"?month=2026-05&channel={planned.channel_id}"),
            {"day": "2026-05-26", "view": "month"},
            **HTMX,
        )
        .content.decode()
    )
    assert "Valvole a sfera" in content
    assert "Newsletter di maggio" not in content


def test_a_day_outside_the_month_shown_is_redrawn_as_outside(login, company, digital_manager, planned):
    content = (
        login(digital_manager)
        .post(_url(company, planned, "?month=2026-05"), {"day": "2026-06-02", "view": "month"}, **HTMX)
        .content.decode()
    )
    assert 'class="cal-day is-outside" id="cal-day-2026-06-02"' in content


def test_the_time_of_day_is_kept_across_the_autumn_change(login, company, digital_manager, linkedin):
    item = ContentItemFactory(
        company=company, channel=linkedin, status="scheduled", scheduled_at=rome(2026, 10, 22, 10)
    )
    login(digital_manager).post(_url(company, item), {"day": "2026-10-27"}, **HTMX)
    moved = _refresh(item).scheduled_at
    assert moved == datetime(2026, 10, 27, 9, 0, tzinfo=UTC)  # 10:00 in Rome, winter time
    assert item.scheduled_at == datetime(2026, 10, 22, 8, 0, tzinfo=UTC)  # 10:00 in Rome, summer time


def test_a_time_that_does_not_exist_on_the_new_day_moves_forward_by_the_gap(login, company, digital_manager, linkedin):
    item = ContentItemFactory(company=company, channel=linkedin, status="draft", scheduled_at=rome(2027, 3, 21, 2, 30))
    login(digital_manager).post(_url(company, item), {"day": "2027-03-28"}, **HTMX)  # clocks go forward at 02:00
    assert _refresh(item).scheduled_at == datetime(2027, 3, 28, 1, 30, tzinfo=UTC)  # 03:30 summer time


def test_the_italian_way_of_writing_a_date_is_understood(login, company, digital_manager, planned):
    login(digital_manager).post(_url(company, planned), {"day": "28/05/2026"})
    assert _refresh(planned).scheduled_at == rome(2026, 5, 28, 10)


@pytest.mark.parametrize(
    ("status", "message"),
    [
        ("published", "Un contenuto pubblicato o annullato mantiene la sua data."),
        ("cancelled", "Un contenuto pubblicato o annullato mantiene la sua data."),
    ],
)
def test_published_and_cancelled_items_stay_where_they_are(login, company, digital_manager, linkedin, status, message):
    extra = (
        {"published_at": rome(2026, 5, 4, 9), "published_url": "https://example.com/p"} if status == "published" else {}
    )
    item = ContentItemFactory(
        company=company, channel=linkedin, status=status, scheduled_at=rome(2026, 5, 4, 9), **extra
    )
    response = login(digital_manager).post(_url(company, item), {"day": "2026-05-20"}, **HTMX)
    assert response.status_code == 409
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"error": message}
    assert _refresh(item).scheduled_at == rome(2026, 5, 4, 9)
    assert not ContentEvent.objects.filter(item=item, kind="rescheduled").exists()


def test_a_scheduled_item_cannot_be_dragged_into_the_past(login, company, digital_manager, planned):
    response = login(digital_manager).post(_url(company, planned), {"day": "2026-05-11"}, **HTMX)
    assert response.status_code == 409
    assert json.loads(response.content)["error"] == "Un contenuto programmato non si può spostare nel passato."
    assert _refresh(planned).scheduled_at == rome(2026, 5, 21, 10)


def test_a_draft_may_go_to_a_past_day(login, company, digital_manager, linkedin):
    item = ContentItemFactory(company=company, channel=linkedin, status="draft", scheduled_at=rome(2026, 5, 21, 9))
    assert login(digital_manager).post(_url(company, item), {"day": "2026-05-11"}, **HTMX).status_code == 200
    assert _refresh(item).scheduled_at == rome(2026, 5, 11, 9)


def test_an_item_without_a_date_is_refused_with_a_reason(login, company, digital_manager, linkedin):
    idea = ContentItemFactory(company=company, channel=linkedin, status="idea", scheduled_at=None)
    response = login(digital_manager).post(_url(company, idea), {"day": "2026-05-20"}, **HTMX)
    assert response.status_code == 409
    assert "non ha ancora una data" in json.loads(response.content)["error"]


@pytest.mark.parametrize("day", ["", "31/02/2026", "domani", "2026-13-01", "1999-01-01"])
def test_a_bad_day_is_refused_with_400_and_nothing_moves(login, company, digital_manager, planned, day):
    response = login(digital_manager).post(_url(company, planned), {"day": day}, **HTMX)
    assert response.status_code == 400
    assert json.loads(response.content)["error"]
    assert _refresh(planned).scheduled_at == rome(2026, 5, 21, 10)


def test_the_move_dialog_posts_a_form_and_comes_back_to_the_page_with_a_message(
    login, company, digital_manager, planned
):
    client = login(digital_manager)
    back = f"/c/{company.slug}/calendar/week/?week=2026-05-18"
    response = client.post(_url(company, planned), {"day": "2026-05-22", "view": "week", "next": back})
    assert response.status_code == 302
    assert response["Location"] == back
    assert "spostato a Venerdì 22 Maggio, alle 10:00" in client.get(back).content.decode()


def test_a_refused_move_from_the_dialog_comes_back_with_the_reason(login, company, digital_manager, planned):
    client = login(digital_manager)
    response = client.post(_url(company, planned), {"day": "2026-05-01", "next": f"/c/{company.slug}/calendar/"})
    assert response.status_code == 302
    assert "non si può spostare nel passato" in client.get(response["Location"]).content.decode()


def test_the_dialog_never_sends_anyone_to_another_site(login, company, digital_manager, planned):
    response = login(digital_manager).post(
        _url(company, planned), {"day": "2026-05-22", "next": "https://evil.example/"}
    )
    assert response["Location"] == f"/c/{company.slug}/calendar/?month=2026-05"


@pytest.mark.parametrize("role", [Role.OWNER, Role.COLLEAGUE])
def test_roles_without_content_write_get_403_and_nothing_moves(login, company, users_by_role, planned, role):
    response = login(users_by_role[role]).post(_url(company, planned), {"day": "2026-05-22"}, **HTMX)
    assert response.status_code == 403
    assert _refresh(planned).scheduled_at == rome(2026, 5, 21, 10)


def test_the_consultant_may_move_items(login, company, consultant, planned):
    assert login(consultant).post(_url(company, planned), {"day": "2026-05-22"}, **HTMX).status_code == 200


def test_a_member_of_another_company_gets_404(login, company, outsider, planned):
    assert login(outsider).post(_url(company, planned), {"day": "2026-05-22"}, **HTMX).status_code == 404
    assert _refresh(planned).scheduled_at == rome(2026, 5, 21, 10)


def test_another_companys_item_answers_404_like_a_missing_one(login, company, digital_manager, other_company, outsider):
    foreign = ContentItemFactory(company=other_company, scheduled_at=rome(2026, 5, 21, 10))
    response = login(digital_manager).post(_url(company, foreign), {"day": "2026-05-22"}, **HTMX)
    assert response.status_code == 404
    assert _refresh(foreign).scheduled_at == rome(2026, 5, 21, 10)


def test_get_is_not_allowed(login, company, digital_manager, planned):
    assert login(digital_manager).get(_url(company, planned)).status_code == 405


def test_an_item_dropped_on_a_full_day_is_counted_behind_its_more_link(
    login, company, digital_manager, planned, linkedin
):
    for hour in (6, 7, 8, 9):
        ContentItemFactory(
            company=company, channel=linkedin, title=f"Pieno {hour}", scheduled_at=rome(2026, 5, 26, hour)
        )
    content = (
        login(digital_manager)
        .post(_url(company, planned, "?month=2026-05"), {"day": "2026-05-26", "view": "month"}, **HTMX)
        .content.decode()
    )
    reached, left = content.index('id="cal-day-2026-05-26"'), content.index('id="cal-day-2026-05-21"')
    assert "Pieno 9" in content[reached:left]
    assert "+1 altro" in content[reached:left]
    assert "Valvole a sfera" not in content[reached:left]
    assert _refresh(planned).scheduled_at == rome(2026, 5, 26, 10, 0)
