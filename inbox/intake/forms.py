"""Input of the public intake (website form, webhook) and of the channels page.

A validated submission becomes an *enquiry*: a plain JSON-ready dict with the keys email,
name, organisation, phone, subject, message, language, landing_page, referrer, utm (dict),
consent ({given_at, text, source} or None) and honeypot (bool). It is stored on the inbound
item, and the conversation is opened from it (see inbox.services.inbound_receive).
"""

from urllib.parse import urlsplit

from django import forms
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from inbox.attachments import attachment_problem
from inbox.forms import MultipleFileField, MultipleFileInput
from inbox.models import Attachment, IntakeChannel

MESSAGE_MAX_LENGTH = 10_000
IDEMPOTENCY_KEY_MAX_LENGTH = 200
UTM_FIELDS = ("utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content")
TRACKING_FIELDS = ("landing_page", "referrer", *UTM_FIELDS)
HONEYPOT_FIELD = "website"
# Files a visitor may attach to one enquiry (drawings, PDFs…), each up to Attachment.MAX_BYTES.
MAX_FORM_FILES = 3
ACCEPTED_EXTENSIONS = ".pdf,.jpg,.jpeg,.png,.gif,.webp,.txt,.csv,.zip,.doc,.docx,.xls,.xlsx,.dxf,.step,.stp"


def attachments_hint() -> str:
    return gettext(
        "Optional: up to %(count)s files of %(mb)s MB each (PDF, images, office documents, text, CSV, ZIP, "
        "DXF or STEP drawings)."
    ) % {"count": MAX_FORM_FILES, "mb": Attachment.MAX_BYTES // (1024 * 1024)}


def consent_text(company) -> str:
    """What the visitor agrees to, in the active language; stored with the contact."""
    return gettext("I agree that %(company)s processes the data I have entered in order to answer my enquiry.") % {
        "company": company.name
    }


def _text(value, length: int) -> str:
    return str(value or "").strip()[:length]


class EnquiryForm(forms.Form):
    """The website form, hosted or embedded by the snippet. Tracking fields never fail it."""

    name = forms.CharField(label=_("Name"), max_length=160, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(label=_("Email"), widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    organisation = forms.CharField(
        label=_("Company or organisation"),
        max_length=160,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    subject = forms.CharField(label=_("Subject"), max_length=250, required=False)
    message = forms.CharField(
        label=_("Message"), max_length=MESSAGE_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 6})
    )
    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        widget=MultipleFileInput(attrs={"class": "form-control", "accept": ACCEPTED_EXTENSIONS}),
    )
    consent = forms.BooleanField(
        error_messages={"required": _("Please give your consent: without it we cannot answer you.")},
    )
    # The honeypot: hidden from people, irresistible to bots. Filled in, the enquiry is kept as spam.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    language = forms.CharField(required=False, widget=forms.HiddenInput)
    idempotency_key = forms.CharField(required=False, widget=forms.HiddenInput)
    landing_page = forms.CharField(required=False, widget=forms.HiddenInput)
    referrer = forms.CharField(required=False, widget=forms.HiddenInput)
    utm_source = forms.CharField(required=False, widget=forms.HiddenInput)
    utm_medium = forms.CharField(required=False, widget=forms.HiddenInput)
    utm_campaign = forms.CharField(required=False, widget=forms.HiddenInput)
    utm_term = forms.CharField(required=False, widget=forms.HiddenInput)
    utm_content = forms.CharField(required=False, widget=forms.HiddenInput)

    visible_names = ("name", "email", "organisation", "phone", "subject", "message", "attachments", "consent")

    def __init__(self, *args, company, **kwargs):
        super().__init__(*args, **kwargs)
        self.company = company
        self.fields["consent"].label = consent_text(company)
        self.fields["attachments"].help_text = attachments_hint()

    def clean_attachments(self):
        files = self.cleaned_data.get("attachments") or []
        if len(files) > MAX_FORM_FILES:
            raise forms.ValidationError(
                gettext("Attach at most %(count)s files to one message.") % {"count": MAX_FORM_FILES}
            )
        problems = [problem for problem in map(attachment_problem, files) if problem]
        if problems:
            raise forms.ValidationError(problems)
        return files

    def clean(self):
        cleaned = super().clean()
        # Hidden fields are filled by the page, not by the visitor: clip, never complain.
        for name in (*TRACKING_FIELDS, "language"):
            cleaned[name] = _text(cleaned.get(name), 500 if name in ("landing_page", "referrer") else 120)
        cleaned["language"] = cleaned["language"][:8].lower()
        cleaned["idempotency_key"] = _text(cleaned.get("idempotency_key"), IDEMPOTENCY_KEY_MAX_LENGTH)
        return cleaned

    @property
    def honeypot_filled(self) -> bool:
        return bool(self.cleaned_data.get(HONEYPOT_FIELD, "").strip())

    def enquiry(self, *, language: str, consent_source: str) -> dict:
        data = self.cleaned_data
        return {
            "email": data["email"],
            "name": data["name"],
            "organisation": data["organisation"],
            "phone": data["phone"],
            "subject": data["subject"],
            "message": data["message"],
            "language": language,
            "landing_page": data["landing_page"],
            "referrer": data["referrer"],
            "utm": {name.removeprefix("utm_"): data[name] for name in UTM_FIELDS if data[name]},
            "consent": {
                "given_at": timezone.now().isoformat(),
                "text": self.fields["consent"].label,
                "source": consent_source[:200],
            },
            "honeypot": self.honeypot_filled,
        }


class WebhookEnquiryForm(forms.Form):
    """The flat fields of a webhook payload; utm and consent are checked by `webhook_enquiry`."""

    email = forms.EmailField()
    message = forms.CharField(max_length=MESSAGE_MAX_LENGTH)
    name = forms.CharField(max_length=160, required=False)
    subject = forms.CharField(max_length=250, required=False)
    organisation = forms.CharField(max_length=160, required=False)
    phone = forms.CharField(max_length=40, required=False)
    language = forms.RegexField(regex=r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,4})?$", max_length=8, required=False)
    landing_page = forms.URLField(max_length=500, required=False, assume_scheme="https")
    referrer = forms.URLField(max_length=500, required=False, assume_scheme="https")
    idempotency_key = forms.CharField(max_length=IDEMPOTENCY_KEY_MAX_LENGTH, required=False)


