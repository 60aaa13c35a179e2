from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from engagements.models import Membership
from reports.models import MAX_EXTRA_ADDRESSES, MonthlyReport
from reports.recipients import company_members, parse_addresses


class ReviewNotesForm(forms.ModelForm):
    class Meta:
        model = MonthlyReport
        fields = ["review_notes"]
        widgets = {"review_notes": forms.Textarea(attrs={"rows": 8})}
        help_texts = {
            "review_notes": _("What the consultant says about the month; it goes into the PDF and the email.")
        }
        labels = {"review_notes": _("Review notes")}


class MemberChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, membership):
        return f"{membership.user.display_name} · {membership.get_role_display()}"


class ReportSettingsForm(forms.Form):
    """Who receives the monthly report: members of the company and other addresses."""

    members = MemberChoiceField(
        label=_("Members who receive it"),
        queryset=Membership.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    extra_addresses = forms.CharField(
        label=_("Other addresses"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "spellcheck": "false", "autocomplete": "off"}),
        help_text=_(
            "For example the accountant: one address per line, at most %(max)s. They receive the email "
            "with the PDF, without access to Staffetta."
        )
        % {"max": MAX_EXTRA_ADDRESSES},
    )
    extra_language = forms.ChoiceField(label=_("Language of the email to the other addresses"), choices=())

    def __init__(self, *args, company, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = company_members(company)
        self.fields["extra_language"].choices = [(code, _(name)) for code, name in settings.LANGUAGES]

    def clean_extra_addresses(self) -> list[str]:
        return parse_addresses(self.cleaned_data["extra_addresses"])

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("members") and not cleaned.get("extra_addresses"):
            raise forms.ValidationError(
                _("Choose at least one member or write one address: otherwise nobody receives the report.")
            )
        return cleaned
