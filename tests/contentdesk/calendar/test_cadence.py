"""Cadence slots: recurring rules expanded in the company's time zone, and which slots are filled."""

from datetime import UTC, date, datetime, time, timedelta

import pytest

from contentdesk.calendar.cadence import cadence_occurrences, cadence_slots, local_day_bounds, localise, slots_between
from contentdesk.models import Cadence
from tests.contentdesk.calendar.conftest import ROME, rome
from tests.contentdesk.factories import CadenceFactory, ContentChannelFactory, ContentItemFactory


def _cadence(rule="FREQ=WEEKLY;BYDAY=TU,TH", at="10:00", starts_on=date(2026, 1, 1), **extra) -> Cadence:
    """An unsaved cadence: the expansion needs no database."""
    hours, minutes = map(int, at.split(":"))
    return Cadence(rule=rule, time_of_day=time(hours, minutes), starts_on=starts_on, **extra)


def _slots(cadence, first: date, last: date) -> list[datetime]:
    start, end = local_day_bounds(first, last, ROME)
    return cadence_occurrences(cadence, start, end, ROME)


def test_weekly_slots_run_across_the_end_of_the_month():
    slots = _slots(_cadence(), date(2026, 4, 27), date(2026, 5, 10))
    assert slots == [rome(2026, 4, 28, 10), rome(2026, 4, 30, 10), rome(2026, 5, 5, 10), rome(2026, 5, 7, 10)]


def test_slots_across_the_end_of_the_year():
    slots = _slots(
        _cadence(rule="FREQ=WEEKLY;BYDAY=TH", starts_on=date(2025, 1, 1)), date(2025, 12, 22), date(2026, 1, 11)
    )
    assert [s.date() for s in slots] == [date(2025, 12, 25), date(2026, 1, 1), date(2026, 1, 8)]


def test_ten_o_clock_stays_ten_o_clock_across_the_spring_change_in_rome():
    # Clocks go forward on Sunday 29 March 2026 (the last Sunday of March).
    slots = _slots(_cadence(), date(2026, 3, 23), date(2026, 4, 5))
    assert [s.strftime("%d %H:%M %z") for s in slots] == [
        "24 10:00 +0100",
        "26 10:00 +0100",
        "31 10:00 +0200",
        "02 10:00 +0200",
    ]
    assert [s.astimezone(UTC).hour for s in slots] == [9, 9, 8, 8]


def test_ten_o_clock_stays_ten_o_clock_across_the_autumn_change_in_rome():
    # Clocks go back on Sunday 25 October 2026 (the last Sunday of October).
    slots = _slots(_cadence(), date(2026, 10, 19), date(2026, 11, 1))
    assert [s.strftime("%d %H:%M %z") for s in slots] == [
        "20 10:00 +0200",
        "22 10:00 +0200",
        "27 10:00 +0100",
        "29 10:00 +0100",
    ]
    assert [s.astimezone(UTC).hour for s in slots] == [8, 8, 9, 9]


def test_a_slot_in_the_skipped_hour_of_march_moves_forward_by_the_gap():
    # 02:30 does not exist in Rome on 29 March 2026: RFC 5545 reads it with the offset before
    # the gap, which is 03:30 summer time. The Sundays around it keep 02:30.
    slots = _slots(_cadence(rule="FREQ=WEEKLY;BYDAY=SU", at="02:30"), date(2026, 3, 22), date(2026, 4, 5))
    assert [s.strftime("%d %H:%M %z") for s in slots] == ["22 02:30 +0100", "29 03:30 +0200", "05 02:30 +0200"]
    assert slots[1] == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)


def test_a_slot_in_the_repeated_hour_of_october_is_the_first_of_the_two():
    slots = _slots(_cadence(rule="FREQ=WEEKLY;BYDAY=SU", at="02:30"), date(2026, 10, 25), date(2026, 10, 25))
    # Compared in UTC: Python never finds a time inside a repeated hour equal to one of another zone.
    assert [s.astimezone(UTC) for s in slots] == [datetime(2026, 10, 25, 0, 30, tzinfo=UTC)]
    assert slots[0].strftime("%H:%M %z") == "02:30 +0200"


def test_localise_leaves_ordinary_times_alone():
    assert localise(datetime(2026, 7, 1, 10, 0), ROME) == datetime(2026, 7, 1, 8, 0, tzinfo=UTC)


def test_first_monday_of_the_month_for_the_newsletter():
    newsletter = _cadence(rule="FREQ=MONTHLY;BYDAY=1MO", at="09:00")
    slots = _slots(newsletter, date(2026, 1, 1), date(2026, 12, 31))
    assert [s.date() for s in slots] == [
        date(2026, 1, 5),
        date(2026, 2, 2),
        date(2026, 3, 2),
        date(2026, 4, 6),
        date(2026, 5, 4),
        date(2026, 6, 1),
        date(2026, 7, 6),
        date(2026, 8, 3),
        date(2026, 9, 7),
        date(2026, 10, 5),
        date(2026, 11, 2),
        date(2026, 12, 7),
    ]
    assert {s.strftime("%H:%M") for s in slots} == {"09:00"}
    assert all(s.weekday() == 0 and s.day <= 7 for s in slots)


def test_last_friday_of_the_month():
    slots = _slots(_cadence(rule="FREQ=MONTHLY;BYDAY=-1FR", at="17:30"), date(2026, 5, 1), date(2026, 7, 31))
    assert [s.date() for s in slots] == [date(2026, 5, 29), date(2026, 6, 26), date(2026, 7, 31)]