def webhook_enquiry(payload: dict, *, header_key: str = "", default_source: str) -> tuple[dict, str, dict]:
    """(enquiry, idempotency key, errors) from a webhook's JSON object; errors map field → messages."""
    errors: dict[str, list[str]] = {}
    flat = {}
    for name in WebhookEnquiryForm.base_fields:
        value = payload.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            errors[name] = [gettext("Must be text.")]
            continue
        flat[name] = value
    form = WebhookEnquiryForm(flat)
    if not form.is_valid():
        for name, messages in form.errors.items():
            errors.setdefault(name, []).extend(str(m) for m in messages)
    utm, utm_errors = _webhook_utm(payload.get("utm"))
    consent, consent_errors = _webhook_consent(payload.get("consent"), default_source=default_source)
    errors.update(utm_errors | consent_errors)
    if len(header_key) > IDEMPOTENCY_KEY_MAX_LENGTH:
        errors["Idempotency-Key"] = [gettext("At most %(count)s characters.") % {"count": IDEMPOTENCY_KEY_MAX_LENGTH}]
    if errors:
        return {}, "", errors
    data = form.cleaned_data
    enquiry = {
        "email": data["email"],
        "name": data["name"],
        "organisation": data["organisation"],
        "phone": data["phone"],
        "subject": data["subject"],
        "message": data["message"],
        "language": data["language"][:2].lower(),
        "landing_page": data["landing_page"],
        "referrer": data["referrer"],
        "utm": utm,
        "consent": consent,
        "honeypot": False,
    }
    return enquiry, header_key or data["idempotency_key"], errors


def _webhook_utm(value) -> tuple[dict, dict]:
    if value is None:
        return {}, {}
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        return {}, {"utm": [gettext('Must be an object of texts, e.g. {"source": "newsletter"}.')]}
    utm = {}
    for key, text in value.items():
        name = key.lower().removeprefix("utm_")
        if name in ("source", "medium", "campaign", "term", "content") and text.strip():
            utm[name] = text.strip()[:120]
    return utm, {}


def _webhook_consent(value, *, default_source: str) -> tuple[dict | None, dict]:
    if value is None:
        return None, {}
    if not isinstance(value, dict):
        return None, {"consent": [gettext("Must be an object with given_at, text and source.")]}
    given_at = value.get("given_at")
    parsed = parse_datetime(given_at) if isinstance(given_at, str) else None
    errors = []
    if parsed is None:
        errors.append(gettext("consent.given_at must be a date and time in ISO 8601, e.g. 2025-03-14T09:30:00+01:00."))
    text = value.get("text")
    if not isinstance(text, str) or not text.strip():
        errors.append(gettext("consent.text must say what the person agreed to."))
    source = value.get("source") or default_source
    if not isinstance(source, str):
        errors.append(gettext("consent.source must be text."))
    if errors:
        return None, {"consent": errors}
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    return {"given_at": parsed.isoformat(), "text": text.strip(), "source": source.strip()[:200]}, {}


# The channels page.


def _normalised_origin(line: str) -> str | None:
    try:
        parts = urlsplit(line.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.username or parts.password:
        return None
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        return None
    host = parts.hostname.lower()
    if ":" in host:  # IPv6
        host = f"[{host}]"
    return f"{parts.scheme}://{host}" + (f":{port}" if port else "")


class ChannelForm(forms.ModelForm):
    class Meta:
        model = IntakeChannel
        fields = ["name", "allowed_origins", "auto_acknowledge", "is_active"]
        widgets = {
            "allowed_origins": forms.Textarea(
                attrs={"rows": 3, "placeholder": "https://www.example.it", "spellcheck": "false"}
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.kind != IntakeChannel.Kind.FORM:
            del self.fields["allowed_origins"]

    def clean_allowed_origins(self):
        origins, wrong = [], []
        for line in self.cleaned_data["allowed_origins"].splitlines():
            if not line.strip():
                continue
            origin = _normalised_origin(line)
            if origin is None:
                wrong.append(line.strip())
            elif origin not in origins:
                origins.append(origin)
        if wrong:
            raise forms.ValidationError(
                _(
                    "Not a website address: %(lines)s. Write one address per line, like https://www.example.it, without a path."
                ),
                params={"lines": ", ".join(wrong)},
            )
        return "\n".join(origins)


class ChannelCreateForm(ChannelForm):
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[
            (IntakeChannel.Kind.FORM.value, IntakeChannel.Kind.FORM.label),
            (IntakeChannel.Kind.WEBHOOK.value, IntakeChannel.Kind.WEBHOOK.label),
        ],
    )

    class Meta(ChannelForm.Meta):
        fields = ["kind", "name", "allowed_origins", "auto_acknowledge"]
