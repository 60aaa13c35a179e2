"""The on-duty functions: across weeks, from trial to regular, across DST, and cheaply."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from engagements.schedule.selectors import next_on_duty, on_duty_intervals, trainee_on_duty
from engagements.schedule.services import presence_default_plan
from tests.schedule.factories import PresencePeriodFactory

ROME = ZoneInfo("Europe/Rome")
# The typical plan from Monday 2 November 2026: trial Mon/Wed/Fri until Sunday 29 November,
# then every weekday morning from Monday 30 November.
PLAN_START = date(2026, 11, 2)


def rome(*args):
    return datetime(*args, tzinfo=ROME)


@pytest.fixture
def plan(company, digital_manager):
    return presence_default_plan(company=company, trainee=digital_manager, start=PLAN_START)


def test_the_typical_plan_is_a_four_week_trial_then_every_morning_with_no_end(plan):
    trial, regular = plan
    assert (trial.kind, trial.starts_on, trial.ends_on) == ("trial", date(2026, 11, 2), date(2026, 11, 29))
    assert sorted(s.weekday for s in trial.slots.all()) == [0, 2, 4]
    assert (regular.kind, regular.starts_on, regular.ends_on) == ("regular", date(2026, 11, 30), None)
    assert sorted(s.weekday for s in regular.slots.all()) == [0, 1, 2, 3, 4]
    assert trial.name == "Prova: 3 mattine"
    assert regular.name == "A regime: ogni mattina"


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (rome(2026, 11, 2, 9, 0), True),  # first Monday of the trial, at the start of the slot
        (rome(2026, 11, 2, 12, 59), True),
        (rome(2026, 11, 2, 13, 0), False),  # the end of a slot is already off duty
        (rome(2026, 11, 2, 8, 59), False),
        (rome(2026, 11, 3, 10, 0), False),  # Tuesday during the trial: off duty
        (rome(2026, 11, 4, 10, 0), True),  # Wednesday
        (rome(2026, 11, 5, 10, 0), False),  # Thursday during the trial
        (rome(2026, 11, 6, 10, 0), True),  # Friday
        (rome(2026, 11, 7, 10, 0), False),  # Saturday
        (rome(2026, 11, 24, 10, 0), False),  # Tuesday of the fourth trial week
        (rome(2026, 11, 27, 10, 0), True),  # last Friday of the trial
        (rome(2026, 12, 1, 10, 0), True),  # first Tuesday of the regular schedule
        (rome(2026, 12, 3, 10, 0), True),  # Thursday, regular
        (rome(2026, 12, 5, 10, 0), False),  # Saturday, regular
        (rome(2027, 6, 15, 11, 0), True),  # a Tuesday months later: open-ended
    ],
)
def test_on_duty_across_weeks_and_the_change_from_trial_to_regular(company, digital_manager, plan, moment, expected):
    assert trainee_on_duty(company, moment, trainee=digital_manager) is expected
    assert trainee_on_duty(company, moment) is expected  # any trainee: there is only one


def test_tuesday_is_off_duty_during_the_trial_and_on_duty_from_the_first_regular_week(company, plan):
    assert not trainee_on_duty(company, rome(2026, 11, 24, 9, 30))
    assert trainee_on_duty(company, rome(2026, 12, 1, 9, 30))


def test_moments_in_other_time_zones_are_read_in_the_company_zone(company, plan):
    # 08:30 UTC on Monday 2 November is 9:30 in Rome; 12:30 UTC is 13:30 in Rome.
    assert trainee_on_duty(company, datetime(2026, 11, 2, 8, 30, tzinfo=UTC))
    assert not trainee_on_duty(company, datetime(2026, 11, 2, 12, 30, tzinfo=UTC))
    new_york = ZoneInfo("America/New_York")
    assert trainee_on_duty(company, datetime(2026, 11, 2, 3, 30, tzinfo=new_york))  # 9:30 in Rome


def test_next_on_duty_from_a_trial_tuesday_is_wednesday_at_nine(company, plan):
    answer = next_on_duty(company, rome(2026, 11, 3, 10, 0))
    assert answer == rome(2026, 11, 4, 9, 0)
    assert answer.tzinfo == ROME


def test_next_on_duty_from_friday_afternoon_is_monday_at_nine_during_the_regular_schedule(company, plan):
    assert next_on_duty(company, rome(2026, 12, 4, 14, 0)) == rome(2026, 12, 7, 9, 0)


def test_next_on_duty_from_the_last_trial_friday_afternoon_is_the_first_regular_monday(company, plan):
    assert next_on_duty(company, rome(2026, 11, 27, 14, 0)) == rome(2026, 11, 30, 9, 0)


def test_next_on_duty_from_a_thursday_morning_of_the_last_trial_week_is_friday(company, plan):
    assert next_on_duty(company, rome(2026, 11, 26, 8, 0)) == rome(2026, 11, 27, 9, 0)


def test_next_on_duty_is_the_moment_itself_when_on_duty(company, plan):
    moment = datetime(2026, 11, 4, 10, 15, tzinfo=UTC)
    answer = next_on_duty(company, moment)
    assert answer == moment
    assert answer.tzinfo == ROME


def test_next_on_duty_at_the_end_of_a_slot_is_the_next_slot(company, plan):
    assert next_on_duty(company, rome(2026, 11, 4, 13, 0)) == rome(2026, 11, 6, 9, 0)


def test_next_on_duty_before_the_plan_starts_is_its_first_morning(company, plan):
    assert next_on_duty(company, rome(2026, 10, 1, 12, 0)) == rome(2026, 11, 2, 9, 0)


def test_no_schedule_means_never_on_duty(company, digital_manager):
    assert trainee_on_duty(company, rome(2026, 11, 2, 10, 0)) is False
    assert next_on_duty(company, rome(2026, 11, 2, 10, 0)) is None
    assert on_duty_intervals(company, rome(2026, 11, 2), rome(2026, 11, 9)) == []


def test_after_the_last_period_ends_there_is_no_next_on_duty(company, digital_manager):
    PresencePeriodFactory(company=company, trainee=digital_manager, ends_on=date(2026, 11, 6))
    assert next_on_duty(company, rome(2026, 11, 6, 13, 0)) is None
    assert next_on_duty(company, rome(2026, 11, 6, 12, 0)) == rome(2026, 11, 6, 12, 0)


def test_a_period_starting_in_six_months_is_found_at_once(company, digital_manager, django_assert_max_num_queries):
    PresencePeriodFactory(
        company=company, trainee=digital_manager, starts_on=date(2027, 5, 5), slots=[(2, "14:00", "18:00")]
    )
    # periods, slots
    with django_assert_max_num_queries(2):
        assert next_on_duty(company, rome(2026, 11, 5, 10, 0)) == rome(2027, 5, 5, 14, 0)


def test_daylight_saving_end_keeps_the_slots_at_local_nine_to_one(company, digital_manager):
    # Sunday 25 October 2026 Rome goes from UTC+2 to UTC+1.
    PresencePeriodFactory(company=company, trainee=digital_manager, starts_on=date(2026, 10, 1))
    utc = UTC
    assert trainee_on_duty(company, datetime(2026, 10, 23, 7, 30, tzinfo=utc))  # Friday 9:30 CEST
    assert not trainee_on_duty(company, datetime(2026, 10, 23, 11, 30, tzinfo=utc))  # Friday 13:30 CEST
    assert not trainee_on_duty(company, datetime(2026, 10, 26, 7, 30, tzinfo=utc))  # Monday 8:30 CET
    assert trainee_on_duty(company, datetime(2026, 10, 26, 8, 30, tzinfo=utc))  # Monday 9:30 CET
    assert trainee_on_duty(company, datetime(2026, 10, 26, 11, 30, tzinfo=utc))  # Monday 12:30 CET
    assert next_on_duty(company, rome(2026, 10, 23, 14, 0)) == datetime(2026, 10, 26, 8, 0, tzinfo=utc)
    intervals = on_duty_intervals(company, rome(2026, 10, 23, 0, 0), rome(2026, 10, 27, 0, 0))
    assert intervals == [
        (datetime(2026, 10, 23, 7, 0, tzinfo=utc), datetime(2026, 10, 23, 11, 0, tzinfo=utc)),
        (datetime(2026, 10, 26, 8, 0, tzinfo=utc), datetime(2026, 10, 26, 12, 0, tzinfo=utc)),
    ]
    assert [(b - a) for a, b in intervals] == [timedelta(hours=4)] * 2


def test_daylight_saving_start_keeps_the_slots_at_local_nine_to_one(company, digital_manager):
    # Sunday 29 March 2026 Rome goes from UTC+1 to UTC+2.
    PresencePeriodFactory(company=company, trainee=digital_manager, starts_on=date(2026, 3, 1))
    assert trainee_on_duty(company, datetime(2026, 3, 27, 8, 30, tzinfo=UTC))  # Friday 9:30 CET
    assert trainee_on_duty(company, datetime(2026, 3, 30, 7, 30, tzinfo=UTC))  # Monday 9:30 CEST
    assert not trainee_on_duty(company, datetime(2026, 3, 30, 11, 30, tzinfo=UTC))  # Monday 13:30 CEST
    assert next_on_duty(company, rome(2026, 3, 27, 14, 0)) == datetime(2026, 3, 30, 7, 0, tzinfo=UTC)


def test_intervals_are_clipped_to_the_span_and_in_the_company_zone(company, plan):
    intervals = on_duty_intervals(company, rome(2026, 11, 2, 10, 0), rome(2026, 11, 6, 11, 0))
    assert intervals == [
        (rome(2026, 11, 2, 10, 0), rome(2026, 11, 2, 13, 0)),
        (rome(2026, 11, 4, 9, 0), rome(2026, 11, 4, 13, 0)),
        (rome(2026, 11, 6, 9, 0), rome(2026, 11, 6, 11, 0)),
    ]
    assert all(a.tzinfo == ROME and b.tzinfo == ROME for a, b in intervals)


def test_intervals_follow_the_switch_from_trial_to_regular(company, plan):
    intervals = on_duty_intervals(company, rome(2026, 11, 23), rome(2026, 12, 5))
    assert [a.date().isoformat() for a, _b in intervals] == [
        "2026-11-23",
        "2026-11-25",
        "2026-11-27",
        "2026-11-30",
        "2026-12-01",
        "2026-12-02",
        "2026-12-03",
        "2026-12-04",
    ]


def test_intervals_of_two_trainees_are_merged_when_they_overlap(company, digital_manager):
    from engagements.roles import Role
    from tests.factories import MembershipFactory

    second = MembershipFactory(company=company, role=Role.DIGITAL_MANAGER).user
    PresencePeriodFactory(company=company, trainee=digital_manager, slots=[(0, "9:00", "13:00")])
    PresencePeriodFactory(company=company, trainee=second, slots=[(0, "12:00", "16:00"), (1, "13:00", "14:00")])
    assert on_duty_intervals(company, rome(2026, 11, 2), rome(2026, 11, 4)) == [
        (rome(2026, 11, 2, 9, 0), rome(2026, 11, 2, 16, 0)),
        (rome(2026, 11, 3, 13, 0), rome(2026, 11, 3, 14, 0)),
    ]
    assert on_duty_intervals(company, rome(2026, 11, 2), rome(2026, 11, 4), trainee=digital_manager) == [
        (rome(2026, 11, 2, 9, 0), rome(2026, 11, 2, 13, 0)),
    ]
    assert trainee_on_duty(company, rome(2026, 11, 2, 15, 0))
    assert not trainee_on_duty(company, rome(2026, 11, 2, 15, 0), trainee=digital_manager)
    assert next_on_duty(company, rome(2026, 11, 2, 14, 0), trainee=digital_manager) == rome(2026, 11, 9, 9, 0)


def test_intervals_refuse_a_span_longer_than_a_year(company, plan):
    with pytest.raises(ValueError, match="at most 366 days"):
        on_duty_intervals(company, rome(2026, 1, 1), rome(2027, 1, 3))


def test_a_year_of_intervals_is_counted_week_by_week(company, plan):
    intervals = on_duty_intervals(company, rome(2026, 11, 2), rome(2027, 11, 2))
    # 4 trial weeks of 3 mornings, then 48 weeks and a day of 5 mornings (1 November 2027 is a Monday)
    assert len(intervals) == 4 * 3 + 48 * 5 + 1


def test_naive_moments_are_refused(company, plan):
    with pytest.raises(ValueError, match="aware"):
        trainee_on_duty(company, datetime(2026, 11, 2, 10, 0))


def test_another_companys_schedule_never_counts(company, other_company, outsider, digital_manager):
    PresencePeriodFactory(company=other_company, trainee=outsider)
    assert not trainee_on_duty(company, rome(2026, 11, 2, 10, 0))
    assert next_on_duty(company, rome(2026, 11, 2, 10, 0)) is None
    assert trainee_on_duty(other_company, rome(2026, 11, 2, 10, 0))


def test_a_trainee_who_left_the_company_is_no_longer_on_duty(company, digital_manager):
    from engagements.models import Membership

    PresencePeriodFactory(company=company, trainee=digital_manager)
    assert trainee_on_duty(company, rome(2026, 11, 2, 10, 0))
    Membership.objects.filter(company=company, user=digital_manager).delete()
    assert not trainee_on_duty(company, rome(2026, 11, 2, 10, 0))


@pytest.mark.parametrize("periods", [1, 20])
def test_each_function_costs_two_queries_however_many_periods(
    company, digital_manager, periods, django_assert_max_num_queries
):
    for n in range(periods):
        start = date(2026, 1, 5) + timedelta(weeks=2 * n)
        PresencePeriodFactory(company=company, trainee=digital_manager, starts_on=start, ends_on=start + timedelta(13))
    start, end = rome(2026, 1, 1), rome(2026, 12, 31)
    # periods, slots (prefetched together)
    with django_assert_max_num_queries(2):
        trainee_on_duty(company, rome(2026, 3, 4, 10, 0))
    with django_assert_max_num_queries(2):
        next_on_duty(company, rome(2026, 3, 7, 10, 0))
    with django_assert_max_num_queries(2):
        assert len(on_duty_intervals(company, start, end)) == periods * 10
