"""The rule builder's choices become an RRULE, and an RRULE reads back as a sentence."""

from datetime import time

import pytest
from django.utils import translation

from contentdesk.calendar.rules import LAST, MONTHLY, WEEKLY, RuleParts, build_rule, describe_rule, parse_rule


@pytest.mark.parametrize(
    ("parts", "rule"),
    [
        (RuleParts(WEEKLY, [1, 3]), "FREQ=WEEKLY;BYDAY=TU,TH"),
        (RuleParts(WEEKLY, [4, 0, 0]), "FREQ=WEEKLY;BYDAY=MO,FR"),
        (RuleParts(WEEKLY, [2], 2), "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"),
        (RuleParts(MONTHLY, [0], 1, 1), "FREQ=MONTHLY;BYDAY=1MO"),
        (RuleParts(MONTHLY, [4], 1, LAST), "FREQ=MONTHLY;BYDAY=-1FR"),
    ],
)
def test_the_builder_makes_the_rule_and_reads_it_back(parts, rule):
    assert build_rule(parts) == rule
    back = parse_rule(rule)
    assert (back.frequency, back.weekdays, back.interval, back.ordinal) == (
        parts.frequency,
        sorted(set(parts.weekdays)),
        parts.interval,
        parts.ordinal,
    )


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=DAILY",
        "FREQ=WEEKLY",
        "FREQ=WEEKLY;BYDAY=TU;COUNT=4",
        "FREQ=WEEKLY;INTERVAL=20;BYDAY=TU",
        "FREQ=MONTHLY;BYMONTHDAY=15",
        "FREQ=MONTHLY;BYDAY=MO",
        "FREQ=MONTHLY;BYDAY=5MO",
        "FREQ=MONTHLY;INTERVAL=2;BYDAY=1MO",
        "nonsense",
        "",
    ],
)
def test_rules_the_builder_cannot_make_are_not_forced_into_it(rule):
    assert parse_rule(rule) is None


def test_lower_case_and_the_rrule_prefix_are_read():
    assert parse_rule("RRULE:freq=weekly;byday=tu").weekdays == [1]


@pytest.mark.parametrize(
    ("rule", "at", "italian", "english"),
    [
        (
            "FREQ=WEEKLY;BYDAY=TU,TH",
            time(10),
            "Ogni martedì e giovedì alle 10:00",
            "Every Tuesday and Thursday at 10:00",
        ),
        (
            "FREQ=MONTHLY;BYDAY=1MO",
            time(9),
            "Il primo lunedì del mese alle 9:00",
            "The first Monday of the month at 9:00",
        ),
        (
            "FREQ=MONTHLY;BYDAY=1SU",
            time(9),
            "La prima domenica del mese alle 9:00",
            "The first Sunday of the month at 9:00",
        ),
        (
            "FREQ=MONTHLY;BYDAY=-1FR",
            time(17, 30),
            "L'ultimo venerdì del mese alle 17:30",
            "The last Friday of the month at 17:30",
        ),
        (
            "FREQ=MONTHLY;BYDAY=-1SU",
            time(11),
            "L'ultima domenica del mese alle 11:00",
            "The last Sunday of the month at 11:00",
        ),
        (
            "FREQ=MONTHLY;BYDAY=3WE",
            time(8),
            "Il terzo mercoledì del mese alle 8:00",
            "The third Wednesday of the month at 8:00",
        ),
        (
            "FREQ=WEEKLY;BYDAY=MO,WE,FR",
            time(8, 15),
            "Ogni lunedì, mercoledì e venerdì alle 8:15",
            "Every Monday, Wednesday and Friday at 8:15",
        ),
        (
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=SA",
            time(1),
            "Ogni 2 settimane, sabato all'1:00",
            "Every 2 weeks, on Saturday at 1:00",
        ),
        ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU", time(12), "Ogni giorno alle 12:00", "Every day at 12:00"),
        ("FREQ=DAILY", time(7), "Regola personalizzata (FREQ=DAILY) alle 07:00", "Custom rule (FREQ=DAILY) at 07:00"),
    ],
)
def test_a_cadence_reads_as_a_sentence_in_italian_and_english(rule, at, italian, english):
    with translation.override("it"):
        assert describe_rule(rule, at) == italian
    with translation.override("en"):
        assert describe_rule(rule, at) == english
