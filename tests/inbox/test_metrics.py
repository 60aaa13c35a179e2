"""Inbox figures for a company and a month, computed in the database from real rows.

Every expectation is counted by hand from the rows the test makes; the same tests run on SQLite
and on PostgreSQL (DATABASE_URL), so both give the same numbers.
"""

import json
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from engagements.roles import Department
from inbox.metrics import figures, median, monthly_enquiries, period_bounds
from inbox.models import Conversation, IntakeChannel
from tests.inbox.factories import ContactFactory, ConversationFactory, IntakeChannelFactory
from tests.inbox.mentions.factories import MentionFactory

ROME = ZoneInfo("Europe/Rome")
MARCH = (date(2026, 3, 1), date(2026, 3, 31))
NOW = datetime(2026, 4, 15, 12, 0, tzinfo=ROME)


def _at(day, hour=10, minute=0, month=3, year=2026):
    return datetime(year, month, day, hour, minute, tzinfo=ROME)


@pytest.fixture
def channels(company):
    return {kind: IntakeChannelFactory(company=company, kind=kind, name=str(kind)) for kind in IntakeChannel.Kind}


def _enquiry(company, channel, when, **extra):
    return ConversationFactory(company=company, channel=channel, created_at=when, **extra)


def test_enquiries_are_counted_per_intake_channel(company, channels):
    for day in (2, 9, 16):
        _enquiry(company, channels["form"], _at(day))
    _enquiry(company, channels["email"], _at(3))
    _enquiry(company, channels["chat"], _at(4))
    _enquiry(company, channels["chat"], _at(5))
    _enquiry(company, channels["form"], _at(1, month=4))  # April
    result = figures(company, *MARCH, now=NOW)
    assert result["enquiries"] == 6
    assert result["by_channel"] == {"form": 3, "webhook": 0, "email": 1, "chat": 2, "other": 0}


def test_spam_is_not_an_enquiry_and_mentions_are_counted_apart(company, channels):
    _enquiry(company, channels["form"], _at(2))
    _enquiry(company, channels["form"], _at(3), status=Conversation.Status.SPAM)
    from_mention = _enquiry(company, None, _at(4))
    MentionFactory(company=company, found_at=_at(4), conversation=from_mention, conversation_opened_at=_at(4))
    MentionFactory(company=company, found_at=_at(6))
    result = figures(company, *MARCH, now=NOW)
    assert result["enquiries"] == 1
    assert result["by_channel"]["other"] == 0
    assert result["mentions"] == {"found": 2, "to_conversations": 1, "to_ideas": 0, "conversations_received": 1}


def test_an_enquiry_whose_channel_was_removed_counts_as_other(company, channels):
    _enquiry(company, None, _at(2))
    assert figures(company, *MARCH, now=NOW)["by_channel"]["other"] == 1


def test_the_month_follows_the_company_time_zone_at_its_edges(company, channels):
    form = channels["form"]
    # 23:30 on 31 March in Rome is 21:30 UTC: March. 00:30 on 1 March is still 28 February in UTC: March.
    _enquiry(company, form, _at(31, 23, 30))
    _enquiry(company, form, _at(1, 0, 30))
    # 00:30 on 1 April in Rome is 22:30 UTC on 31 March: April. 23:30 on 28 February: February.
    _enquiry(company, form, _at(1, 0, 30, month=4))
    _enquiry(company, form, datetime(2026, 2, 28, 23, 30, tzinfo=ROME))
    assert figures(company, *MARCH, now=NOW)["enquiries"] == 2
    assert figures(company, date(2026, 4, 1), date(2026, 4, 30), now=NOW)["enquiries"] == 1


def test_months_with_a_daylight_saving_change_keep_their_local_days(company, channels):
    form = channels["form"]
    # October 2026 ends with the change back to winter time (25 October); March with the change
    # to summer time (29 March): the last evening of each month is still that month.
    _enquiry(company, form, datetime(2026, 10, 31, 23, 30, tzinfo=ROME))
    _enquiry(company, form, datetime(2026, 10, 25, 2, 30, tzinfo=ROME, fold=1))  # the second 2:30
    _enquiry(company, form, datetime(2026, 11, 1, 0, 15, tzinfo=ROME))
    _enquiry(company, form, datetime(2026, 3, 29, 3, 30, tzinfo=ROME))
    october = figures(company, date(2026, 10, 1), date(2026, 10, 31), now=NOW)
    november = figures(company, date(2026, 11, 1), date(2026, 11, 30), now=NOW)
    assert (october["enquiries"], november["enquiries"]) == (2, 1)
    assert figures(company, *MARCH, now=NOW)["enquiries"] == 1
    since, until = period_bounds(company, date(2026, 10, 1), date(2026, 10, 31))
    assert until.astimezone(UTC) - since.astimezone(UTC) == timedelta(days=31, hours=1)  # one hour more


