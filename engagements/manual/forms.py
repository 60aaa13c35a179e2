"""The two fields every rule of the operations manual carries: a short “why” and an owner."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from engagements.models import User

WHY_HELP = _("In one sentence: why this rule exists. It goes into the operations manual.")
OWNER_HELP = _("The member of the company who keeps it up to date.")
OWNER_INVALID = _("Choose a member of the company: the owner must work here.")


def company_members(company):
    return User.objects.filter(memberships__company=company).order_by("first_name", "last_name", "email")


class OwnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.display_name


def owner_field(**kwargs) -> OwnerChoiceField:
    return OwnerChoiceField(
        label=pgettext_lazy("rule", "Owner"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("Nobody yet"),
        help_text=OWNER_HELP,
        error_messages={"invalid_choice": OWNER_INVALID},
        **kwargs,
    )


def why_field(**kwargs) -> forms.CharField:
    return forms.CharField(
        label=pgettext_lazy("rule", "Why"),
        max_length=300,
        required=False,
        help_text=WHY_HELP,
        widget=forms.Textarea(attrs={"rows": 2}),
        **kwargs,
    )


def limit_owner_to_company(form: forms.BaseForm, company) -> None:
    """Replace the form's `owner` and `why` fields: the owner is chosen among the company's members.

    A user of another company posted by hand fails as an invalid choice, with a clear message.
    """
    form.fields["owner"] = owner_field()
    form.fields["owner"].queryset = company_members(company)
    form.fields["why"] = why_field()
