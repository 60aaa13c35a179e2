import re

from django import forms
from django.utils.translation import gettext_lazy as _

from engagements.handover.models import HandoverItem, HandoverState

COMPETENCY_CODE = re.compile(r"^[\w.\-]{1,60}$")
MAX_COMPETENCIES = 20


class HandoverItemForm(forms.ModelForm):
    competencies = forms.CharField(
        label=_("Competencies needed"),
        required=False,
        max_length=1000,
        help_text=_(
            "Codes of the training competencies, separated by commas (for example inbox.reply, ads.campaigns): "
            "readiness for the handover compares them with the signed-off levels."
        ),
    )
    # Localized: accepts "150,50" as Italians write it (and "150.50").
    budget_limit = forms.DecimalField(
        label=_("Budget limit (EUR)"),
        required=False,
        min_value=0,
        max_digits=10,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        help_text=_("For a budget: how much the digital manager may spend on their own."),
    )

    class Meta:
        model = HandoverItem
        fields = ["name", "description", "budget_limit"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["competencies"] = ", ".join(self.instance.competencies or [])

    def clean_competencies(self) -> list[str]:
        codes = []
        for raw in self.cleaned_data["competencies"].replace(";", ",").split(","):
            code = raw.strip().lower()
            if not code:
                continue
            if not COMPETENCY_CODE.match(code):
                raise forms.ValidationError(
                    _("“%(code)s” is not a competency code: use letters, digits, dots and dashes, without spaces."),
                    params={"code": code[:60]},
                )
            if code not in codes:
                codes.append(code)
        if len(codes) > MAX_COMPETENCIES:
            raise forms.ValidationError(
                _("At most %(max)s competencies per responsibility."), params={"max": MAX_COMPETENCIES}
            )
        return codes


class HandoverMoveForm(forms.Form):
    to_state = forms.ChoiceField(choices=HandoverState.choices, widget=forms.HiddenInput)
    moved_on = forms.DateField(
        label=_("Date of the move"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The day the responsibility changed hands; not in the future."),
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional: how it went, what is still to watch."),
    )
    not_ready_reason = forms.CharField(
        label=_("Why hand it over now"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Training does not show the digital manager ready for this yet: your reason stays in the history."),
        error_messages={"required": _("Write why you hand it over before training shows them ready.")},
    )

    def __init__(self, *args, item: HandoverItem, today, needs_reason: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.item = item
        self.today = today
        # Asked only when the move hands an item over before training shows it ready.
        if needs_reason:
            self.fields["not_ready_reason"].required = True
        else:
            del self.fields["not_ready_reason"]
        self.fields["moved_on"].initial = today
        self.fields["moved_on"].widget.attrs["max"] = today.isoformat()

    def clean_moved_on(self):
        moved_on = self.cleaned_data["moved_on"]
        if moved_on > self.today:
            raise forms.ValidationError(_("The date of a move cannot be in the future."))
        return moved_on