def test_median_first_response_of_an_odd_number_is_the_middle_one(company, channels):
    for seconds in (900, 3600, 60, 7200, 1800):
        _enquiry(company, channels["form"], _at(10), first_response_seconds=seconds, first_response_at=_at(11))
    _enquiry(company, channels["form"], _at(10))  # not answered yet: left out
    _enquiry(company, channels["form"], _at(10), first_response_seconds=5, status=Conversation.Status.SPAM)
    result = figures(company, *MARCH, now=NOW)
    assert result["first_response"] == {"median_seconds": 1800, "answered": 5}


def test_median_first_response_of_an_even_number_averages_the_two_middle_ones(company, channels):
    for seconds in (100, 301, 400, 2000):  # middle ones 301 and 400: 350.5, rounded half up
        _enquiry(company, channels["form"], _at(10), first_response_seconds=seconds, first_response_at=_at(11))
    assert figures(company, *MARCH, now=NOW)["first_response"]["median_seconds"] == 351


def test_median_helper_works_on_any_queryset_and_ignores_nulls(company, channels):
    for seconds in (10, None, 30, 20, None):
        _enquiry(company, channels["form"], _at(10), first_response_seconds=seconds)
    conversations = Conversation.objects.for_company(company)
    assert median(conversations, "first_response_seconds") == 20
    assert median(conversations.filter(first_response_seconds__gt=10), "first_response_seconds") == 25
    assert median(conversations.none(), "first_response_seconds") is None


def test_without_answers_the_median_is_missing_not_zero(company, channels):
    _enquiry(company, channels["form"], _at(10))
    assert figures(company, *MARCH, now=NOW)["first_response"] == {"median_seconds": None, "answered": 0}


def test_sla_counts_answers_in_time_late_ones_and_those_still_in_time(company, channels):
    form, due = channels["form"], _at(10, 14)
    _enquiry(company, form, _at(10), first_response_due_at=due, first_response_at=_at(10, 13))  # within
    _enquiry(company, form, _at(10), first_response_due_at=due, first_response_at=due)  # within: exactly on time
    _enquiry(company, form, _at(10), first_response_due_at=due, first_response_at=_at(10, 15))  # late
    _enquiry(company, form, _at(10), first_response_due_at=due)  # unanswered past due: late
    _enquiry(company, form, _at(10), first_response_due_at=due, status=Conversation.Status.RESOLVED)  # no reply needed
    _enquiry(company, form, _at(31, 18), first_response_due_at=_at(20, 10, month=4))  # still in time at NOW
    assert figures(company, *MARCH, now=NOW)["sla"] == {"within": 2, "late": 2, "waiting": 1}


def test_conversations_passed_to_sales_are_counted(company, channels):
    _enquiry(company, channels["form"], _at(2), department=Department.SALES)
    _enquiry(company, channels["form"], _at(3), department=Department.RND)
    _enquiry(company, channels["form"], _at(4))
    _enquiry(company, channels["form"], _at(5), department=Department.SALES, status=Conversation.Status.SPAM)
    assert figures(company, *MARCH, now=NOW)["to_sales"] == 1


def test_a_new_contact_is_someone_whose_first_enquiry_is_in_the_month(company, channels):
    form = channels["form"]
    returning, new, spammer = (
        ContactFactory(company=company),
        ContactFactory(company=company),
        ContactFactory(company=company),
    )
    _enquiry(company, form, _at(20, month=2), contact=returning)
    _enquiry(company, form, _at(5), contact=returning)
    _enquiry(company, form, _at(6), contact=new)
    _enquiry(company, form, _at(7), contact=new)
    _enquiry(company, form, _at(8), contact=spammer, status=Conversation.Status.SPAM)
    assert figures(company, *MARCH, now=NOW)["new_contacts"] == 1


