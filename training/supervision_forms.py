from django import forms
from django.utils.translation import gettext_lazy as _

from training.supervision_models import DEFAULT_SUPERVISION_STREAK

MAX_TEXT = 20_000


class ApproveForm(forms.Form):
    body = forms.CharField(label=_("Reply"), max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 6}), strip=True)
    comment = forms.CharField(
        label=_("Comment for the trainee"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Optional: why you changed the text."),
    )


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What to change"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}), strip=True
    )


class StreakForm(forms.Form):
    supervision_streak = forms.IntegerField(
        label=_("Approvals in a row for autonomy"),
        min_value=1,
        max_value=100,
        initial=DEFAULT_SUPERVISION_STREAK,
        help_text=_("After this many approvals in a row without changes, a topic no longer needs approval."),
    )
