"""Changes to the trainee's presence plan.

A trainee's periods never overlap, and the slots of one period never overlap on the same
day: both are checked here, inside the transaction, so that every caller (pages, demo,
future imports) gets the same rules and the same clear messages.
"""

import itertools
from collections.abc import Iterable
from datetime import date, time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, translation
from django.utils.translation import gettext as _

from engagements.models import BusinessHours, Company, Membership, User
from engagements.schedule.models import PresencePeriod, PresenceSlot

Slot = tuple[int, time, time]  # (weekday 0 = Monday … 6 = Sunday, from, to)

TRIAL_WEEKS = 4
MORNING = (time(9, 0), time(13, 0))
TRIAL_DAYS = (0, 2, 4)  # Monday, Wednesday, Friday
REGULAR_DAYS = (0, 1, 2, 3, 4)


def _describe_dates(period: PresencePeriod) -> str:
    starts = formats.date_format(period.starts_on, "SHORT_DATE_FORMAT")
    if period.ends_on is None:
        return _("from %(start)s, no end date") % {"start": starts}
    return _("%(start)s to %(end)s") % {
        "start": starts,
        "end": formats.date_format(period.ends_on, "SHORT_DATE_FORMAT"),
    }


def _clean_slots(slots: Iterable[Slot]) -> list[Slot]:
    cleaned = sorted((int(day), start, end) for day, start, end in slots)
    if not cleaned:
        raise ValidationError(_("Choose at least one day of presence."))
    for day, start, end in cleaned:
        if not 0 <= day <= 6:
            raise ValidationError(_("A day of the week is missing or not valid."))
        if start >= end:
            raise ValidationError(
                _("On %(day)s the end time must come after the start time."),
                params={"day": BusinessHours.Weekday(day).label},
            )
    for (day_a, _start_a, end_a), (day_b, start_b, _end_b) in itertools.pairwise(cleaned):
        if day_a == day_b and start_b < end_a:
            raise ValidationError(
                _("Two slots overlap on %(day)s."), params={"day": BusinessHours.Weekday(day_a).label}
            )
    return cleaned


def _check_period(
    *, company: Company, trainee: User, name: str, starts_on: date, ends_on: date | None, exclude_pk=None
) -> None:
    if ends_on is not None and ends_on < starts_on:
        raise ValidationError({"ends_on": _("The end date must not come before the start date.")})
    if not Membership.objects.for_company(company).filter(user=trainee).exists():
        raise ValidationError(_("%(name)s is not a member of this company.") % {"name": trainee.display_name})
    clash = (
        PresencePeriod.objects.for_company(company)
        .filter(trainee=trainee)
        .exclude(pk=exclude_pk)
        .overlapping(starts_on, ends_on)
        .select_for_update()
        .order_by("starts_on")
        .first()
    )
    if clash is not None:
        raise ValidationError(
            _(
                "“%(name)s” overlaps “%(other)s” (%(dates)s): a trainee follows one schedule at a time. "
                "Change the dates so that one period ends before the other begins."
            )
            % {"name": name, "other": clash.name, "dates": _describe_dates(clash)}
        )


def _save_slots(period: PresencePeriod, slots: list[Slot]) -> None:
    PresenceSlot.objects.bulk_create(
        PresenceSlot(period=period, weekday=day, starts_at=start, ends_at=end) for day, start, end in slots
    )


def presence_period_create(
    *,
    company: Company,
    trainee: User,
    name: str,
    kind: str,
    starts_on: date,
    ends_on: date | None = None,
    slots: Iterable[Slot],
) -> PresencePeriod:
    slots = _clean_slots(slots)
    with transaction.atomic():
        _check_period(company=company, trainee=trainee, name=name, starts_on=starts_on, ends_on=ends_on)
        period = PresencePeriod.objects.create(
            company=company, trainee=trainee, name=name, kind=kind, starts_on=starts_on, ends_on=ends_on
        )
        _save_slots(period, slots)
    return period


def presence_period_update(
    *,
    period: PresencePeriod,
    name: str,
    kind: str,
    starts_on: date,
    ends_on: date | None,
    slots: Iterable[Slot],
) -> PresencePeriod:
    """Change a period; its slots are replaced by `slots`."""
    slots = _clean_slots(slots)
    with transaction.atomic():
        _check_period(
            company=period.company,
            trainee=period.trainee,
            name=name,
            starts_on=starts_on,
            ends_on=ends_on,
            exclude_pk=period.pk,
        )
        period.name, period.kind, period.starts_on, period.ends_on = name, kind, starts_on, ends_on
        period.save(update_fields=["name", "kind", "starts_on", "ends_on"])
        period.slots.all().delete()
        _save_slots(period, slots)
    return period


def presence_period_delete(*, period: PresencePeriod) -> None:
    period.delete()


def presence_default_plan(*, company: Company, trainee: User, start: date) -> list[PresencePeriod]:
    """The typical plan: a 4-week trial on Monday, Wednesday and Friday mornings, then every
    weekday morning with no end date (9:00–13:00). Names are in the company's language."""
    trial_end = start + timedelta(weeks=TRIAL_WEEKS) - timedelta(days=1)
    with translation.override(company.language), transaction.atomic():
        trial = presence_period_create(
            company=company,
            trainee=trainee,
            name=_("Trial: 3 mornings"),
            kind=PresencePeriod.Kind.TRIAL,
            starts_on=start,
            ends_on=trial_end,
            slots=[(day, *MORNING) for day in TRIAL_DAYS],
        )
        regular = presence_period_create(
            company=company,
            trainee=trainee,
            name=_("Regular: every morning"),
            kind=PresencePeriod.Kind.REGULAR,
            starts_on=trial_end + timedelta(days=1),
            ends_on=None,
            slots=[(day, *MORNING) for day in REGULAR_DAYS],
        )
    return [trial, regular]
