from datetime import time

from django import forms
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.translation import gettext_lazy as _

from engagements.models import BusinessHours
from engagements.schedule.models import PresencePeriod

DEFAULT_START, DEFAULT_END = time(9, 0), time(13, 0)


class PresencePeriodForm(forms.Form):
    """A period and its week: one row per day with a tick box and the hours of that day.

    One interval per day covers the plans this product knows (mornings); a period made
    elsewhere with two intervals on one day shows the first here and a warning.
    """

    name = forms.CharField(
        label=_("Name"),
        max_length=120,
        help_text=_("For example “Trial: 3 mornings” or “Regular: every morning”."),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=PresencePeriod.Kind.choices, initial=PresencePeriod.Kind.REGULAR)
    starts_on = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    ends_on = forms.DateField(
        label=_("Until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Leave empty when the period has no end date."),
    )

    def __init__(self, *args, period: PresencePeriod | None = None, **kwargs):
        initial = kwargs.pop("initial", {}) or {}
        self.has_split_days = False
        if period is not None:
            initial.update(name=period.name, kind=period.kind, starts_on=period.starts_on, ends_on=period.ends_on)
            seen = set()
            for slot in period.slots.all():
                if slot.weekday in seen:
                    self.has_split_days = True
                    continue
                seen.add(slot.weekday)
                initial.update(
                    {
                        f"day_{slot.weekday}": True,
                        f"start_{slot.weekday}": slot.starts_at,
                        f"end_{slot.weekday}": slot.ends_at,
                    }
                )
        super().__init__(*args, initial=initial, **kwargs)
        time_attrs = {"type": "time", "class": "form-control form-control-sm"}
        for day, label in BusinessHours.Weekday.choices:
            self.fields[f"day_{day}"] = forms.BooleanField(
                label=label, required=False, widget=forms.CheckboxInput(attrs={"class": "form-check-input"})
            )
            start_label, end_label = _("%(day)s from") % {"day": label}, _("%(day)s to") % {"day": label}
            self.fields[f"start_{day}"] = forms.TimeField(
                label=start_label,
                required=False,
                initial=DEFAULT_START,
                widget=forms.TimeInput(attrs={**time_attrs, "aria-label": start_label}, format="%H:%M"),
            )
            self.fields[f"end_{day}"] = forms.TimeField(
                label=end_label,
                required=False,
                initial=DEFAULT_END,
                widget=forms.TimeInput(attrs={**time_attrs, "aria-label": end_label}, format="%H:%M"),
            )

    def days(self):
        """Rows of the week table: (label, tick box, from, to)."""
        return [
            {
                "label": label,
                "short": WEEKDAYS_ABBR[day],
                "checked": self[f"day_{day}"],
                "start": self[f"start_{day}"],
                "end": self[f"end_{day}"],
            }
            for day, label in BusinessHours.Weekday.choices
        ]

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The end date must not come before the start date."))
        slots = []
        for day, _label in BusinessHours.Weekday.choices:
            if not cleaned.get(f"day_{day}"):
                continue
            start, end = cleaned.get(f"start_{day}"), cleaned.get(f"end_{day}")
            if start is None and f"start_{day}" not in self.errors:
                self.add_error(f"start_{day}", _("Enter the start time."))
            if end is None and f"end_{day}" not in self.errors:
                self.add_error(f"end_{day}", _("Enter the end time."))
            if start is not None and end is not None:
                if start >= end:
                    self.add_error(f"end_{day}", _("The end time must come after the start time."))
                else:
                    slots.append((day, start, end))
        if not any(cleaned.get(f"day_{day}") for day in range(7)):
            raise forms.ValidationError(_("Tick at least one day of presence."))
        cleaned["slots"] = slots
        return cleaned

    def period_data(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "kind": data["kind"],
            "starts_on": data["starts_on"],
            "ends_on": data["ends_on"],
            "slots": data["slots"],
        }