def test_a_month_before_the_first_enquiry_has_no_figures_and_a_quiet_month_has_zeros(company, channels):
    assert figures(company, *MARCH, now=NOW) is None
    _enquiry(company, channels["form"], _at(20, month=2))
    quiet = figures(company, *MARCH, now=NOW)
    assert quiet["enquiries"] == 0
    assert quiet["first_response"]["median_seconds"] is None
    assert figures(company, date(2026, 1, 1), date(2026, 1, 31), now=NOW) is None


def test_other_companies_are_never_counted(company, other_company, channels):
    other_form = IntakeChannelFactory(company=other_company)
    _enquiry(other_company, other_form, _at(5), first_response_seconds=60, department=Department.SALES)
    MentionFactory(company=other_company, found_at=_at(5))
    _enquiry(company, channels["form"], _at(20, month=2))
    result = figures(company, *MARCH, now=NOW)
    assert (result["enquiries"], result["to_sales"], result["new_contacts"]) == (0, 0, 0)
    assert result["mentions"]["found"] == 0
    assert result["first_response"]["median_seconds"] is None


def test_figures_are_plain_json(company, channels):
    _enquiry(company, channels["form"], _at(2), first_response_seconds=60, first_response_at=_at(2, 11))
    result = figures(company, *MARCH, now=NOW)
    assert json.loads(json.dumps(result)) == result


def test_monthly_enquiries_lists_every_month_with_its_channels(company, channels):
    _enquiry(company, channels["form"], _at(31, 23, 30, month=1))
    _enquiry(company, channels["email"], _at(1, 0, 30, month=3))
    _enquiry(company, channels["email"], _at(15, month=3))
    _enquiry(company, channels["form"], _at(15, month=3), status=Conversation.Status.SPAM)
    _enquiry(company, channels["form"], datetime(2026, 4, 30, 22, 30, tzinfo=UTC))  # 1 May in Rome
    months = monthly_enquiries(company, date(2026, 1, 1), date(2026, 4, 1))
    assert [m["month"] for m in months] == ["2026-01", "2026-02", "2026-03", "2026-04"]
    assert [(m["form"], m["email"]) for m in months] == [(1, 0), (0, 0), (0, 2), (0, 0)]


def test_figures_take_the_same_queries_with_ten_times_the_rows(company, channels, django_assert_num_queries):
    def add(n):
        for i in range(n):
            _enquiry(
                company,
                channels["form" if i % 2 else "email"],
                _at(1 + i % 28),
                first_response_seconds=60 * i,
                first_response_at=_at(1 + i % 28, 11),
            )

    add(3)
    # aggregate of the conversations, median, new contacts, mentions (totals, per feed)
    with django_assert_num_queries(5):
        figures(company, *MARCH, now=NOW)
    add(30)
    with django_assert_num_queries(5):
        figures(company, *MARCH, now=NOW)


def _series(company):
    return [
        (m["month"], m["form"], m["email"], m["other"])
        for m in monthly_enquiries(company, date(2026, 1, 1), date(2026, 4, 1))
    ]


def test_the_months_that_are_over_follow_every_late_change(company, channels, django_assert_max_num_queries):
    """On PostgreSQL the counts of months that are over are cached under a version the database
    renews on each write that can change them: whatever is written late shows at once."""
    with time_machine.travel(NOW):
        spam_later = _enquiry(company, channels["form"], _at(10, month=2))
        moved_later = _enquiry(company, channels["email"], _at(10, month=1))
        linked_later = _enquiry(company, None, _at(12, month=3))
        assert _series(company) == [
            ("2026-01", 0, 1, 0),
            ("2026-02", 1, 0, 0),
            ("2026-03", 0, 0, 1),
            ("2026-04", 0, 0, 0),
        ]
        with django_assert_max_num_queries(1):  # the versions with the current month; the rest cached
            assert _series(company)[0] == ("2026-01", 0, 1, 0)
        Conversation.objects.filter(pk=spam_later.pk).update(status=Conversation.Status.SPAM)
        moved_later.created_at = _at(11, month=3)
        moved_later.save(update_fields=["created_at"])
        MentionFactory(company=company, found_at=_at(12), conversation=linked_later, conversation_opened_at=_at(12))
        _enquiry(company, channels["form"], _at(20, month=1))  # received late: imported from another tool
        assert _series(company) == [
            ("2026-01", 1, 0, 0),
            ("2026-02", 0, 0, 0),
            ("2026-03", 0, 1, 0),
            ("2026-04", 0, 0, 0),
        ]
        channels["email"].delete()  # its conversations are "other" from now on
        assert _series(company)[2] == ("2026-03", 0, 0, 1)
