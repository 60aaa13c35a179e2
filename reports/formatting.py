"""Figures as text in the user's language: 1.234 · € 1.234,56 · 45% · 2 h 05 min · "—".

A missing figure (None: no data for that period, or nothing to compute it from) is always the
dash, never 0.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from engagements.budgets.services import money

DASH = "—"
MINUS = "\u2212"
COUNT, PERCENT, EUR, SECONDS = "count", "percent", "eur", "seconds"


def as_number(value, unit: str) -> Decimal | int | None:
    """The snapshot's value as a number: money comes as a string, the rest as int."""
    if value is None:
        return None
    if unit == EUR:
        return Decimal(value)
    return value


def duration(seconds: int) -> str:
    seconds = int(seconds)
    if seconds < 60:
        return _("%(seconds)s s") % {"seconds": seconds}
    minutes = int(Decimal(seconds) / 60)
    hours, minutes = divmod(minutes, 60)
    if not hours:
        return _("%(minutes)s min") % {"minutes": minutes}
    return _("%(hours)s h %(minutes)02d min") % {"hours": number_format(hours, force_grouping=True), "minutes": minutes}


def format_value(value, unit: str = COUNT) -> str:
    number = as_number(value, unit)
    if number is None:
        return DASH
    if unit == EUR:
        return money(number)
    if unit == PERCENT:
        return _("%(percent)s%%") % {"percent": number_format(number, force_grouping=True)}
    if unit == SECONDS:
        return duration(number)
    return number_format(number, force_grouping=True)


def format_delta(current, other, unit: str = COUNT) -> str:
    """`current` minus `other` with its sign ("+4", "−€ 120,00", "+5 pt", "−12 min"); "" when either is missing."""
    a, b = as_number(current, unit), as_number(other, unit)
    if a is None or b is None:
        return ""
    difference = a - b
    if not difference:
        return _("same")
    sign = "+" if difference > 0 else MINUS
    size = abs(difference)
    if unit == PERCENT:
        text = _("%(points)s pt") % {"points": number_format(size, force_grouping=True)}
    elif unit == SECONDS:
        text = duration(size)
    else:
        text = format_value(size if unit != EUR else str(size), unit)
    return f"{sign}{text}"


def share(part: int, whole: int) -> int | None:
    """`part` as a whole percentage of `whole` (half up); None when there is no whole."""
    if not whole:
        return None
    return int((Decimal(part) * 100 / whole).quantize(Decimal(1), rounding=ROUND_HALF_UP))
