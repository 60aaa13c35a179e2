"""The first-response clock: business hours, Italian holidays, the trainee's schedule, DST.

The default week (Monday to Friday, 8:30–12:30 and 14:00–18:00, Europe/Rome) and the
default target of 4 business hours.
"""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from engagements.models import BusinessHours, Membership
from engagements.schedule.models import PresencePeriod
from engagements.schedule.services import presence_period_create
from inbox import sla
from inbox.models import Conversation
from inbox.sla import at_risk_cutoff, business_seconds, first_response_due, sla_attention_q, sla_state
from tests.inbox.mail.factories import ConversationFactory

ROME = ZoneInfo("Europe/Rome")
MORNINGS = [(day, time(9), time(13)) for day in range(5)]


def rome(year, month, day, hour, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=ROME)


def presence(company, trainee, *, starts_on, ends_on=None, slots=MORNINGS):
    return presence_period_create(
        company=company,
        trainee=trainee,
        name="Mattine",
        kind=PresencePeriod.Kind.REGULAR,
        starts_on=starts_on,
        ends_on=ends_on,
        slots=slots,
    )


pytestmark = pytest.mark.django_db


class TestBusinessHoursAndHolidays:
    def test_the_target_is_four_business_hours_by_default(self, company):
        assert sla.first_response_target_hours(company) == 4

    def test_an_enquiry_in_the_morning_is_due_the_same_afternoon(self, company):
        # 10:00–12:30 (2.5 h), lunch break, 14:00–15:30 (1.5 h).
        assert first_response_due(company, rome(2026, 11, 10, 10)) == rome(2026, 11, 10, 15, 30)

    def test_an_enquiry_in_the_evening_is_due_the_next_morning(self, company):
        # Tuesday 17:00–18:00 (1 h), Wednesday 8:30–11:30 (3 h).
        assert first_response_due(company, rome(2026, 11, 10, 17)) == rome(2026, 11, 11, 11, 30)

    def test_an_enquiry_at_night_starts_counting_when_the_office_opens(self, company):
        assert first_response_due(company, rome(2026, 11, 10, 22)) == rome(2026, 11, 11, 12, 30)

    def test_an_enquiry_on_friday_afternoon_is_due_on_monday(self, company):
        assert first_response_due(company, rome(2026, 11, 13, 16)) == rome(2026, 11, 16, 10, 30)

    def test_an_enquiry_on_saturday_is_due_on_monday_at_lunch(self, company):
        assert first_response_due(company, rome(2026, 11, 14, 11)) == rome(2026, 11, 16, 12, 30)

    @pytest.mark.parametrize(
        ("received", "due"),
        [
            # 8 December 2026 (Immacolata) is a Tuesday.
            (rome(2026, 12, 7, 17), rome(2026, 12, 9, 11, 30)),
            # Easter Monday, 6 April 2026.
            (rome(2026, 4, 3, 16), rome(2026, 4, 7, 10, 30)),
            # Liberation Day, Friday 25 April 2025.
            (rome(2025, 4, 24, 17), rome(2025, 4, 28, 11, 30)),
            # Ferragosto, Friday 15 August 2025.
            (rome(2025, 8, 14, 17), rome(2025, 8, 18, 11, 30)),
            # Christmas and Santo Stefano, Friday 25 and Saturday 26 December 2025.
            (rome(2025, 12, 24, 17), rome(2025, 12, 29, 11, 30)),
        ],
        ids=["immacolata", "easter-monday", "25-april", "ferragosto", "christmas"],
    )
    def test_italian_public_holidays_are_closed(self, company, received, due):
        assert first_response_due(company, received) == due

    def test_the_clock_stops_over_new_year(self, company):
        # Wednesday 31 Dec 2025 17:00 → 1 h; 1 January closed; Friday 2 January 8:30 + 3 h.
        assert first_response_due(company, rome(2025, 12, 31, 17)) == rome(2026, 1, 2, 11, 30)

    def test_the_due_time_is_given_in_the_company_time_zone(self, company):
        due = first_response_due(company, rome(2026, 11, 10, 17).astimezone(UTC))
        assert due.tzinfo == ROME
        assert due == rome(2026, 11, 11, 11, 30)

    def test_naive_datetimes_are_refused(self, company):
        with pytest.raises(ValueError, match="aware"):
            first_response_due(company, datetime(2026, 11, 10, 10))

    def test_a_company_uses_its_own_business_hours(self, company):
        BusinessHours.objects.for_company(company).delete()
        BusinessHours.objects.bulk_create(
            BusinessHours(company=company, weekday=day, opens=time(7), closes=time(19)) for day in range(6)
        )
        # Friday 17:00–19:00 (2 h), Saturday 7:00–9:00 (2 h).
        assert first_response_due(company, rome(2026, 11, 13, 17)) == rome(2026, 11, 14, 9)

    def test_a_company_without_business_hours_uses_the_default_week(self, company):
        BusinessHours.objects.for_company(company).delete()
        assert first_response_due(company, rome(2026, 11, 10, 17)) == rome(2026, 11, 11, 11, 30)

    def test_the_target_can_change_per_company(self, company, monkeypatch):
        monkeypatch.setattr(sla, "first_response_target_hours", lambda company: 8)
        # Tuesday 17:00–18:00, Wednesday 8:30–12:30 and 14:00–17:00.
        assert first_response_due(company, rome(2026, 11, 10, 17)) == rome(2026, 11, 11, 17)

    def test_computing_a_due_time_costs_two_queries_without_a_schedule(self, company, django_assert_num_queries):
        # business hours; presence periods (none, so no slot query)
        with django_assert_num_queries(2):
            first_response_due(company, rome(2026, 11, 13, 16))


