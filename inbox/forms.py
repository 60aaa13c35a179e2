from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

from engagements.manual.forms import limit_owner_to_company
from engagements.models import User
from engagements.roles import Department, Role
from inbox.actions import TAG_MAX_LENGTH, BulkAction
from inbox.attachments import MAX_FILES, attachment_problem
from inbox.models import CannedReply, Contact, Conversation, IntakeChannel, RoutingRule, Tag
from inbox.search import MAX_QUERY_LENGTH
from inbox.selectors import SLA_AT_RISK, SLA_BREACHED, worker_roles

Status = Conversation.Status
BODY_MAX_LENGTH = 20_000


def _members(company, roles):
    return User.objects.filter(memberships__company=company, memberships__role__in=roles).order_by(
        "first_name", "last_name", "email"
    )


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.display_name


class InboxFilterForm(forms.Form):
    """The list's filters, read from the query string; an invalid value is dropped, not fatal."""

    STATUS_CHOICES = [
        ("active", _("Open and waiting")),
        ("all", _("Every status")),
        *Status.choices,
    ]
    SLA_CHOICES = [
        ("", _("Any SLA")),
        ("attention", _("At risk or breached")),
        (SLA_AT_RISK, _("At risk")),
        (SLA_BREACHED, _("Breached")),
    ]

    q = forms.CharField(label=_("Search"), required=False, max_length=MAX_QUERY_LENGTH, widget=forms.SearchInput)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=STATUS_CHOICES)
    channel = forms.ModelChoiceField(
        label=_("Channel"), required=False, queryset=IntakeChannel.objects.none(), empty_label=_("Any channel")
    )
    assignee = MemberChoiceField(
        label=_("Assignee"), required=False, queryset=User.objects.none(), empty_label=_("Anyone")
    )
    department = forms.ChoiceField(
        label=_("Department"), required=False, choices=[("", _("Any department")), *Department.choices]
    )
    tag = forms.ModelChoiceField(label=_("Tag"), required=False, queryset=Tag.objects.none(), empty_label=_("Any tag"))
    sla = forms.ChoiceField(label=_("SLA"), required=False, choices=SLA_CHOICES)
    mine = forms.BooleanField(label=_("Assigned to me"), required=False)
    unassigned = forms.BooleanField(label=_("Unassigned"), required=False)

    def __init__(self, *args, company, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["channel"].queryset = IntakeChannel.objects.for_company(company)
        self.fields["assignee"].queryset = _members(company, worker_roles())
        self.fields["tag"].queryset = Tag.objects.for_company(company)
        for field in self.fields.values():
            if isinstance(field.widget, forms.Select):
                field.widget.attrs["class"] = "form-select form-select-sm"
            elif isinstance(field.widget, forms.CheckboxInput):
                field.widget.attrs["class"] = "form-check-input"
        self.fields["q"].widget.attrs.update({"class": "form-control", "placeholder": _("Subject, message, contact…")})

    def filters(self) -> dict:
        """The valid filters: call after is_valid(); the invalid ones are left out."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if name not in self.errors}

    def query_params(self) -> list[tuple[str, str]]:
        params = []
        for name, value in self.filters().items():
            if value in (None, "", False):
                continue
            if value is True:
                value = "1"
            elif hasattr(value, "pk"):
                value = value.pk
            params.append((name, str(value)))
        return params

    def query_string(self) -> str:
        return urlencode(self.query_params())

    ADVANCED = ("channel", "assignee", "department", "tag", "sla")

    @property
    def advanced_fields(self):
        return [self[name] for name in self.ADVANCED]

    @property
    def has_advanced(self) -> bool:
        data = self.filters()
        return any(data.get(name) for name in (*self.ADVANCED, "mine", "unassigned"))


class IdListField(forms.Field):
    """Checked rows: integer ids; anything else is ignored."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        if not value:
            return []
        if not isinstance(value, (list, tuple)):
            value = [value]
        ids = []
        for item in value:
            try:
                ids.append(int(item))
            except (TypeError, ValueError):
                continue
        return ids[:500]


class BulkActionForm(forms.Form):
    ACTIONS = [
        (BulkAction.ASSIGN_ME, _("Assign to me")),
        (BulkAction.ASSIGN, _("Assign")),
        (BulkAction.STATUS, _("Set status")),
        (BulkAction.TAG, _("Add tag")),
        (BulkAction.SPAM, _("Mark as spam")),
    ]

    ids = IdListField(required=False)
    action = forms.ChoiceField(choices=ACTIONS)
    assignee = MemberChoiceField(
        label=_("Assign to"), required=False, queryset=User.objects.none(), empty_label=_("Choose a person")
    )
    status = forms.ChoiceField(
        label=_("New status"), required=False, choices=[("", _("Choose a status")), *Status.choices]
    )
    tag = forms.CharField(label=_("Tag"), required=False, max_length=TAG_MAX_LENGTH)

    def __init__(self, *args, company, **kwargs):
        kwargs.setdefault("prefix", "bulk")
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = _members(company, worker_roles())
        self.fields["assignee"].widget.attrs["class"] = "form-select form-select-sm"
        self.fields["status"].widget.attrs["class"] = "form-select form-select-sm"
        self.fields["tag"].widget.attrs.update({"class": "form-control form-control-sm", "placeholder": _("tag")})

    def clean(self):
        data = super().clean()
        if not data.get("ids"):
            raise forms.ValidationError(_("Select at least one conversation."))
        action = data.get("action")
        if action == BulkAction.ASSIGN and not data.get("assignee"):
            self.add_error("assignee", _("Choose whom to assign the conversations to."))
        if action == BulkAction.STATUS and not data.get("status"):
            self.add_error("status", _("Choose the new status."))
        if action == BulkAction.TAG and not (data.get("tag") or "").strip():
            self.add_error("tag", _("Write the tag to add."))
        return data


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Message"),
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6, "class": "form-control"}),
        error_messages={"required": _("Write something first.")},
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented recipe)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"class": "form-control form-control-sm"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class ReplyForm(MessageForm):
    # The canned reply inserted in the text, if any: counted when the reply is sent.
    canned = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=_("Up to 5 files of 10 MB each: PDF, images, office documents, DXF or STEP drawings."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "reply")
        super().__init__(*args, **kwargs)
        self.fields["body"].label = _("Reply")
        self.fields["body"].widget.attrs.update({"rows": 8, "data-shortcut-target": "r"})

    def clean_attachments(self):
        files = self.cleaned_data.get("attachments") or []
        if len(files) > MAX_FILES:
            raise forms.ValidationError(_("Attach at most %(n)s files to one reply.") % {"n": MAX_FILES})
        problems = [problem for problem in map(attachment_problem, files) if problem]
        if problems:
            raise forms.ValidationError(problems)
        return files


