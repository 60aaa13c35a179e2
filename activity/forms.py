"""The log page's filters, from the query string."""

from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from activity.verbs import verb_groups

DATE_MESSAGE = _("Enter a date such as 31/12/2026.")


class ActivityFilterForm(forms.Form):
    """Person, kind of action and a range of days. A value that is not understood is shown with
    its message and left out of the filtering; the others still apply and nothing is lost."""

    person = forms.TypedChoiceField(
        label=pgettext_lazy("activity log", "Person"), required=False, coerce=int, empty_value=None
    )
    kind = forms.ChoiceField(label=_("Kind of action"), required=False)
    since = forms.DateField(
        label=pgettext_lazy("activity log", "From"), required=False, error_messages={"invalid": DATE_MESSAGE},
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )  # fmt: skip
    until = forms.DateField(
        label=pgettext_lazy("activity log", "To"), required=False, error_messages={"invalid": DATE_MESSAGE},
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )  # fmt: skip

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        # `members` are the company's memberships the page reads anyway (one query).
        self.fields["person"].choices = [("", pgettext_lazy("activity log", "Everyone"))] + [
            (m.user_id, m.user.display_name) for m in members
        ]
        self.fields["kind"].choices = [("", _("Every action"))] + [
            (label, [(prefix, _("Every action: %(group)s") % {"group": label}), *verbs])
            for prefix, label, verbs in verb_groups()
        ]
        for name, field in self.fields.items():
            css = "form-select form-select-sm" if name in ("person", "kind") else "form-control form-control-sm"
            field.widget.attrs["class"] = css

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", _("The end date comes before the start date."))
        return data

    def filters(self) -> dict:
        self.is_valid()
        data = {name: value for name, value in self.cleaned_data.items() if name not in self.errors}
        return {
            "actor_id": data.get("person"),
            "kind": data.get("kind") or "",
            "since": data.get("since"),
            "until": data.get("until"),
        }

    def query_string(self) -> str:
        """The filters as typed (also the ones not understood), for the pages and the export."""
        return urlencode([(name, self.data.get(name, "")) for name in self.fields if self.data.get(name)])
