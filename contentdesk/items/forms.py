"""Forms of the item pages. Times are typed in the company's time zone (the company middleware
activates it) and accept the Italian ways of writing a date as well as the browser's ISO one."""

from datetime import UTC, datetime, time

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from contentdesk.models import ContentChannel, ContentItem

S = ContentItem.Status

# The browser's date picker sends ISO; a browser without one (or a user typing) may send these.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y"]
TIME_INPUT_FORMATS = ["%H:%M", "%H.%M", "%H:%M:%S", "%H"]
MAX_TEXT = 100_000


class _PickerInput:
    """A date or time picker that shows back what was typed, in the ISO form the picker needs
    (a re-rendered form holds the text as typed, e.g. "12/11/2026", which a picker would drop)."""

    formats: list[str] = []
    iso_format = ""

    def format_value(self, value):
        if isinstance(value, str):
            for fmt in self.formats:
                try:
                    return datetime.strptime(value.strip(), fmt).strftime(self.iso_format)
                except ValueError:
                    continue
            return value
        return super().format_value(value)


class DatePickerInput(_PickerInput, forms.DateInput):
    input_type = "date"
    formats, iso_format = DATE_INPUT_FORMATS, "%Y-%m-%d"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class TimePickerInput(_PickerInput, forms.TimeInput):
    input_type = "time"
    formats, iso_format = TIME_INPUT_FORMATS, "%H:%M"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


def date_field(label, **kwargs) -> forms.DateField:
    return forms.DateField(
        label=label,
        input_formats=DATE_INPUT_FORMATS,
        widget=DatePickerInput(),
        error_messages={"invalid": _("Enter a date such as 12/11/2026.")},
        **kwargs,
    )


def time_field(label, **kwargs) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        input_formats=TIME_INPUT_FORMATS,
        widget=TimePickerInput(),
        error_messages={"invalid": _("Enter a time such as 10:30.")},
        **kwargs,
    )


def local_datetime(day, at: time, tz) -> datetime | None:
    """`day` at `at` in `tz`, or None when the clocks skip that time (the spring change)."""
    naive = datetime.combine(day, at)
    aware = timezone.make_aware(naive, tz)
    # Through UTC and back: a time the clocks skip comes back an hour later.
    if aware.astimezone(UTC).astimezone(tz).replace(tzinfo=None) != naive:
        return None
    return aware


def parse_local_iso(value: str, tz) -> datetime | None:
    """`2026-11-12T10:00` (the calendar's empty slots) as an aware time in `tz`; None if malformed."""
    try:
        parsed = datetime.fromisoformat((value or "").strip())
    except ValueError:
        return None
    if timezone.is_aware(parsed):
        return timezone.localtime(parsed, tz)
    return local_datetime(parsed.date(), parsed.time(), tz)


class ChannelChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, channel):
        return channel.name