class TestDaylightSaving:
    def test_a_weekend_with_the_spring_change_keeps_wall_clock_hours(self, company):
        # Friday 27 March 2026 17:00 CET; clocks go forward on Sunday 29; Monday 11:30 is CEST.
        due = first_response_due(company, rome(2026, 3, 27, 17))
        assert due == rome(2026, 3, 30, 11, 30)
        assert due.astimezone(UTC) == datetime(2026, 3, 30, 9, 30, tzinfo=UTC)

    def test_a_weekend_with_the_autumn_change_keeps_wall_clock_hours(self, company):
        due = first_response_due(company, rome(2026, 10, 23, 17))
        assert due == rome(2026, 10, 26, 11, 30)
        assert due.astimezone(UTC) == datetime(2026, 10, 26, 10, 30, tzinfo=UTC)

    @pytest.fixture
    def open_on_sunday_night(self, company):
        BusinessHours.objects.create(company=company, weekday=6, opens=time(0), closes=time(6))

    def test_the_night_the_clocks_go_forward_is_an_hour_shorter(self, company, open_on_sunday_night):
        # 00:00 CET to 06:00 CEST is five real hours.
        assert business_seconds(company, rome(2026, 3, 28, 12), rome(2026, 3, 30, 0)) == 5 * 3600

    def test_the_night_the_clocks_go_back_is_an_hour_longer(self, company, open_on_sunday_night):
        assert business_seconds(company, rome(2026, 10, 24, 12), rome(2026, 10, 26, 0)) == 7 * 3600

    def test_a_due_time_inside_the_changed_night_is_real_hours_later(self, company, open_on_sunday_night):
        # Four real hours from midnight on 29 March: 00:00–02:00 CET, then 03:00–05:00 CEST.
        assert first_response_due(company, rome(2026, 3, 29, 0)) == rome(2026, 3, 29, 5)


class TestBusinessSeconds:
    def test_counts_only_open_hours(self, company):
        # Tuesday 8:30–12:30 and 14:00–18:00 (8 h), Wednesday 8:30–9:00 (0.5 h).
        assert business_seconds(company, rome(2026, 11, 10, 8), rome(2026, 11, 11, 9)) == 8.5 * 3600

    def test_a_weekend_and_a_holiday_count_nothing(self, company):
        assert business_seconds(company, rome(2026, 12, 5, 0), rome(2026, 12, 7, 0)) == 0
        assert business_seconds(company, rome(2026, 12, 8, 0), rome(2026, 12, 9, 0)) == 0

    def test_an_empty_or_reversed_span_is_zero(self, company):
        assert business_seconds(company, rome(2026, 11, 10, 10), rome(2026, 11, 10, 10)) == 0
        assert business_seconds(company, rome(2026, 11, 10, 11), rome(2026, 11, 10, 10)) == 0

    def test_spans_longer_than_a_year_work_with_a_schedule(self, company, digital_manager):
        presence(company, digital_manager, starts_on=date(2025, 1, 1))
        seconds = business_seconds(company, rome(2025, 1, 1, 0), rome(2026, 12, 31, 0))
        # About 500 working days of 3.5 h (9:00–12:30): the mornings only.
        assert 480 * 3.5 * 3600 < seconds < 510 * 3.5 * 3600

    def test_costs_at_most_three_queries_with_a_schedule(self, company, digital_manager, django_assert_max_num_queries):
        presence(company, digital_manager, starts_on=date(2026, 1, 1))
        # business hours; presence periods; their slots
        with django_assert_max_num_queries(3):
            business_seconds(company, rome(2026, 1, 1, 0), rome(2026, 12, 31, 0))


