"""Input of the chat widget (first line, later lines, email address) and of the chat settings page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from inbox.intake.forms import UTM_FIELDS, ChannelForm
from inbox.models import IntakeChannel

# A chat line, not a letter: longer texts belong in the website form or an email.
MESSAGE_MAX_LENGTH = 2000
CLIENT_KEY_PATTERN = r"^[A-Za-z0-9_-]{8,64}$"


def _message_field():
    return forms.CharField(
        max_length=MESSAGE_MAX_LENGTH,
        error_messages={
            "required": _("Write a message first."),
            "max_length": _(
                "Your message is too long: write at most %(limit_value)s characters, or send it in two parts."
            ),
        },
    )


def _email_field(required: bool):
    return forms.EmailField(
        required=required,
        max_length=254,
        error_messages={
            "required": _("Write your email address."),
            "invalid": _("This email address does not look right: check it and try again (e.g. name@example.com)."),
        },
    )


def _client_key_field():
    # The widget's own id for the line: a retried request is stored once.
    return forms.RegexField(regex=CLIENT_KEY_PATTERN, required=False)


class ChatStartForm(forms.Form):
    """The first line opens the chat. Tracking fields never fail it (bad ones are dropped)."""

    message = _message_field()
    email = _email_field(required=False)
    language = forms.CharField(max_length=8, required=False)
    timezone = forms.CharField(max_length=64, required=False)
    landing_page = forms.CharField(max_length=500, required=False)
    referrer = forms.CharField(max_length=500, required=False)
    client_key = _client_key_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in UTM_FIELDS:
            self.fields[name] = forms.CharField(max_length=500, required=False)

    def clean(self):
        cleaned = super().clean()
        for name in ("landing_page", "referrer", *UTM_FIELDS):
            if name in self.errors:  # too long: tracking is a courtesy, never a reason to refuse
                del self.errors[name]
                cleaned[name] = ""
        return cleaned

    def utm(self) -> dict:
        return {name.removeprefix("utm_"): self.cleaned_data.get(name, "")[:120] for name in UTM_FIELDS}


class ChatLineForm(forms.Form):
    message = _message_field()
    client_key = _client_key_field()


class ChatEmailForm(forms.Form):
    email = _email_field(required=True)


class ChatChannelForm(forms.ModelForm):
    class Meta:
        model = IntakeChannel
        fields = ["name", "allowed_origins", "is_active"]
        labels = {"is_active": _("Show the chat on the website")}
        widgets = {
            "allowed_origins": forms.Textarea(
                attrs={"rows": 3, "placeholder": "https://www.example.it", "spellcheck": "false"}
            )
        }

    # The same rules as the website form's allowed websites.
    clean_allowed_origins = ChannelForm.clean_allowed_origins

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["allowed_origins"].help_text = _(
            "One address per line, e.g. https://www.example.it — only these sites may show the chat."
        )
