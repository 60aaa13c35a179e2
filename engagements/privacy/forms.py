from django import forms
from django.utils.translation import gettext_lazy as _

MAX_NOTICE_LENGTH = 30000


class PrivacyNoticeForm(forms.Form):
    text_it = forms.CharField(
        label=_("Privacy notice in Italian"),
        max_length=MAX_NOTICE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 16}),
        error_messages={"required": _("Write the notice in Italian: the public page cannot be empty.")},
    )
    text_en = forms.CharField(
        label=_("Privacy notice in English"),
        max_length=MAX_NOTICE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 16}),
        error_messages={"required": _("Write the notice in English: the public page cannot be empty.")},
    )

    def texts(self) -> dict[str, str]:
        return {"it": self.cleaned_data["text_it"].strip(), "en": self.cleaned_data["text_en"].strip()}
