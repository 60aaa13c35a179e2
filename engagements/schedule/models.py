"""The trainee's presence: periods (trial, then regular) with weekly slots.

Times are wall-clock times in the company's time zone: a 9:00–13:00 slot is 9:00–13:00
local time in winter and in summer. The questions "on duty now?" and "next on duty?" are
answered in `engagements.schedule.selectors`.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.translation import gettext_lazy as _

from engagements.models import BusinessHours, Company, CompanyScopedQuerySet


class PresencePeriodQuerySet(CompanyScopedQuerySet):
    def with_slots(self):
        return self.prefetch_related(
            models.Prefetch("slots", queryset=PresenceSlot.objects.order_by("weekday", "starts_at"))
        )

    def of_members(self):
        """Periods of people who still belong to the company: a trainee who left is on duty no more."""
        return self.filter(trainee__memberships__company=models.F("company"))

    def overlapping(self, starts_on, ends_on):
        """Periods sharing at least one day with [starts_on, ends_on] (ends_on None: open-ended)."""
        queryset = self.filter(models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=starts_on))
        if ends_on is not None:
            queryset = queryset.filter(starts_on__lte=ends_on)
        return queryset


class PresencePeriod(models.Model):
    """A stretch of weeks with the same weekly presence, e.g. "Trial: 3 mornings"."""

    class Kind(models.TextChoices):
        TRIAL = "trial", _("Trial")
        REGULAR = "regular", _("Regular")

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="presence_periods")
    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="presence_periods", verbose_name=_("trainee")
    )
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.REGULAR)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True, help_text=_("Empty: no end date."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = PresencePeriodQuerySet.as_manager()

    class Meta:
        verbose_name = _("presence period")
        verbose_name_plural = _("presence periods")
        ordering = ["company", "trainee", "starts_on"]
        indexes = [models.Index(fields=["company", "trainee", "starts_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=models.F("starts_on")),
                name="presence_period_ends_after_start",
            ),
        ]

    def __str__(self):
        return self.name

    def covers(self, day) -> bool:
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)

    def weekly_duration(self) -> timedelta:
        """Hours of presence in a full week (uses the prefetched slots)."""
        return sum((slot.duration for slot in self.slots.all()), timedelta())

    @property
    def weekly_hours(self) -> float:
        return self.weekly_duration().total_seconds() / 3600

    def week_grid(self) -> list[dict]:
        """Monday to Sunday, each with its slots, for the compact week table."""
        by_day = {day: [] for day in range(7)}
        for slot in self.slots.all():
            by_day[slot.weekday].append(slot)
        return [
            {"weekday": day, "label": WEEKDAYS[day], "short": WEEKDAYS_ABBR[day], "slots": by_day[day]}
            for day in range(7)
        ]


class PresenceSlotQuerySet(models.QuerySet):
    def for_company(self, company):
        return self.filter(period__company=company)


class PresenceSlot(models.Model):
    """One weekly interval of presence, e.g. Wednesday 9:00–13:00, in the company's time zone."""

    period = models.ForeignKey(PresencePeriod, on_delete=models.CASCADE, related_name="slots")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=BusinessHours.Weekday.choices)
    starts_at = models.TimeField(_("from"))
    ends_at = models.TimeField(_("to"))

    objects = PresenceSlotQuerySet.as_manager()

    class Meta:
        verbose_name = _("presence slot")
        verbose_name_plural = _("presence slots")
        ordering = ["period", "weekday", "starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(starts_at__lt=models.F("ends_at")), name="presence_slot_starts_before_end"
            ),
            models.CheckConstraint(condition=models.Q(weekday__lte=6), name="presence_slot_weekday_0_to_6"),
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.starts_at:%H:%M}–{self.ends_at:%H:%M}"

    @property
    def short_label(self) -> str:
        """ "9–13", or "9:30–13" when a time is not on the hour: fits a narrow week table."""

        def clock(value):
            return f"{value.hour}" if value.minute == 0 else f"{value.hour}:{value.minute:02d}"

        return f"{clock(self.starts_at)}–{clock(self.ends_at)}"

    @property
    def duration(self) -> timedelta:
        return timedelta(
            hours=self.ends_at.hour - self.starts_at.hour, minutes=self.ends_at.minute - self.starts_at.minute
        )
