"""The form on the item page that says where a newsletter goes."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from contentdesk.models import NewsletterList, NewsletterSegment


class SegmentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, segment):
        return f"{segment.newsletter_list.name} — {segment.name}"


class NewsletterSendForm(forms.Form):
    newsletter_list = forms.ModelChoiceField(
        label=pgettext_lazy("newsletter list", "List"),
        queryset=NewsletterList.objects.none(),
        empty_label=_("Choose a list…"),
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
        error_messages={
            "required": _("Choose the list to send the newsletter to."),
            "invalid_choice": _("Choose one of your lists."),
        },
    )
    segment = SegmentChoiceField(
        label=_("Segment"),
        queryset=NewsletterSegment.objects.none(),
        required=False,
        empty_label=_("Everyone on the list"),
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
        error_messages={"invalid_choice": _("Choose one of the list's segments.")},
    )
    subject = forms.CharField(
        label=_("Email subject"),
        max_length=200,
        required=False,
        help_text=_("Empty: the item's title."),
        widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}),
    )

    def __init__(self, *args, company, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["newsletter_list"].queryset = NewsletterList.objects.for_company(company).order_by("name")
        self.fields["segment"].queryset = (
            NewsletterSegment.objects.for_company(company)
            .select_related("newsletter_list")
            .order_by("newsletter_list__name", "name")
        )

    def clean(self):
        data = super().clean()
        segment, newsletter_list = data.get("segment"), data.get("newsletter_list")
        if segment is not None and newsletter_list is not None and segment.newsletter_list_id != newsletter_list.pk:
            self.add_error("segment", _("The segment belongs to another list."))
        return data