class TestTraineeSchedule:
    def test_the_clock_runs_only_while_the_trainee_is_on_duty(self, company, digital_manager):
        presence(company, digital_manager, starts_on=date(2026, 11, 2))
        # Tuesday afternoon: off duty. Wednesday 9:00–13:00, within 8:30–12:30 business hours
        # and 9:00–13:00 duty: 9:00–12:30 (3.5 h), then Thursday 9:00–9:30.
        assert first_response_due(company, rome(2026, 11, 10, 17)) == rome(2026, 11, 12, 9, 30)

    def test_a_morning_enquiry_counts_until_the_office_closes_for_lunch(self, company, digital_manager):
        presence(company, digital_manager, starts_on=date(2026, 11, 2))
        # Tuesday 10:00–12:30 (2.5 h), Wednesday 9:00–10:30 (1.5 h).
        assert first_response_due(company, rome(2026, 11, 10, 10)) == rome(2026, 11, 11, 10, 30)

    def test_a_trial_of_three_mornings_skips_the_other_days(self, company, digital_manager):
        presence(
            company,
            digital_manager,
            starts_on=date(2026, 11, 2),
            slots=[(day, time(9), time(13)) for day in (0, 2, 4)],
        )
        # Monday evening → Wednesday 9:00–12:30 (3.5 h) → Friday 9:00–9:30.
        assert first_response_due(company, rome(2026, 11, 9, 17)) == rome(2026, 11, 13, 9, 30)

    def test_days_before_the_schedule_starts_use_business_hours_alone(self, company, digital_manager):
        presence(company, digital_manager, starts_on=date(2026, 11, 16))
        # Friday 13 (no schedule yet) 16:00–18:00 (2 h), Monday 16 on duty 9:00–11:00.
        assert first_response_due(company, rome(2026, 11, 13, 16)) == rome(2026, 11, 16, 11)

    def test_after_the_schedule_ends_business_hours_apply_again(self, company, digital_manager):
        presence(company, digital_manager, starts_on=date(2026, 11, 2), ends_on=date(2026, 11, 6))
        assert first_response_due(company, rome(2026, 11, 10, 17)) == rome(2026, 11, 11, 11, 30)

    def test_holidays_are_closed_even_when_the_trainee_is_scheduled(self, company, digital_manager):
        presence(company, digital_manager, starts_on=date(2026, 11, 2))
        # Monday 7 December 10:00–12:30 (2.5 h); 8 December closed; Wednesday 9:00–10:30.
        assert first_response_due(company, rome(2026, 12, 7, 10)) == rome(2026, 12, 9, 10, 30)

    def test_a_trainee_who_left_the_company_stops_the_clock_no_more(self, company, digital_manager):
        presence(company, digital_manager, starts_on=date(2026, 11, 2))
        Membership.objects.filter(company=company, user=digital_manager).delete()
        assert first_response_due(company, rome(2026, 11, 10, 17)) == rome(2026, 11, 11, 11, 30)

    def test_a_schedule_that_never_meets_business_hours_falls_back_to_them(self, company, digital_manager):
        presence(company, digital_manager, starts_on=date(2026, 11, 2), slots=[(5, time(9), time(13))])
        assert first_response_due(company, rome(2026, 11, 10, 17)) == rome(2026, 11, 11, 11, 30)

    def test_the_schedule_in_the_spring_change_week_stays_on_wall_clock(self, company, digital_manager):
        presence(company, digital_manager, starts_on=date(2026, 3, 2))
        # Friday 27 March 10:00–12:30 CET (2.5 h), Monday 30 March 9:00–10:30 CEST.
        due = first_response_due(company, rome(2026, 3, 27, 10))
        assert due == rome(2026, 3, 30, 10, 30)
        assert due.astimezone(UTC) == datetime(2026, 3, 30, 8, 30, tzinfo=UTC)

    def test_computing_a_due_time_costs_three_queries_with_a_schedule(
        self, company, digital_manager, django_assert_num_queries
    ):
        presence(company, digital_manager, starts_on=date(2026, 11, 2))
        # business hours; presence periods; their slots
        with django_assert_num_queries(3):
            first_response_due(company, rome(2026, 11, 13, 16))


