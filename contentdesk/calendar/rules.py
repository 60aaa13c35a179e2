"""Cadence rules in people's terms: the form's choices become an RRULE, and an RRULE reads
back as a sentence ("Ogni martedì e giovedì alle 10:00"). Users never see the RRULE.

The builder makes two shapes of rule, the ones a content plan needs:
* weekly on chosen weekdays, every N weeks: ``FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH``;
* monthly on the Nth (or last) weekday: ``FREQ=MONTHLY;BYDAY=1MO`` (the first Monday).
Any other rule (typed in the admin) still works for the slots, and reads as a custom rule.
"""

import re
from dataclasses import dataclass, field
from datetime import time

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
SUNDAY = 6
WEEKLY, MONTHLY = "weekly", "monthly"
LAST = -1
ORDINALS = (1, 2, 3, 4, LAST)
MAX_INTERVAL = 8

# Weekday names as they read inside a sentence (lower case in Italian, capitalised in English).
WEEKDAY_NAMES = (
    pgettext_lazy("weekday in a sentence", "Monday"),
    pgettext_lazy("weekday in a sentence", "Tuesday"),
    pgettext_lazy("weekday in a sentence", "Wednesday"),
    pgettext_lazy("weekday in a sentence", "Thursday"),
    pgettext_lazy("weekday in a sentence", "Friday"),
    pgettext_lazy("weekday in a sentence", "Saturday"),
    pgettext_lazy("weekday in a sentence", "Sunday"),
)

ORDINAL_CHOICES = (
    (1, gettext_lazy("first")),
    (2, gettext_lazy("second")),
    (3, gettext_lazy("third")),
    (4, gettext_lazy("fourth")),
    (LAST, gettext_lazy("last")),
)

_BYDAY_MONTHLY = re.compile(r"^([+-]?[1-4])?(MO|TU|WE|TH|FR|SA|SU)$")


@dataclass
class RuleParts:
    frequency: str
    weekdays: list[int] = field(default_factory=list)  # 0 = Monday
    interval: int = 1
    ordinal: int | None = None  # monthly only: 1..4, or -1 for the last


def build_rule(parts: RuleParts) -> str:
    if parts.frequency == MONTHLY:
        return f"FREQ=MONTHLY;BYDAY={parts.ordinal}{WEEKDAY_CODES[parts.weekdays[0]]}"
    days = ",".join(WEEKDAY_CODES[d] for d in sorted(set(parts.weekdays)))
    interval = f";INTERVAL={parts.interval}" if parts.interval > 1 else ""
    return f"FREQ=WEEKLY{interval};BYDAY={days}"


def parse_rule(rule: str) -> RuleParts | None:
    """The builder's choices behind `rule`, or None when the builder cannot make that rule."""
    try:
        pairs = dict(part.split("=", 1) for part in rule.upper().strip().removeprefix("RRULE:").split(";") if part)
    except ValueError:
        return None
    frequency = pairs.pop("FREQ", "")
    byday = pairs.pop("BYDAY", "")
    interval_text = pairs.pop("INTERVAL", "1")
    pairs.pop("WKST", None)
    if pairs or not byday or not interval_text.isdigit():
        return None
    interval = int(interval_text)
    if frequency == "WEEKLY":
        codes = byday.split(",")
        if not (1 <= interval <= MAX_INTERVAL) or any(code not in WEEKDAY_CODES for code in codes):
            return None
        return RuleParts(WEEKLY, sorted({WEEKDAY_CODES.index(c) for c in codes}), interval)
    if frequency == "MONTHLY" and interval == 1:
        match = _BYDAY_MONTHLY.match(byday)
        if match is None or match.group(1) is None:
            return None
        ordinal = int(match.group(1))
        if ordinal not in ORDINALS:
            return None
        return RuleParts(MONTHLY, [WEEKDAY_CODES.index(match.group(2))], 1, ordinal)
    return None


def _join(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    return _("%(first)s and %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


def _at(moment: time) -> str:
    text = f"{moment.hour}:{moment.minute:02d}"
    if moment.hour == 1:
        # Italian elides before "1": "all'1:00", not "alle 1:00".
        return pgettext("time of day at one o'clock", "at %(time)s") % {"time": text}
    return _("at %(time)s") % {"time": text}


def _monthly(ordinal: int, weekday: int) -> str:
    name = WEEKDAY_NAMES[weekday]
    # Sunday is feminine in Italian ("la prima domenica", "il primo lunedì"): its own sentences.
    if weekday == SUNDAY:
        sentences = {
            1: pgettext("feminine weekday", "The first %(weekday)s of the month"),
            2: pgettext("feminine weekday", "The second %(weekday)s of the month"),
            3: pgettext("feminine weekday", "The third %(weekday)s of the month"),
            4: pgettext("feminine weekday", "The fourth %(weekday)s of the month"),
            LAST: pgettext("feminine weekday", "The last %(weekday)s of the month"),
        }
    else:
        sentences = {
            1: _("The first %(weekday)s of the month"),
            2: _("The second %(weekday)s of the month"),
            3: _("The third %(weekday)s of the month"),
            4: _("The fourth %(weekday)s of the month"),
            LAST: _("The last %(weekday)s of the month"),
        }
    return sentences[ordinal] % {"weekday": name}


def describe_rule(rule: str, time_of_day: time) -> str:
    """The cadence in words, e.g. "Every Tuesday and Thursday at 10:00"."""
    parts = parse_rule(rule)
    if parts is None:
        return _("Custom rule (%(rule)s) at %(time)s") % {"rule": rule, "time": f"{time_of_day:%H:%M}"}
    if parts.frequency == MONTHLY:
        when = _monthly(parts.ordinal, parts.weekdays[0])
    else:
        days = _join([str(WEEKDAY_NAMES[d]) for d in parts.weekdays])
        if len(parts.weekdays) == len(WEEKDAY_CODES):
            days = None
        if parts.interval == 1:
            when = _("Every %(days)s") % {"days": days} if days else _("Every day")
        elif days:
            when = _("Every %(n)s weeks, on %(days)s") % {"n": parts.interval, "days": days}
        else:
            when = _("Every day, every %(n)s weeks") % {"n": parts.interval}
    return f"{when} {_at(time_of_day)}"
