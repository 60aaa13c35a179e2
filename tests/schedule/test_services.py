from datetime import date, time

import pytest
from django.core.exceptions import ValidationError

from engagements.schedule.demo import seed_demo_schedule
from engagements.schedule.models import PresencePeriod, PresenceSlot
from engagements.schedule.services import (
    presence_default_plan,
    presence_period_create,
    presence_period_delete,
    presence_period_update,
)
from tests.schedule.factories import PresencePeriodFactory

MORNING = (time(9), time(13))


def _create(company, trainee, **overrides):
    data = {
        "company": company,
        "trainee": trainee,
        "name": "Prova",
        "kind": PresencePeriod.Kind.TRIAL,
        "starts_on": date(2026, 11, 2),
        "ends_on": date(2026, 11, 29),
        "slots": [(0, *MORNING), (2, *MORNING)],
    } | overrides
    return presence_period_create(**data)


def test_a_period_is_created_with_its_slots(company, digital_manager):
    period = _create(company, digital_manager)
    assert list(period.slots.values_list("weekday", "starts_at", "ends_at")) == [(0, *MORNING), (2, *MORNING)]


def test_overlapping_periods_are_refused_naming_both(company, digital_manager):
    _create(company, digital_manager, name="Prova: 3 mattine")
    with pytest.raises(ValidationError) as error:
        _create(company, digital_manager, name="A regime", starts_on=date(2026, 11, 29), ends_on=None)
    message = error.value.messages[0]
    assert "“A regime”" in message
    assert "“Prova: 3 mattine”" in message
    assert PresencePeriod.objects.count() == 1


def test_an_open_ended_period_overlaps_every_later_period(company, digital_manager):
    _create(company, digital_manager, name="A regime", starts_on=date(2026, 12, 1), ends_on=None)
    with pytest.raises(ValidationError, match="A regime"):
        _create(company, digital_manager, name="Estate", starts_on=date(2027, 7, 1), ends_on=date(2027, 7, 31))


def test_adjacent_periods_and_periods_of_other_trainees_are_fine(company, digital_manager, owner, other_company):
    _create(company, digital_manager)
    _create(company, digital_manager, name="A regime", starts_on=date(2026, 11, 30), ends_on=None)
    _create(company, owner)
    from engagements.models import Membership

    Membership.objects.create(company=other_company, user=digital_manager, role="digital_manager")
    _create(other_company, digital_manager)
    assert PresencePeriod.objects.count() == 4


def test_overlapping_slots_on_the_same_day_are_refused(company, digital_manager):
    with pytest.raises(ValidationError) as error:
        _create(company, digital_manager, slots=[(0, time(9), time(13)), (0, time(12), time(15))])
    assert "Lunedì" in error.value.messages[0]


def test_two_separate_slots_on_one_day_are_fine(company, digital_manager):
    period = _create(company, digital_manager, slots=[(0, time(9), time(13)), (0, time(14), time(16))])
    assert period.slots.count() == 2


@pytest.mark.parametrize(
    "slots",
    [[], [(0, time(13), time(9))], [(0, time(9), time(9))], [(7, time(9), time(13))]],
    ids=["no slot", "end before start", "empty slot", "no such weekday"],
)
def test_bad_slots_are_refused(company, digital_manager, slots):
    with pytest.raises(ValidationError):
        _create(company, digital_manager, slots=slots)
    assert not PresenceSlot.objects.exists()


def test_end_before_start_is_refused(company, digital_manager):
    with pytest.raises(ValidationError):
        _create(company, digital_manager, starts_on=date(2026, 11, 10), ends_on=date(2026, 11, 9))


def test_a_schedule_only_for_members_of_the_company(company, outsider):
    with pytest.raises(ValidationError, match="non fa parte di questa azienda"):
        _create(company, outsider)


def test_update_replaces_the_slots_and_may_keep_its_own_dates(company, digital_manager):
    period = _create(company, digital_manager)
    presence_period_update(
        period=period,
        name="Prova lunga",
        kind=PresencePeriod.Kind.TRIAL,
        starts_on=period.starts_on,
        ends_on=date(2026, 12, 6),
        slots=[(1, time(8, 30), time(12, 30))],
    )
    period.refresh_from_db()
    assert (period.name, period.ends_on) == ("Prova lunga", date(2026, 12, 6))
    assert list(period.slots.values_list("weekday", flat=True)) == [1]


def test_update_into_another_period_is_refused_and_changes_nothing(company, digital_manager):
    trial = _create(company, digital_manager)
    _create(company, digital_manager, name="A regime", starts_on=date(2026, 11, 30), ends_on=None)
    with pytest.raises(ValidationError, match="A regime"):
        presence_period_update(
            period=trial,
            name="Prova",
            kind="trial",
            starts_on=trial.starts_on,
            ends_on=date(2026, 12, 6),
            slots=[(4, *MORNING)],
        )
    trial.refresh_from_db()
    assert trial.ends_on == date(2026, 11, 29)
    assert trial.slots.count() == 2


def test_delete_removes_the_period_and_its_slots(company, digital_manager):
    period = _create(company, digital_manager)
    presence_period_delete(period=period)
    assert not PresencePeriod.objects.exists()
    assert not PresenceSlot.objects.exists()


def test_the_typical_plan_is_refused_over_an_existing_period(company, digital_manager):
    PresencePeriodFactory(company=company, trainee=digital_manager, starts_on=date(2026, 12, 7), name="Esistente")
    with pytest.raises(ValidationError, match="Esistente"):
        presence_default_plan(company=company, trainee=digital_manager, start=date(2026, 11, 2))
    assert PresencePeriod.objects.count() == 1


def test_the_typical_plan_is_named_in_the_companys_language(company, digital_manager):
    company.language = "en"
    company.save()
    trial, regular = presence_default_plan(company=company, trainee=digital_manager, start=date(2026, 11, 2))
    assert (trial.name, regular.name) == ("Trial: 3 mornings", "Regular: every morning")


def test_demo_schedule_is_created_once(company, digital_manager):
    first = seed_demo_schedule(company, trainee=digital_manager, start=date(2026, 11, 2))
    again = seed_demo_schedule(company, trainee=digital_manager, start=date(2026, 11, 9))
    assert [p.pk for p in first] == [p.pk for p in again]
    assert PresencePeriod.objects.count() == 2
    assert PresenceSlot.objects.count() == 8