def test_every_other_week_counts_weeks_from_the_start():
    slots = _slots(
        _cadence(rule="FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", starts_on=date(2026, 5, 4)), date(2026, 5, 1), date(2026, 6, 7)
    )
    assert [s.date() for s in slots] == [date(2026, 5, 4), date(2026, 5, 18), date(2026, 6, 1)]


def test_no_slot_before_the_cadence_starts():
    slots = _slots(_cadence(starts_on=date(2026, 5, 13)), date(2026, 5, 11), date(2026, 5, 17))
    assert [s.date() for s in slots] == [date(2026, 5, 14)]


def test_no_slot_after_the_cadence_ends_and_the_last_day_counts():
    slots = _slots(_cadence(ends_on=date(2026, 5, 14)), date(2026, 5, 1), date(2026, 5, 31))
    assert [s.date() for s in slots] == [date(2026, 5, 5), date(2026, 5, 7), date(2026, 5, 12), date(2026, 5, 14)]


def test_an_inactive_cadence_has_no_slots():
    assert _slots(_cadence(is_active=False), date(2026, 5, 1), date(2026, 5, 31)) == []


@pytest.mark.parametrize("rule", ["", "FREQ=SOMETIMES", "BYDAY=XX", "FREQ=WEEKLY;UNTIL=nonsense"])
def test_an_unreadable_rule_shows_no_slots_instead_of_failing(rule):
    assert _slots(_cadence(rule=rule), date(2026, 5, 1), date(2026, 5, 31)) == []


def test_the_range_is_half_open():
    start, end = local_day_bounds(date(2026, 5, 12), date(2026, 5, 13), ROME)
    slots = cadence_occurrences(_cadence(), start + timedelta(hours=10), end, ROME)
    assert slots == [rome(2026, 5, 12, 10)]
    assert cadence_occurrences(_cadence(), start, start + timedelta(hours=10), ROME) == []


def test_a_slot_is_filled_by_an_item_of_its_channel_on_the_same_local_day_whatever_its_time():
    linkedin = _cadence(channel_id=1, pk=1)
    start, end = local_day_bounds(date(2026, 5, 11), date(2026, 5, 17), ROME)
    planned = [(1, rome(2026, 5, 14, 16, 45)), (2, rome(2026, 5, 12, 10))]  # channel 2 fills nothing
    slots = slots_between([linkedin], start, end, ROME, planned)
    assert [(s.day, s.filled) for s in slots] == [(date(2026, 5, 12), False), (date(2026, 5, 14), True)]


def test_the_local_day_decides_not_the_utc_day():
    linkedin = _cadence(channel_id=1, pk=1)
    start, end = local_day_bounds(date(2026, 5, 12), date(2026, 5, 12), ROME)
    # 23:30 on Monday 11 May in UTC is 01:30 on Tuesday 12 May in Rome.
    planned = [(1, datetime(2026, 5, 11, 23, 30, tzinfo=UTC))]
    assert [s.filled for s in slots_between([linkedin], start, end, ROME, planned)] == [True]


def test_each_item_fills_one_slot_earliest_first():
    morning = _cadence(channel_id=1, pk=1, at="10:00")
    afternoon = _cadence(channel_id=1, pk=2, at="16:00")
    start, end = local_day_bounds(date(2026, 5, 12), date(2026, 5, 12), ROME)
    slots = slots_between([afternoon, morning], start, end, ROME, [(1, rome(2026, 5, 12, 18))])
    assert [(s.at.hour, s.filled) for s in slots] == [(10, True), (16, False)]


def test_company_slots_ignore_cancelled_items_and_inactive_cadences_and_channels(company, linkedin, linkedin_cadence):
    ContentItemFactory(company=company, channel=linkedin, status="cancelled", scheduled_at=rome(2026, 5, 19, 10))
    ContentItemFactory(company=company, channel=linkedin, status="idea", scheduled_at=rome(2026, 5, 21, 8))
    CadenceFactory(company=company, channel=linkedin, rule="FREQ=WEEKLY;BYDAY=WE", is_active=False)
    paused = ContentChannelFactory(company=company, kind="x", name="X", is_active=False)
    CadenceFactory(company=company, channel=paused, rule="FREQ=WEEKLY;BYDAY=FR")
    start, end = local_day_bounds(date(2026, 5, 18), date(2026, 5, 24), ROME)
    slots = cadence_slots(company=company, start=start, end=end)
    assert [(s.day, s.filled, s.channel.name) for s in slots] == [
        (date(2026, 5, 19), False, "LinkedIn"),  # its item is cancelled
        (date(2026, 5, 21), True, "LinkedIn"),  # an idea with a date is already a plan
    ]


def test_company_slots_follow_the_company_time_zone(company, linkedin, linkedin_cadence):
    company.timezone = "America/New_York"
    company.save()
    tz = company.tzinfo
    start, end = local_day_bounds(date(2026, 5, 12), date(2026, 5, 12), tz)
    (slot,) = cadence_slots(company=company, start=start, end=end)
    assert slot.at.strftime("%Y-%m-%d %H:%M %z") == "2026-05-12 10:00 -0400"


def test_another_companys_cadences_and_items_do_not_count(company, other_company, linkedin_cadence):
    foreign = CadenceFactory(company=other_company, rule="FREQ=DAILY")
    ContentItemFactory(company=other_company, channel=foreign.channel, scheduled_at=rome(2026, 5, 12, 10))
    start, end = local_day_bounds(date(2026, 5, 12), date(2026, 5, 12), ROME)
    slots = cadence_slots(company=company, start=start, end=end)
    assert [(s.cadence.pk, s.filled) for s in slots] == [(linkedin_cadence.pk, False)]