class TestSlaState:
    @pytest.fixture
    def waiting(self, company):
        # Received Tuesday 15:00: due Wednesday 9:30 (15–18 Tuesday, 8:30–9:30 Wednesday).
        received = rome(2026, 11, 10, 15)
        return ConversationFactory(
            company=company, created_at=received, first_response_due_at=first_response_due(company, received)
        )

    def test_the_due_time_is_stored_on_the_conversation(self, waiting):
        assert waiting.first_response_due_at == rome(2026, 11, 11, 9, 30)

    def test_on_time_while_more_than_an_hour_of_business_time_is_left(self, waiting):
        assert sla_state(waiting, rome(2026, 11, 10, 16)) == "on_time"
        # 10 minutes on Tuesday and 60 on Wednesday morning are left.
        assert sla_state(waiting, rome(2026, 11, 10, 17, 50)) == "on_time"

    def test_the_evening_does_not_eat_into_the_time_left(self, waiting):
        # Tuesday 21:00: still a full hour of business time before the due time.
        assert sla_state(waiting, rome(2026, 11, 10, 21)) == "on_time"

    def test_at_risk_in_the_last_hour_of_business_time(self, waiting):
        assert sla_state(waiting, rome(2026, 11, 11, 8, 45)) == "at_risk"

    def test_breached_once_due(self, waiting):
        assert sla_state(waiting, rome(2026, 11, 11, 9, 30)) == "breached"
        assert sla_state(waiting, rome(2026, 11, 20, 9)) == "breached"

    @pytest.mark.parametrize("field", ["first_response_at", "status"])
    def test_no_state_once_answered_resolved_or_spam(self, waiting, field):
        if field == "first_response_at":
            waiting.first_response_at = rome(2026, 11, 10, 16)
        else:
            waiting.status = Conversation.Status.RESOLVED
        assert sla_state(waiting, rome(2026, 11, 12, 9)) is None
        waiting.status = Conversation.Status.SPAM
        assert sla_state(waiting, rome(2026, 11, 12, 9)) is None

    def test_a_conversation_without_a_stored_due_time_is_computed(self, company):
        conversation = ConversationFactory(company=company, created_at=rome(2026, 11, 10, 15))
        assert sla_state(conversation, rome(2026, 11, 11, 8, 45)) == "at_risk"
        assert sla_state(conversation, rome(2026, 11, 11, 10)) == "breached"

    def test_with_a_cutoff_a_list_costs_no_query(self, company, waiting, django_assert_num_queries):
        conversations = [waiting] + [
            ConversationFactory(company=company, created_at=waiting.created_at, first_response_due_at=due)
            for due in (rome(2026, 11, 11, 9, 30), rome(2026, 11, 12, 12), rome(2026, 11, 10, 16))
        ]
        now = rome(2026, 11, 11, 8, 45)
        cutoff = at_risk_cutoff(company, now)
        assert cutoff == rome(2026, 11, 11, 9, 45)
        with django_assert_num_queries(0):
            states = [sla_state(c, now, cutoff=cutoff) for c in conversations]
        assert states == ["at_risk", "at_risk", "on_time", "breached"]

    def test_the_attention_filter_finds_at_risk_and_breached_conversations(self, company, waiting):
        later = ConversationFactory(
            company=company, created_at=waiting.created_at, first_response_due_at=rome(2026, 11, 13, 12)
        )
        answered = ConversationFactory(
            company=company,
            created_at=waiting.created_at,
            first_response_due_at=rome(2026, 11, 10, 16),
            first_response_at=rome(2026, 11, 10, 15, 30),
        )
        cutoff = at_risk_cutoff(company, rome(2026, 11, 11, 8, 45))
        found = set(Conversation.objects.for_company(company).filter(sla_attention_q(cutoff)))
        assert found == {waiting}
        assert later not in found
        assert answered not in found

    def test_the_cutoff_is_an_hour_of_business_time_ahead(self, company):
        # Friday 17:30: 30 minutes on Friday, 30 on Monday morning.
        assert at_risk_cutoff(company, rome(2026, 11, 13, 17, 30)) == rome(2026, 11, 16, 9)
        assert at_risk_cutoff(company, rome(2026, 11, 13, 17, 30)) - rome(2026, 11, 13, 17, 30) > timedelta(days=2)
