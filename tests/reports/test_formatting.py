"""Figures read in the user's language; a missing figure is a dash, never 0."""

from django.utils import translation

from reports.formatting import format_delta, format_value, share


def test_italian_numbers_money_percentages_and_durations():
    with translation.override("it"):
        assert format_value(1234) == "1.234"
        assert format_value("1234.56", "eur") == "€\u00a01.234,56"
        assert format_value(45, "percent") == "45%"
        assert format_value(8789, "seconds") == "2 h 26 min"
        assert format_value(2700, "seconds") == "45 min"
        assert format_value(None) == "—"
        assert format_value(None, "eur") == "—"


def test_english_numbers_and_money():
    with translation.override("en"):
        assert format_value(1234) == "1,234"
        assert format_value("1234.56", "eur") == "€\u00a01,234.56"


def test_differences_carry_their_sign_and_unit():
    with translation.override("it"):
        assert format_delta(54, 51) == "+3"
        assert format_delta(0, 2) == "\u22122"
        assert format_delta(72, 73, "percent") == "\u22121 p.p."
        assert format_delta(8789, 9593, "seconds") == "\u221213 min"
        assert format_delta("405.00", "635.00", "eur") == "\u2212€\u00a0230,00"
        assert format_delta(5, 5) == "invariato"
        assert format_delta(5, None) == ""


def test_a_share_rounds_half_up_and_has_no_value_without_a_whole():
    assert share(1, 8) == 13  # 12.5
    assert share(34, 47) == 72
    assert share(0, 0) is None