class ContentItemForm(forms.Form):
    """The one form of a content item, for a new one and for edits."""

    title = forms.CharField(label=_("Title"), max_length=200)
    channel = ChannelChoiceField(
        label=_("Channel"),
        queryset=ContentChannel.objects.none(),
        empty_label=None,
        error_messages={"invalid_choice": _("Choose one of the company's active channels.")},
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=ContentItem.Kind.choices, initial=ContentItem.Kind.POST)
    language = forms.ChoiceField(
        label=_("Language"), choices=ContentItem.Language.choices, initial=ContentItem.Language.ITALIAN
    )
    planned_date = date_field(_("Planned date"), required=False)
    planned_time = time_field(_("Time"), required=False)
    tag = forms.CharField(
        label=_("Pillar or campaign"),
        max_length=80,
        required=False,
        help_text=_("e.g. “Fiera MECSPE” or “Dietro le quinte”."),
    )
    brief = forms.CharField(
        label=_("Brief"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What the piece is for, for whom, the key message."),
    )
    body = forms.CharField(
        label=_("Text"),
        required=False,
        max_length=MAX_TEXT,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "true"}),
        help_text=_("Markdown: **bold**, *italic*, [link](https://…), a blank line between paragraphs."),
    )
    status = forms.ChoiceField(
        label=_("Start as"),
        choices=[(S.IDEA, _("Idea: to write later")), (S.DRAFT, _("Draft: I am writing it"))],
        initial=S.DRAFT,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, company, item: ContentItem | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.company = company
        self.item = item
        active = Q(is_active=True)
        if item is not None:
            # An item stays on its channel even if the channel was switched off since.
            active |= Q(pk=item.channel_id)
            del self.fields["status"]
        else:
            self.fields["title"].widget.attrs["autofocus"] = True
        self.fields["channel"].queryset = ContentChannel.objects.for_company(company).filter(active).order_by("name")
        # Read once: the page shows them in the menu and uses them for the preview.
        self.channels = list(self.fields["channel"].queryset)
        self.fields["channel"].choices = [(channel.pk, channel.name) for channel in self.channels]
        self.fields["tag"].widget.attrs["list"] = "item-tags"
        self.fields["body"].widget.attrs["aria-describedby"] = "id_body_helptext item-length"

    @classmethod
    def initial_for(cls, item: ContentItem) -> dict:
        local = timezone.localtime(item.scheduled_at) if item.scheduled_at else None
        return {
            "title": item.title,
            "channel": item.channel_id,
            "kind": item.kind,
            "language": item.language,
            "planned_date": local.date() if local else None,
            "planned_time": local.time().replace(second=0, microsecond=0) if local else None,
            "tag": item.tag,
            "brief": item.brief,
            "body": item.body,
        }

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(_("Give the item a title."))
        return title

    def clean_body(self):
        # Trailing spaces are not content, but a leading indent may be (markdown code).
        return self.cleaned_data["body"].rstrip()

    def clean(self):
        cleaned = super().clean()
        day, at = cleaned.get("planned_date"), cleaned.get("planned_time")
        cleaned["scheduled_at"] = None
        if "planned_date" in self.errors or "planned_time" in self.errors:
            return cleaned
        if day is not None and at is None:
            self.add_error("planned_time", _("Choose the time too, or clear the date."))
        elif day is None and at is not None:
            self.add_error("planned_date", _("Choose the date too, or clear the time."))
        elif day is not None:
            if not 2000 <= day.year <= 2100:
                self.add_error("planned_date", _("Check the year of this date."))
                return cleaned
            when = local_datetime(day, at, timezone.get_current_timezone())
            if when is None:
                self.add_error(
                    "planned_time", _("The clocks go forward at that hour on that day: choose another time.")
                )
            cleaned["scheduled_at"] = when
        return cleaned

    def item_fields(self) -> dict:
        """The cleaned values as the services take them."""
        data = self.cleaned_data
        fields = {
            "title": data["title"],
            "channel": data["channel"],
            "kind": data["kind"],
            "language": data["language"],
            "scheduled_at": data["scheduled_at"],
            "tag": data["tag"].strip(),
            "brief": data["brief"].strip(),
            "body": data["body"],
        }
        if "status" in self.fields:
            fields["status"] = data["status"]
        return fields


class PreviewForm(forms.Form):
    """What the live preview needs from the item form; never rejects (it only shows)."""

    title = forms.CharField(required=False)
    channel = forms.IntegerField(required=False)
    body = forms.CharField(required=False, strip=False, max_length=MAX_TEXT)

    def values(self, company) -> tuple[str, str, ContentChannel | None]:
        if not self.is_valid():
            return "", "", None
        channel_id = self.cleaned_data["channel"]
        channel = ContentChannel.objects.for_company(company).filter(pk=channel_id).first() if channel_id else None
        return self.cleaned_data["title"], self.cleaned_data["body"].rstrip(), channel


class MoveForm(forms.Form):
    """A move of the workflow; the note and the publication details are asked only where needed."""

    target = forms.ChoiceField(choices=S.choices)
    note = forms.CharField(label=_("Why?"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))
    published_url = forms.URLField(
        label=_("Address of the published item"),
        required=False,
        max_length=500,
        assume_scheme="https",
        error_messages={"invalid": _("Enter a full web address, such as https://www.linkedin.com/…")},
    )
    published_date = date_field(_("Published on"), required=False)
    published_time = time_field(_("at"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("published_date", "published_time"):
            self.fields[name].widget.attrs["class"] = "form-control"

    def clean(self):
        cleaned = super().clean()
        cleaned["published_at"] = None
        if cleaned.get("target") != S.PUBLISHED:
            return cleaned
        if not cleaned.get("published_url") and "published_url" not in self.errors:
            self.add_error("published_url", _("Give the address where the item was published."))
        day, at = cleaned.get("published_date"), cleaned.get("published_time")
        if "published_date" in self.errors or "published_time" in self.errors:
            return cleaned
        if day is None or at is None:
            self.add_error("published_date" if day is None else "published_time", _("Give the day and the time."))
            return cleaned
        when = local_datetime(day, at, timezone.get_current_timezone())
        if when is None:
            self.add_error("published_time", _("The clocks go forward at that hour on that day: check the time."))
        cleaned["published_at"] = when
        return cleaned

    def move_values(self) -> dict:
        data = self.cleaned_data
        return {
            "target": data["target"],
            "note": data["note"],
            "published_url": data.get("published_url") or "",
            "published_at": data.get("published_at"),
        }


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Comment"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write the comment first.")},
    )

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Write the comment first."))
        return body
