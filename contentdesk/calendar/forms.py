from datetime import date
from urllib.parse import urlencode

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from contentdesk.calendar.rules import (
    MAX_INTERVAL,
    MONTHLY,
    ORDINAL_CHOICES,
    WEEKDAY_NAMES,
    WEEKLY,
    RuleParts,
    build_rule,
    parse_rule,
)
from contentdesk.calendar.selectors import Filters
from contentdesk.models import ChannelKind, ContentChannel, ContentItem
from engagements.manual.forms import limit_owner_to_company, owner_field, why_field

# ISO first (what <input type="date"> sends), then the Italian ways of typing a date.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y"]
EARLIEST_YEAR, LATEST_YEAR = 2000, 2100


def _date_field(**kwargs) -> forms.DateField:
    return forms.DateField(
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        **kwargs,
    )


def parse_day(value: str | None) -> date | None:
    """`2026-05-13` → that day; anything else (or a year out of range) → None."""
    try:
        day = date.fromisoformat((value or "").strip())
    except ValueError:
        return None
    if len(value.strip()) != len("2026-05-13") or not (EARLIEST_YEAR <= day.year <= LATEST_YEAR):
        return None
    return day


class CalendarFilterForm(forms.Form):
    """The GET filters shared by the month, week and list views; unknown values are ignored."""

    channel = forms.TypedChoiceField(label=_("Channel"), coerce=int, empty_value=None, required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    author = forms.TypedChoiceField(label=_("Author"), coerce=int, empty_value=None, required=False)

    def __init__(self, data, *, channels: list[ContentChannel], authors: list):
        super().__init__(data, auto_id="filter-%s")
        self.fields["channel"].choices = [("", _("All channels"))] + [(c.pk, c.name) for c in channels]
        self.fields["status"].choices = [("", _("All statuses")), *ContentItem.Status.choices]
        self.fields["author"].choices = [("", _("All authors"))] + [(u.pk, u.display_name) for u in authors]
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select form-select-sm"

    def filters(self) -> Filters:
        self.is_valid()
        data = self.cleaned_data
        return Filters(channel_id=data.get("channel"), status=data.get("status") or None, author_id=data.get("author"))

    def querystring(self) -> str:
        """The valid filters as `channel=3&status=draft`, to keep them across navigation."""
        self.is_valid()
        return urlencode({name: value for name, value in self.cleaned_data.items() if value not in (None, "")})

    @property
    def is_filtering(self) -> bool:
        return bool(self.querystring())


class RescheduleForm(forms.Form):
    day = _date_field(label=_("New day"))
    view = forms.ChoiceField(choices=[("month", "month"), ("week", "week")], required=False)
    next = forms.CharField(required=False, max_length=2000)

    def clean_day(self):
        day = self.cleaned_data["day"]
        if not (EARLIEST_YEAR <= day.year <= LATEST_YEAR):
            raise forms.ValidationError(_("Check the year of this date."))
        return day


class ChannelForm(forms.ModelForm):
    class Meta:
        model = ContentChannel
        fields = ["kind", "name", "requires_approval", "max_length", "is_active", "why", "owner"]
        labels = {
            "kind": _("Kind"),
            "name": _("Name"),
            "requires_approval": _("Needs approval"),
            "max_length": _("Maximum length"),
            "is_active": pgettext_lazy("channel", "Active"),
        }

    def __init__(self, *args, company, **kwargs):
        super().__init__(*args, **kwargs)
        self.company = company
        if self.instance.pk is None:
            self.fields["max_length"].help_text = _(
                "Characters of text the channel accepts. Leave it empty to use the network's usual limit "
                "(LinkedIn 3,000, Instagram 2,200, X 280…); a blog or a newsletter has none."
            )
        self.fields["kind"].choices = ChannelKind.choices
        limit_owner_to_company(self, company)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        others = ContentChannel.objects.for_company(self.company).filter(name__iexact=name)
        if self.instance.pk is not None:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(_("There is already a channel with this name."))
        return name


WEEKDAY_CHOICES = [(n, name) for n, name in enumerate(WEEKDAY_NAMES)]


def _every_n_weeks(n: int) -> str:
    return ngettext("every week", "every %(n)s weeks", n) % {"n": n}


# Lazy, so that the choices read in the language of each request.
INTERVAL_CHOICES = [(n, lazy(_every_n_weeks, str)(n)) for n in range(1, MAX_INTERVAL + 1)]


class CadenceForm(forms.Form):
    """A friendly rule builder: the choices become an RRULE in `cleaned_data["rule"]`."""

    channel = forms.TypedChoiceField(label=_("Channel"), coerce=int)
    frequency = forms.ChoiceField(
        label=_("Repeats"),
        choices=[(WEEKLY, _("Every week, on chosen days")), (MONTHLY, _("Once a month, on a weekday"))],
        widget=forms.RadioSelect,
        initial=WEEKLY,
    )
    weekdays = forms.TypedMultipleChoiceField(
        label=_("On"), coerce=int, choices=WEEKDAY_CHOICES, required=False, widget=forms.CheckboxSelectMultiple
    )
    interval = forms.TypedChoiceField(label=_("How often"), coerce=int, choices=INTERVAL_CHOICES, initial=1)
    ordinal = forms.TypedChoiceField(label=_("Which"), coerce=int, choices=ORDINAL_CHOICES, initial=1)
    month_weekday = forms.TypedChoiceField(label=_("Weekday"), coerce=int, choices=WEEKDAY_CHOICES, initial=0)
    time_of_day = forms.TimeField(
        label=_("Time"),
        input_formats=["%H:%M", "%H.%M", "%H:%M:%S"],
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        initial="10:00",
    )
    label = forms.CharField(
        label=_("Label"), max_length=120, required=False, help_text=_("Optional, e.g. “Tips for maintenance staff”.")
    )
    starts_on = _date_field(label=_("From"))
    ends_on = _date_field(label=_("Until"), required=False, help_text=_("Leave empty if it has no end."))
    is_active = forms.BooleanField(label=pgettext_lazy("cadence", "Active"), required=False, initial=True)
    why = why_field()
    owner = owner_field()

    def __init__(self, *args, channels: list[ContentChannel], company, instance=None, **kwargs):
        self.instance = instance
        self.custom_rule = None
        if instance is not None:
            kwargs.setdefault("initial", {}).update(self._initial_from(instance))
        super().__init__(*args, **kwargs)
        self.fields["channel"].choices = [(c.pk, c.name) for c in channels]
        self.channels = {c.pk: c for c in channels}
        limit_owner_to_company(self, company)

    def _initial_from(self, cadence) -> dict:
        initial = {
            "channel": cadence.channel_id,
            "time_of_day": cadence.time_of_day,
            "label": cadence.label,
            "starts_on": cadence.starts_on,
            "ends_on": cadence.ends_on,
            "is_active": cadence.is_active,
            "why": cadence.why,
            "owner": cadence.owner_id,
        }
        parts = parse_rule(cadence.rule)
        if parts is None:
            self.custom_rule = cadence.rule
        elif parts.frequency == MONTHLY:
            initial.update(frequency=MONTHLY, ordinal=parts.ordinal, month_weekday=parts.weekdays[0])
        else:
            initial.update(frequency=WEEKLY, weekdays=parts.weekdays, interval=parts.interval)
        return initial

    def clean(self):
        data = super().clean()
        frequency = data.get("frequency")
        if frequency == WEEKLY:
            if not data.get("weekdays"):
                self.add_error("weekdays", _("Choose at least one day of the week."))
            elif data.get("interval"):
                data["rule"] = build_rule(RuleParts(WEEKLY, data["weekdays"], data["interval"]))
        elif frequency == MONTHLY and data.get("ordinal") is not None and data.get("month_weekday") is not None:
            data["rule"] = build_rule(RuleParts(MONTHLY, [data["month_weekday"]], 1, data["ordinal"]))
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The end comes before the start."))
        if data.get("channel") is not None:
            data["channel"] = self.channels[data["channel"]]
        return data

    def cadence_fields(self) -> dict:
        data = self.cleaned_data
        return {
            name: data[name]
            for name in ("channel", "rule", "time_of_day", "label", "starts_on", "ends_on", "is_active", "why", "owner")
        }
