"""Outside the trainee's on-duty hours the chat says when the answer will come, in the visitor's
language and time zone, and asks for an email address."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from engagements.models import Membership
from inbox.chat.availability import Availability, availability
from tests.schedule.factories import PresencePeriodFactory

ROME = ZoneInfo("Europe/Rome")


def at(year, month, day, hour, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=ROME)


@pytest.fixture
def mornings(company, digital_manager):
    """The trainee is on duty Monday to Friday, 9:00 to 13:00."""
    return PresencePeriodFactory(company=company, trainee=digital_manager, starts_on=date(2026, 11, 2))


def hello(visitor, moment, *, lang="it", tz="Europe/Rome"):
    visitor.lang = lang
    with time_machine.travel(moment, tick=False):
        response = visitor.get("hello/", f"&tz={tz}")
    assert response.status_code == 200
    return response.json()


def test_while_the_trainee_is_on_duty_the_chat_says_so_and_asks_nothing(visitor, mornings):
    body = hello(visitor, at(2026, 11, 25, 10))  # a Wednesday morning

    assert body["on_duty"] is True
    assert body["ask_email"] is False
    assert body["message"] == "Ci siamo: scrivici e ti rispondiamo in questa chat."


@pytest.mark.parametrize(
    ("moment", "lang", "expected"),
    [
        (at(2026, 11, 25, 8), "it", "Ora non ci siamo: ti rispondiamo oggi dalle 9:00."),
        (at(2026, 11, 25, 15), "it", "Ora non ci siamo: ti rispondiamo domani dalle 9:00."),
        (at(2026, 11, 27, 18), "it", "Ora non ci siamo: ti rispondiamo lunedì 30 novembre dalle 9:00."),
        (at(2026, 11, 27, 18), "en", "We are away right now: we will answer you on Monday 30 November from 9:00."),
        (at(2026, 11, 25, 15), "en", "We are away right now: we will answer you tomorrow from 9:00."),
    ],
)
def test_off_duty_the_chat_says_when_the_answer_will_come(visitor, mornings, moment, lang, expected):
    body = hello(visitor, moment, lang=lang)

    assert body["on_duty"] is False
    assert body["message"] == expected
    assert body["ask_email"] is True


def test_the_time_is_given_in_the_visitors_time_zone(visitor, mornings):
    body = hello(visitor, at(2026, 11, 25, 15), lang="en", tz="Europe/London")

    assert body["message"] == "We are away right now: we will answer you tomorrow from 8:00."


def test_an_unknown_time_zone_falls_back_to_the_companys(visitor, mornings):
    body = hello(visitor, at(2026, 11, 25, 15), tz="Mars/Olympus")

    assert body["message"] == "Ora non ci siamo: ti rispondiamo domani dalle 9:00."


def test_a_public_holiday_is_skipped_even_if_the_schedule_says_otherwise(company, mornings):
    # Tuesday 8 December is the Immacolata: the answer comes on Wednesday.
    state = availability(company, at(2026, 12, 7, 14))

    assert state == Availability(False, at(2026, 12, 9, 9))
    assert availability(company, at(2026, 12, 8, 10)).on_duty is False


def test_without_a_schedule_the_business_hours_decide(company):
    assert availability(company, at(2026, 11, 25, 10)) == Availability(True, at(2026, 11, 25, 10))
    assert availability(company, at(2026, 11, 28, 10)) == Availability(False, at(2026, 11, 30, 8, 30))


def test_a_trainee_who_left_the_company_is_on_duty_no_more(company, digital_manager, mornings):
    Membership.objects.filter(user=digital_manager, company=company).delete()

    # Back to the business hours (8:30–12:30, 14:00–18:00).
    assert availability(company, at(2026, 11, 25, 12, 45)) == Availability(False, at(2026, 11, 25, 14))


def test_when_no_presence_is_planned_any_more_the_answer_comes_as_soon_as_possible(visitor, company, digital_manager):
    PresencePeriodFactory(
        company=company, trainee=digital_manager, starts_on=date(2026, 11, 2), ends_on=date(2026, 11, 25)
    )

    body = hello(visitor, at(2026, 11, 25, 15))

    assert body["message"] == "Ora non ci siamo: ti rispondiamo il prima possibile."
    assert body["ask_email"] is True


def test_a_visitor_who_left_an_address_is_not_asked_again(visitor, mornings):
    with time_machine.travel(at(2026, 11, 25, 15), tick=False):
        visitor.start()
        visitor.post("email/", {"email": "anna@example.com"})

    body = hello(visitor, at(2026, 11, 25, 15, 5))

    assert body["ask_email"] is False
    assert body["email"] == "anna@example.com"
