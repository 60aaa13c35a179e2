from datetime import timedelta
from urllib.parse import urlsplit

from django import forms
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from contentdesk.models import ContentItem
from inbox.models import Conversation, Message
from training.files import MAX_BYTES, file_problem
from training.models import Assignment, Competency, Lesson, Module, Resource
from training.rules import RULES, rule_choices

# How far back the evidence pickers look for real work (enough for a whole engagement).
CONTENT_PICK_DAYS = 365
CONVERSATION_PICK_DAYS = 240


def _http_url(value: str) -> str:
    if value and urlsplit(value).scheme not in ("http", "https"):
        raise forms.ValidationError(_("Use an address that starts with https:// or http://."))
    return value


class ContentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, item):
        when = date_format(timezone.localtime(item.published_at), "SHORT_DATE_FORMAT") if item.published_at else ""
        return f"{item.title} · {item.channel} · {when}"


class ConversationChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, conversation):
        when = date_format(timezone.localtime(conversation.first_response_at), "SHORT_DATE_FORMAT")
        return f"{conversation.subject} · {conversation.contact.name or conversation.contact.email} · {when}"


class EvidenceForm(forms.Form):
    """Whatever the trainee has to show; each thing given becomes one evidence."""

    url = forms.URLField(
        label=_("Link"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("A page you wrote, a shared document, a published post…"),
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What you did, what you learnt, what you would do differently. Markdown is fine."),
    )
    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("PDF, images, office documents, text or CSV, ZIP; up to %(mb)s MB.")
        % {"mb": MAX_BYTES // (1024 * 1024)},
    )
    content_item = ContentChoiceField(
        label=_("Published content from the calendar"),
        required=False,
        queryset=ContentItem.objects.none(),
        empty_label=_("— none —"),
    )
    conversations = ConversationChoiceField(
        label=_("Enquiries you answered"),
        required=False,
        queryset=Conversation.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Hold Ctrl (or ⌘) to pick more than one."),
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        now = timezone.now()
        self.fields["content_item"].queryset = (
            ContentItem.objects.for_company(plan.company)
            .filter(status=ContentItem.Status.PUBLISHED, published_at__gte=now - timedelta(days=CONTENT_PICK_DAYS))
            .select_related("channel")
            .order_by("-published_at", "-pk")
        )
        replied_by_trainee = Message.objects.filter(
            conversation=OuterRef("pk"), direction=Message.Direction.OUT, author_id=plan.trainee_id
        )
        self.fields["conversations"].queryset = (
            Conversation.objects.for_company(plan.company)
            .filter(first_response_at__gte=now - timedelta(days=CONVERSATION_PICK_DAYS))
            .filter(Exists(replied_by_trainee))
            .select_related("contact")
            .order_by("-first_response_at", "-pk")
        )

    def clean_url(self):
        return _http_url(self.cleaned_data["url"])

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded:
            problem = file_problem(uploaded)
            if problem:
                raise forms.ValidationError(problem)
        return uploaded

    def clean(self):
        data = super().clean()
        given = [data.get("url"), (data.get("note") or "").strip(), data.get("file"), data.get("content_item")]
        if not any(given) and not data.get("conversations") and not self.errors:
            raise forms.ValidationError(
                _("Nothing to add: give a link, a note, a file, or pick published content or answered enquiries.")
            )
        if self.errors and self.files.get(self.add_prefix("file")) and "file" not in self.errors:
            # Browsers never send a file twice: say so, rather than let it vanish silently.
            self.add_error("file", _("Choose the file again: it is not kept when the form has to be corrected."))
        return data


class FeedbackForm(forms.Form):
    feedback = forms.CharField(
        label=_("What to redo"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write what the digital manager should redo.")},
    )


def _require_one(form, first: str, second: str, message) -> None:
    if not (form.cleaned_data.get(first) or "").strip() and not (form.cleaned_data.get(second) or "").strip():
        form.add_error(first, message)


class ModuleForm(forms.ModelForm):
    competencies = forms.ModelMultipleChoiceField(
        label=_("Competencies covered"),
        queryset=Competency.objects.order_by("order", "code"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Module
        fields = ["title_it", "title_en", "summary_it", "summary_en", "estimated_hours", "target_on", "competencies"]
        widgets = {
            "summary_it": forms.Textarea(attrs={"rows": 3}),
            "summary_en": forms.Textarea(attrs={"rows": 3}),
            "target_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def clean(self):
        data = super().clean()
        _require_one(self, "title_it", "title_en", _("Give the module a title, in Italian or in English."))
        return data


class ResourceForm(forms.ModelForm):
    url = forms.URLField(label=_("Address"), max_length=500, assume_scheme="https")

    class Meta:
        model = Resource
        fields = ["title", "url", "language"]

    def clean_url(self):
        return _http_url(self.cleaned_data["url"])


ResourceFormSet = forms.inlineformset_factory(
    Module,
    Resource,
    form=ResourceForm,
    fields=["title", "url", "language"],
    extra=1,
    max_num=20,
    validate_max=True,
    can_delete=True,
)


class LessonForm(forms.ModelForm):
    class Meta:
        model = Lesson
        fields = ["title_it", "body_it", "title_en", "body_en"]
        widgets = {"body_it": forms.Textarea(attrs={"rows": 14}), "body_en": forms.Textarea(attrs={"rows": 14})}

    def clean(self):
        data = super().clean()
        _require_one(self, "title_it", "title_en", _("Give the lesson a title, in Italian or in English."))
        return data


class AssignmentForm(forms.ModelForm):
    """An assignment and, if it has one, its automatic evidence with the rule's parameters."""

    rule = forms.ChoiceField(label=_("Automatic evidence"), required=False, choices=rule_choices)
    min_count = forms.IntegerField(label=_("How many, at least"), required=False, min_value=1, max_value=1000)
    max_median_hours = forms.IntegerField(
        label=_("Median first response, at most (business hours; 0: any)"), required=False, min_value=0, max_value=1000
    )
    weeks = forms.IntegerField(
        label=_("Window (weeks back from today; 0: since ever, for content)"),
        required=False,
        min_value=0,
        max_value=104,
    )
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=RULES["enquiries_answered"].params[3].choices
    )
    channel_kind = forms.ChoiceField(
        label=_("Channel (content only)"), required=False, choices=RULES["posts_published_clean"].params[2].choices
    )

    PARAM_FIELDS = ("min_count", "max_median_hours", "weeks", "language", "channel_kind")

    class Meta:
        model = Assignment
        fields = ["title_it", "instructions_it", "title_en", "instructions_en", "due_on", "rule"]
        widgets = {
            "instructions_it": forms.Textarea(attrs={"rows": 8}),
            "instructions_en": forms.Textarea(attrs={"rows": 8}),
            "due_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        rule = RULES.get(self.instance.rule)
        if rule is not None and not self.is_bound:
            for name, value in rule.clean_params(self.instance.rule_params).items():
                self.initial[name] = value

    def clean(self):
        data = super().clean()
        _require_one(self, "title_it", "title_en", _("Give the assignment a title, in Italian or in English."))
        rule = RULES.get(data.get("rule") or "")
        params = {}
        if rule is not None:
            for spec in rule.params:
                value = data.get(spec.name)
                if value in (None, ""):
                    value = spec.default
                if spec.kind == "int" and not spec.minimum <= value <= spec.maximum:
                    self.add_error(
                        spec.name,
                        _("For this automatic evidence use a number from %(min)s to %(max)s.")
                        % {"min": spec.minimum, "max": spec.maximum},
                    )
                params[spec.name] = value
        data["rule_params"] = params
        return data
