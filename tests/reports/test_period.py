"""The month a dashboard shows, and the months it is compared with."""

from datetime import date

import pytest

from reports.period import Month, choose_month


def test_a_month_knows_its_days_and_its_neighbours():
    month = Month.parse("2026-03")
    assert (month.first, month.last) == (date(2026, 3, 1), date(2026, 3, 31))
    assert month.previous == Month(date(2026, 2, 1))
    assert Month.parse("2028-02").last == date(2028, 2, 29)
    assert Month.parse("2026-01").previous.param == "2025-12"
    assert Month.parse("2026-12").next.param == "2027-01"
    assert Month.parse("2026-03").year_before.param == "2025-03"


@pytest.mark.parametrize("raw", ["2026-13", "26-03", "2026-3", "marzo", "1999-12", "2026-03-01", " ", "2026/03"])
def test_anything_but_a_year_and_a_month_is_not_a_month(raw):
    assert Month.parse(raw) is None


def test_no_month_asked_is_the_current_month_of_the_company(company):
    choice = choose_month(None, company)
    assert (choice.month.param, choice.problem, choice.is_current) == ("2026-11", "", True)


def test_a_malformed_month_falls_back_to_the_current_one_and_says_why(company):
    choice = choose_month("novembre", company)
    assert (choice.month.param, choice.problem) == ("2026-11", "malformed")


def test_a_month_to_come_falls_back_to_the_current_one(company):
    assert choose_month("2026-12", company).problem == "future"


def test_a_past_month_is_shown(company):
    choice = choose_month("2025-02", company)
    assert (choice.month.param, choice.problem, choice.is_current) == ("2025-02", "", False)
