from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from contentdesk.publishing.results_import import MAX_BYTES, MAX_ROWS, parse_number


class CountField(forms.Field):
    """A whole number ≥ 0 typed as people write it ("1.234", "1 234"); empty means not known."""

    widget = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "maxlength": 20})

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        value = str(value or "").strip()
        if not value:
            return None
        if len(value) > 20:
            raise forms.ValidationError(gettext("The number is too large."), code="invalid")
        try:
            return parse_number(value)
        except ValueError as error:
            raise forms.ValidationError(str(error), code="invalid") from None


class ResultsForm(forms.Form):
    reach = CountField(label=_("Reach"), help_text=_("People who saw it."))
    clicks = CountField(label=_("Clicks"), help_text=_("Clicks on the link."))
    enquiries = CountField(
        label=_("Enquiries reported"), help_text=_("Enquiries that the network or a colleague reported.")
    )


class TrackedLinkForm(forms.Form):
    destination = forms.URLField(
        label=_("Page the post links to"),
        max_length=500,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"placeholder": "https://www.…", "inputmode": "url"}),
        error_messages={"invalid": _("Enter a full web address, e.g. https://www.example.it/products/.")},
    )


class ResultsImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,text/csv"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = gettext(
            "CSV with a header row, separated by semicolons or commas; at most %(mb)s MB and %(rows)s rows."
        ) % {"mb": MAX_BYTES // (1024 * 1024), "rows": MAX_ROWS}


class FeedRotateForm(forms.Form):
    feed = forms.ChoiceField(choices=[("personal", _("My calendar")), ("company", _("Company calendar"))])
