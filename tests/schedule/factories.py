from datetime import date, time

import factory

from engagements.schedule.models import PresencePeriod, PresenceSlot
from tests.factories import CompanyFactory, UserFactory


class PresencePeriodFactory(factory.django.DjangoModelFactory):
    """A period; `slots=[(weekday, "9:00", "13:00"), …]` adds its weekly hours (default Mon–Fri mornings)."""

    class Meta:
        model = PresencePeriod
        skip_postgeneration_save = True

    company = factory.SubFactory(CompanyFactory)
    trainee = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Periodo {n}")
    kind = PresencePeriod.Kind.REGULAR
    starts_on = date(2026, 11, 2)
    ends_on = None

    @factory.post_generation
    def slots(obj, create, extracted, **kwargs):
        if not create:
            return
        slots = extracted if extracted is not None else [(day, "9:00", "13:00") for day in range(5)]
        PresenceSlot.objects.bulk_create(
            PresenceSlot(period=obj, weekday=day, starts_at=_time(start), ends_at=_time(end))
            for day, start, end in slots
        )


def _time(value):
    if isinstance(value, time):
        return value
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))