class NoteForm(MessageForm):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "note")
        super().__init__(*args, **kwargs)
        self.fields["body"].label = _("Internal note")
        self.fields["body"].widget.attrs.update({"rows": 3})


class AssignForm(forms.Form):
    assignee = MemberChoiceField(
        label=_("Assignee"), required=False, queryset=User.objects.none(), empty_label=_("Nobody")
    )

    def __init__(self, *args, company, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = _members(company, worker_roles())
        self.fields["assignee"].widget.attrs["class"] = "form-select form-select-sm"


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].widget.attrs.update({"class": "form-select form-select-sm", "data-shortcut-target": "s"})


class PriorityForm(forms.Form):
    priority = forms.TypedChoiceField(label=_("Priority"), choices=Conversation.Priority.choices, coerce=int)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["priority"].widget.attrs["class"] = "form-select form-select-sm"


class TagAddForm(forms.Form):
    name = forms.CharField(label=_("Add a tag"), max_length=TAG_MAX_LENGTH)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs.update(
            {"class": "form-control form-control-sm", "list": "company-tags", "autocomplete": "off"}
        )

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Write the tag to add."))
        return name


class RouteForm(forms.Form):
    department = forms.ChoiceField(label=_("Department"), choices=Department.choices)
    colleague = MemberChoiceField(
        label=_("Colleague"),
        required=False,
        queryset=User.objects.none(),
        empty_label=_("The department only"),
        help_text=_("They receive an email and see only the conversations routed to them."),
    )
    note = forms.CharField(
        label=_("Note for the colleague"),
        required=False,
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, company, **kwargs):
        super().__init__(*args, **kwargs)
        self.company = company
        self.fields["colleague"].queryset = _members(company, [Role.COLLEAGUE])
        self.fields["department"].widget.attrs["class"] = "form-select form-select-sm"
        self.fields["colleague"].widget.attrs["class"] = "form-select form-select-sm"
        self.fields["note"].widget.attrs["class"] = "form-control form-control-sm"

    def clean(self):
        data = super().clean()
        colleague, department = data.get("colleague"), data.get("department")
        if colleague and department:
            in_department = colleague.memberships.filter(company=self.company, department=department).exists()
            if not in_department:
                self.add_error(
                    "colleague", _("%(name)s does not work in that department.") % {"name": colleague.display_name}
                )
        return data


class ContactKindForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = ["kind"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].widget.attrs["class"] = "form-select form-select-sm"


class CannedReplyForm(forms.ModelForm):
    class Meta:
        model = CannedReply
        fields = ["title", "language", "topic", "body", "why", "owner"]
        widgets = {"body": forms.Textarea(attrs={"rows": 10})}

    def __init__(self, *args, company, **kwargs):
        super().__init__(*args, **kwargs)
        limit_owner_to_company(self, company)


class RoutingRuleForm(forms.ModelForm):
    """Where conversations on a topic usually go: suggested on the route form, never applied by itself."""

    class Meta:
        model = RoutingRule
        fields = ["topic", "department", "colleague", "why", "owner", "is_active"]

    colleague = MemberChoiceField(
        label=_("Colleague"),
        required=False,
        queryset=User.objects.none(),
        empty_label=_("The department only"),
        error_messages={"invalid_choice": _("Choose a colleague of this company.")},
    )

    def __init__(self, *args, company, **kwargs):
        super().__init__(*args, **kwargs)
        self.company = company
        self.fields["colleague"].queryset = _members(company, [Role.COLLEAGUE])
        self.fields["topic"].help_text = _(
            "Written as on the conversations, e.g. “Preventivi”. Upper or lower case does not matter."
        )
        limit_owner_to_company(self, company)

    def clean_topic(self):
        topic = " ".join(self.cleaned_data["topic"].split())
        if not topic:
            raise forms.ValidationError(_("Write the topic this rule is for."))
        return topic

    def clean(self):
        data = super().clean()
        colleague, department = data.get("colleague"), data.get("department")
        works_there = colleague and colleague.memberships.filter(company=self.company, department=department).exists()
        if colleague and department and not works_there:
            self.add_error(
                "colleague", _("%(name)s does not work in that department.") % {"name": colleague.display_name}
            )
        topic = data.get("topic")
        if topic and data.get("is_active"):
            others = RoutingRule.objects.for_company(self.company).for_topic(topic)
            if self.instance.pk is not None:
                others = others.exclude(pk=self.instance.pk)
            if others.exists():
                self.add_error("topic", _("There is already an active rule for this topic."))
        return data


def erase_word() -> str:
    """The word to type to confirm an erasure, in the user's language."""
    return str(_("ERASE"))


class ContactEraseForm(forms.Form):
    """Erasing a person cannot be undone: the user types the word shown to confirm it."""

    confirm = forms.CharField(max_length=40, strip=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["confirm"].label = _("Type %(word)s to confirm") % {"word": erase_word()}
        self.fields["confirm"].widget.attrs.update(autocomplete="off", spellcheck="false")
        self.fields["confirm"].error_messages["required"] = _("Type the word shown to confirm the erasure.")

    def clean_confirm(self):
        typed = self.cleaned_data["confirm"]
        if typed.casefold() != erase_word().casefold():
            raise forms.ValidationError(
                _("Type exactly %(word)s to confirm: nothing was erased.") % {"word": erase_word()}
            )
        return typed
