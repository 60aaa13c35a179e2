import itertools
import zoneinfo

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from engagements.models import ENQUIRY_RETENTION_CHOICES, BusinessHours, Company, Invitation, Membership, User
from engagements.roles import Role, grantable_roles


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("Email"), widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"})
    )

    error_messages = {
        "invalid_login": _("Email or password is not correct. Note that the password is case-sensitive."),
        "inactive": _("This account is disabled."),
    }


class RoleDepartmentMixin:
    """A role and, for a colleague only, the department: the rule of the invitation and of a role change."""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("role") == Role.COLLEAGUE and not cleaned.get("department"):
            self.add_error("department", _("Choose the department of this colleague."))
        if cleaned.get("role") != Role.COLLEAGUE:
            cleaned["department"] = ""
        return cleaned


class InvitationForm(RoleDepartmentMixin, forms.Form):
    email = forms.EmailField(label=_("Email"))
    role = forms.ChoiceField(label=_("Role"), choices=())
    department = forms.ChoiceField(
        label=_("Department"),
        choices=[("", "—"), *list(Membership._meta.get_field("department").choices)],
        required=False,
        help_text=_("Colleagues only: they receive the conversations routed to this department."),
    )
    language = forms.ChoiceField(label=_("Language of the invitation"), choices=settings.LANGUAGES)

    def __init__(self, *args, company: Company, inviter: Membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.company = company
        self.fields["role"].choices = [(r.value, r.label) for r in grantable_roles(inviter.role)]
        self.fields["role"].initial = Role.DIGITAL_MANAGER
        self.fields["language"].initial = company.language

    def clean_email(self):
        email = User.objects.normalize_email(self.cleaned_data["email"])
        if Membership.objects.for_company(self.company).filter(user__email=email).exists():
            raise forms.ValidationError(_("%(email)s is already a member of this company."), params={"email": email})
        if Invitation.objects.for_company(self.company).pending().filter(email=email).exists():
            raise forms.ValidationError(
                _("%(email)s has already been invited: send the invitation again from the list below."),
                params={"email": email},
            )
        return email


class MemberRoleForm(RoleDepartmentMixin, forms.Form):
    """A member's new role (and department, for a colleague), in the members list."""

    role = forms.ChoiceField(label=_("Role"), choices=())
    department = forms.ChoiceField(
        label=_("Department"),
        choices=[("", "—"), *list(Membership._meta.get_field("department").choices)],
        required=False,
    )

    def __init__(self, *args, inviter: Membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(r.value, r.label) for r in grantable_roles(inviter.role)]


class AcceptInvitationForm(forms.Form):
    """A new user's name and password, chosen on the invitation page."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Confirm password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def __init__(self, *args, invitation: Invitation, **kwargs):
        super().__init__(*args, **kwargs)
        self.invitation = invitation

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords are different."))
        elif password1:
            candidate = User(
                email=self.invitation.email,
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(password1, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class LanguageForm(forms.Form):
    language = forms.ChoiceField(choices=settings.LANGUAGES)
    next = forms.CharField(required=False)


def _timezone_choices():
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


class CompanyForm(forms.ModelForm):
    timezone = forms.ChoiceField(label=_("Time zone"), choices=_timezone_choices)

    class Meta:
        model = Company
        fields = [
            "name",
            "sector",
            "timezone",
            "language",
            "spend_approval_threshold",
            "enquiry_retention_months",
            "two_factor_for_everyone",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Empty means "keep for ever", said in words rather than Django's dashes.
        self.fields["enquiry_retention_months"].choices = [("", _("For ever")), *ENQUIRY_RETENTION_CHOICES]


class BusinessHoursForm(forms.ModelForm):
    """One row of the business-hours table (labels are the column headers)."""

    class Meta:
        model = BusinessHours
        fields = ["weekday", "opens", "closes"]
        widgets = {
            "weekday": forms.Select(attrs={"class": "form-select form-select-sm"}),
            "opens": forms.TimeInput(attrs={"type": "time", "class": "form-control form-control-sm"}, format="%H:%M"),
            "closes": forms.TimeInput(attrs={"type": "time", "class": "form-control form-control-sm"}, format="%H:%M"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs["aria-label"] = field.label


class BaseBusinessHoursFormSet(forms.BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].widget.attrs.update({"class": "form-check-input", "aria-label": _("Remove")})

    def clean(self):
        super().clean()
        intervals = []
        for form in self.forms:
            if not form.cleaned_data or form.cleaned_data.get("DELETE") or form.errors:
                continue
            intervals.append((form.cleaned_data["weekday"], form.cleaned_data["opens"], form.cleaned_data["closes"]))
        intervals.sort()
        for (day_a, _open_a, close_a), (day_b, open_b, _close_b) in itertools.pairwise(intervals):
            if day_a == day_b and open_b < close_a:
                day = BusinessHours.Weekday(day_a).label
                raise forms.ValidationError(_("Two intervals overlap on %(day)s."), params={"day": day})


BusinessHoursFormSet = inlineformset_factory(
    Company,
    BusinessHours,
    form=BusinessHoursForm,
    formset=BaseBusinessHoursFormSet,
    extra=2,
    can_delete=True,
)


class TwoFactorCodeForm(forms.Form):
    """The code after the password: six digits from the app, or a recovery code."""

    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_("The 6 digits shown now in your authenticator app, or one of your recovery codes."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "autocapitalize": "off", "spellcheck": "false"}
        ),
    )


class TwoFactorSetupForm(forms.Form):
    code = forms.RegexField(
        label=_("Code from the app"),
        regex=r"^\s*\d{3}\s?\d{3}\s*$",
        error_messages={"invalid": _("Type the 6 digits shown in the app (no letters).")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def clean_code(self):
        return self.cleaned_data["code"].replace(" ", "").strip()
