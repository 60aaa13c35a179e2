"""Input of the newsletter pages: lists, segments, the subscribers' filters, the CSV import,
and the public subscribe form."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from contentdesk.models import NewsletterList, NewsletterSegment, Subscription
from contentdesk.newsletter.csv_import import MAX_BYTES, MAX_ROWS
from inbox.intake.forms import HONEYPOT_FIELD, ChannelForm
from inbox.models import Tag


class NewsletterListForm(forms.ModelForm):
    class Meta:
        model = NewsletterList
        fields = ["name", "description", "from_name", "form_enabled", "allowed_origins"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "allowed_origins": forms.Textarea(
                attrs={"rows": 3, "placeholder": "https://www.example.it", "spellcheck": "false"}
            ),
        }

    def __init__(self, *args, company, **kwargs):
        super().__init__(*args, **kwargs)
        self.company = company

    # The same rule as the website form's allowed websites.
    clean_allowed_origins = ChannelForm.clean_allowed_origins

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        taken = NewsletterList.objects.for_company(self.company).filter(name__iexact=name)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(gettext("There is already a list with this name."))
        return name


class SegmentForm(forms.ModelForm):
    class Meta:
        model = NewsletterSegment
        fields = ["name", "contact_kind", "language", "tags"]
        widgets = {"tags": forms.CheckboxSelectMultiple}

    def __init__(self, *args, newsletter_list, **kwargs):
        super().__init__(*args, **kwargs)
        self.newsletter_list = newsletter_list
        self.fields["contact_kind"].choices = [
            ("", gettext("Customers and prospects")),
            *self.fields["contact_kind"].choices[1:],
        ]
        self.fields["language"].choices = [("", gettext("Any language")), *settings.LANGUAGES]
        self.fields["tags"].queryset = Tag.objects.for_company(newsletter_list.company).order_by("name")

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        taken = self.newsletter_list.segments.filter(name__iexact=name)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(gettext("This list already has a segment with this name."))
        return name


class SubscriberFilterForm(forms.Form):
    """The subscribers table's search box and filters; a value not understood is ignored."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.SearchInput(
            attrs={"placeholder": _("Name, email or organisation"), "class": "form-control form-control-sm"}
        ),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Every status")), *Subscription.Status.choices],
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )
    segment = forms.TypedChoiceField(
        label=_("Segment"),
        required=False,
        coerce=int,
        empty_value=None,
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )

    def __init__(self, *args, segments, **kwargs):
        super().__init__(*args, **kwargs)
        self.segments = {segment.pk: segment for segment in segments}
        self.fields["segment"].choices = [("", gettext("Whole list"))] + [(s.pk, s.name) for s in segments]

    def values(self) -> dict:
        """The filters to apply: those understood (a field with an error is left out)."""
        self.is_valid()
        data = self.cleaned_data
        return {
            "query": (data.get("q") or "").strip(),
            "status": data.get("status") or "",
            "segment": self.segments.get(data.get("segment")),
        }


class SubscribersImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file"), widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,text/csv"}))
    consent_text = forms.CharField(
        label=_("What the people agreed to"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The consent text exactly as they read it on the form they signed, e.g. at the fair's stand."),
    )
    default_source = forms.CharField(
        label=_("Where the consents were collected"),
        max_length=200,
        required=False,
        help_text=_("Used for rows whose “consent source” cell is empty, e.g. “modulo fiera MECSPE 2026”."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = gettext(
            "CSV with a header row, separated by semicolons or commas; at most %(mb)s MB and %(rows)s rows."
        ) % {"mb": MAX_BYTES // (1024 * 1024), "rows": MAX_ROWS}


def subscribe_consent_text(newsletter_list) -> str:
    """What the visitor agrees to, in the active language; stored exactly as shown."""
    return gettext(
        "I want to receive the newsletter “%(list)s” of %(company)s by email. I can unsubscribe at any time "
        "with the link at the bottom of every email."
    ) % {"list": newsletter_list.name, "company": newsletter_list.company.name}


class SubscribeForm(forms.Form):
    """The public form, hosted or drawn by the snippet."""

    email = forms.EmailField(label=_("Email"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    name = forms.CharField(
        label=_("Name"), max_length=160, required=False, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    organisation = forms.CharField(
        label=_("Company or organisation"),
        max_length=160,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    consent = forms.BooleanField(
        error_messages={"required": _("Tick the box to agree: without your consent we cannot write to you.")}
    )
    # The honeypot: hidden from people; a bot that fills it is answered as if all went well.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    language = forms.CharField(required=False, widget=forms.HiddenInput)
    landing_page = forms.CharField(required=False, widget=forms.HiddenInput)

    visible_names = ("email", "name", "organisation", "consent")

    def __init__(self, *args, newsletter_list, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = subscribe_consent_text(newsletter_list)

    def clean(self):
        cleaned = super().clean()
        # Hidden fields are filled by the page, not by the visitor: clip, never complain.
        cleaned["landing_page"] = str(cleaned.get("landing_page") or "").strip()[:300]
        cleaned["language"] = str(cleaned.get("language") or "").strip()[:8].lower()
        return cleaned

    @property
    def honeypot_filled(self) -> bool:
        return bool(str(self.cleaned_data.get(HONEYPOT_FIELD) or "").strip())


class SubscriptionUnsubscribeForm(forms.Form):
    """The colleague's button: someone asked by phone or by email to be removed."""

    note = forms.CharField(label=_("Note"), max_length=200, required=False)
