"""Write services of the calendar area: moving an item to another day, channels and cadences."""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from contentdesk.calendar.cadence import cadence_rule, localise
from contentdesk.models import Cadence, ContentChannel, ContentItem
from contentdesk.services import content_item_reschedule
from engagements.models import Company

CHANNEL_FIELDS = ("kind", "name", "requires_approval", "max_length", "is_active", "why", "owner")
CADENCE_FIELDS = ("channel", "rule", "time_of_day", "label", "starts_on", "ends_on", "is_active", "why", "owner")


def content_item_move_to_day(*, item: ContentItem, user, day: date) -> ContentItem:
    """The calendar's drag and drop: the same time of day, on `day`, in the company's time zone.

    A time of day that does not exist on the new day (02:30 on the day clocks go forward)
    becomes the time after the gap, as a cadence slot does (see `cadence.localise`). The rules
    of what may move, and where, are `content_item_reschedule`'s.
    """
    if item.scheduled_at is None:
        raise ValidationError(_("This item has no date yet: give it one on its page."))
    tz = item.company.tzinfo
    local = timezone.localtime(item.scheduled_at, tz)
    when = localise(datetime.combine(day, local.time()), tz)
    return content_item_reschedule(item=item, user=user, when=when)


def _check_fields(values: dict, allowed: tuple[str, ...]) -> None:
    unknown = set(values) - set(allowed)
    if unknown:
        raise TypeError(f"Unexpected fields: {sorted(unknown)}")


@transaction.atomic
def content_channel_create(*, company: Company, **fields) -> ContentChannel:
    _check_fields(fields, CHANNEL_FIELDS)
    channel = ContentChannel(company=company, **fields)
    channel.full_clean()
    channel.save()
    return channel


@transaction.atomic
def content_channel_update(*, channel: ContentChannel, **fields) -> ContentChannel:
    _check_fields(fields, CHANNEL_FIELDS)
    for name, value in fields.items():
        setattr(channel, name, value)
    channel.full_clean()
    channel.save()
    return channel


def _check_cadence(cadence: Cadence) -> None:
    if cadence.channel.company_id != cadence.company_id:
        raise ValidationError(_("That channel belongs to another company."))
    if cadence.ends_on is not None and cadence.ends_on < cadence.starts_on:
        raise ValidationError(_("The end comes before the start."))
    if cadence_rule(cadence) is None:
        raise ValidationError(_("The recurrence could not be understood."))
    cadence.full_clean()


@transaction.atomic
def cadence_create(*, company: Company, **fields) -> Cadence:
    _check_fields(fields, CADENCE_FIELDS)
    cadence = Cadence(company=company, **fields)
    _check_cadence(cadence)
    cadence.save()
    return cadence


@transaction.atomic
def cadence_update(*, cadence: Cadence, **fields) -> Cadence:
    _check_fields(fields, CADENCE_FIELDS)
    for name, value in fields.items():
        setattr(cadence, name, value)
    _check_cadence(cadence)
    cadence.save()
    return cadence


@transaction.atomic
def cadence_delete(*, cadence: Cadence) -> None:
    # Slots are computed, never stored: deleting the rule removes its future empty slots and
    # leaves the items planned for them where they are.
    cadence.delete()
