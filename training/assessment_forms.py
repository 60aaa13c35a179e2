from django import forms
from django.utils.translation import gettext_lazy as _

from training.models import Level


class AssessmentForm(forms.Form):
    level = forms.TypedChoiceField(
        label=_("Level"),
        choices=Level.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose a level from 1 to 4."),
            "invalid_choice": _("Choose a level from 1 to 4."),
        },
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What you saw: examples, what is still to improve."),
    )
    sign_off = forms.BooleanField(
        label=_("Sign off now"),
        required=False,
        initial=True,
        help_text=_("Only signed-off levels count in the matrix and for the handover."),
    )


class RequirementForm(forms.Form):
    level = forms.TypedChoiceField(
        label=_("Level required to hand over its work"),
        choices=Level.choices,
        coerce=int,
        error_messages={"invalid_choice": _("Choose a level from 1 to 4.")},
    )


class LogEntryForm(forms.Form):
    written_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    text = forms.CharField(
        label=_("What you did and learned"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three lines are enough: what you did, what you learned, what is still unclear."),
    )


class LogCommentForm(forms.Form):
    comment = forms.CharField(
        label=_("Your comment"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
