"""The digital manager drags an item to another day of the month view, in a real Chromium."""

from datetime import date, datetime, time

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from contentdesk.calendar.selectors import month_grid_days
from contentdesk.models import ContentItem
from engagements.budgets.selectors import add_months
from tests.contentdesk.factories import ContentChannelFactory, ContentItemFactory
from tests.e2e.signin import sign_in
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser


def _month_with_two_days_ahead(today: date) -> tuple[date, list[date]]:
    """The month to open and the days of its grid from today on (at least two of them)."""
    month = today.replace(day=1)
    ahead = [d for d in month_grid_days(month) if d >= today]
    if len(ahead) < 2:
        month = add_months(month, 1)
        ahead = [d for d in month_grid_days(month) if d >= today]
    return month, ahead


def _log_in(page, live_server, user):
    # Tall enough for a six-week month: a drop target below the fold makes Chromium scroll in
    # the middle of the drag, and the drop never lands (the test then failed in some weeks only).
    page.set_viewport_size({"width": 1366, "height": 1400})
    sign_in(page, live_server.url, user.email, PASSWORD)


@pytest.fixture
def item(company):
    tz = company.tzinfo
    today = timezone.localdate(timezone=tz)
    month, ahead = _month_with_two_days_ahead(today)
    channel = ContentChannelFactory(company=company, kind="linkedin", name="LinkedIn")
    item = ContentItemFactory(
        company=company,
        channel=channel,
        title="Fiera MECSPE: vieni a trovarci",
        status="draft",
        scheduled_at=datetime.combine(ahead[1], time(16, 45), tzinfo=tz),
    )
    item.month, item.target = month, ahead[0]
    return item


def test_dragging_an_item_to_another_day_moves_it_there_at_the_same_time(
    page, live_server, company, digital_manager, item
):
    _log_in(page, live_server, digital_manager)
    page.goto(f"{live_server.url}/c/{company.slug}/calendar/?month={item.month:%Y-%m}")
    chip = page.locator(f'[data-item-id="{item.pk}"]')
    source_day = page.locator(f"#cal-day-{item.scheduled_at.astimezone(company.tzinfo):%Y-%m-%d}")
    target_day = page.locator(f"#cal-day-{item.target:%Y-%m-%d}")
    expect(source_day.locator(f'[data-item-id="{item.pk}"]')).to_be_visible()
    page.evaluate("window.calendarNotReloaded = true")

    chip.drag_to(target_day)

    expect(target_day.locator(f'[data-item-id="{item.pk}"]')).to_be_visible()
    expect(
        page.locator(f'#cal-day-{item.scheduled_at.astimezone(company.tzinfo):%Y-%m-%d} [data-item-id="{item.pk}"]')
    ).to_have_count(0)
    expect(page.locator(f'[data-item-id="{item.pk}"]')).to_have_count(1)
    expect(page.locator("#cal-toast")).to_contain_text("“Fiera MECSPE: vieni a trovarci” spostato a")
    expect(page.locator(f'#cal-day-{item.target:%Y-%m-%d} [data-item-id="{item.pk}"] time')).to_have_text("16:45")

    moved = ContentItem.objects.get(pk=item.pk).scheduled_at.astimezone(company.tzinfo)
    assert (moved.date(), moved.time()) == (item.target, time(16, 45))
    # The two days were swapped in place: the page was not reloaded.
    assert page.evaluate("window.calendarNotReloaded") is True


def test_a_refused_move_shows_the_reason_and_the_item_stays(page, live_server, company, digital_manager, item):
    _log_in(page, live_server, digital_manager)
    page.goto(f"{live_server.url}/c/{company.slug}/calendar/?month={item.month:%Y-%m}")
    source = f"#cal-day-{item.scheduled_at.astimezone(company.tzinfo):%Y-%m-%d}"
    # Meanwhile someone else marks it published: a published item keeps its date.
    ContentItem.objects.filter(pk=item.pk).update(
        status="published", published_at=timezone.now(), published_url="https://example.com/p"
    )

    page.locator(f'[data-item-id="{item.pk}"]').drag_to(page.locator(f"#cal-day-{item.target:%Y-%m-%d}"))

    expect(page.get_by_role("alert")).to_contain_text("Un contenuto pubblicato o annullato mantiene la sua data.")
    expect(page.locator(f'{source} [data-item-id="{item.pk}"]')).to_be_visible()
    assert ContentItem.objects.get(pk=item.pk).scheduled_at == item.scheduled_at


def test_the_keyboard_moves_an_item_with_the_move_dialog(page, live_server, company, digital_manager, item):
    _log_in(page, live_server, digital_manager)
    page.goto(f"{live_server.url}/c/{company.slug}/calendar/?month={item.month:%Y-%m}")
    page.get_by_role("button", name="Sposta “Fiera MECSPE: vieni a trovarci” a un altro giorno").focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    page.get_by_label("Nuovo giorno").fill(f"{item.target:%Y-%m-%d}")
    page.keyboard.press("Enter")

    expect(page.locator(".alert-success")).to_contain_text("spostato a")
    expect(page.locator(f'#cal-day-{item.target:%Y-%m-%d} [data-item-id="{item.pk}"]')).to_be_visible()
    moved = ContentItem.objects.get(pk=item.pk).scheduled_at.astimezone(company.tzinfo)
    assert (moved.date(), moved.time()) == (item.target, time(16, 45))


def test_a_colleague_sees_no_drag_handles(page, live_server, company, colleague, item):
    _log_in(page, live_server, colleague)
    page.goto(f"{live_server.url}/c/{company.slug}/calendar/?month={item.month:%Y-%m}")
    expect(page.locator(f'[data-item-id="{item.pk}"]')).to_be_visible()
    expect(page.locator('[draggable="true"]')).to_have_count(0)
    expect(page.locator("[data-move-open]")).to_have_count(0)
