from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from engagements.readiness.models import ReadinessCheck
from engagements.readiness.questionnaire import AREAS, QUESTIONS


def score_field_name(key: str) -> str:
    return "score__" + key.replace(".", "__")


def note_field_name(key: str) -> str:
    return "note__" + key.replace(".", "__")


def question_anchor(key: str) -> str:
    return "q-" + key.replace(".", "-").replace("_", "-")


class ReadinessCheckForm(forms.Form):
    """The questionnaire: every question needs an answer; notes are optional."""

    taken_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    label = forms.CharField(
        label=_("Label"), max_length=120, help_text=_("For example “Initial audit” or “Re-audit 2028”.")
    )
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, check: ReadinessCheck | None = None, **kwargs):
        initial = kwargs.pop("initial", {}) or {}
        if check is not None:
            initial.update(taken_on=check.taken_on, label=check.label, notes=check.notes)
            for answer in check.answers.all():
                if answer.question_key in QUESTIONS:
                    initial[score_field_name(answer.question_key)] = answer.score
                    initial[note_field_name(answer.question_key)] = answer.note
        super().__init__(*args, initial=initial, **kwargs)
        for question in QUESTIONS.values():
            self.fields[score_field_name(question.key)] = forms.TypedChoiceField(
                label=question.text,
                choices=question.choices,
                coerce=int,
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
                error_messages={
                    "required": _("Choose an answer."),
                    "invalid_choice": _("Choose one of the answers shown."),
                },
            )
            self.fields[note_field_name(question.key)] = forms.CharField(
                label=_("Note"),
                required=False,
                max_length=500,
                widget=forms.TextInput(
                    attrs={"class": "form-control form-control-sm", "placeholder": _("Note (optional)")}
                ),
            )

    def areas(self) -> list[dict]:
        """The questions grouped by area, with their bound fields, for the template."""
        groups = []
        for area in AREAS:
            questions = [
                {
                    "question": question,
                    "anchor": question_anchor(question.key),
                    "score": self[score_field_name(question.key)],
                    "note": self[note_field_name(question.key)],
                }
                for question in area.questions
            ]
            with_errors = [q for q in questions if q["score"].errors or q["note"].errors]
            groups.append(
                {
                    "area": area,
                    "questions": questions,
                    "missing": sum(1 for q in questions if q["score"].errors),
                    "first_error_anchor": with_errors[0]["anchor"] if with_errors else None,
                }
            )
        return groups

    def areas_with_errors(self) -> list[dict]:
        return [group for group in self.areas() if group["first_error_anchor"]]

    def answers(self) -> dict[str, tuple[int, str]]:
        data = self.cleaned_data
        return {key: (data[score_field_name(key)], data[note_field_name(key)]) for key in QUESTIONS}

    def check_data(self) -> dict:
        data = self.cleaned_data
        return {"taken_on": data["taken_on"], "label": data["label"], "notes": data["notes"], "answers": self.answers()}


class CompareForm(forms.Form):
    """?a=<id>&b=<id>: which two checks to put side by side (choices: this company's checks)."""

    a = forms.TypedChoiceField(label=_("Compare"), coerce=int)
    b = forms.TypedChoiceField(label=_("with"), coerce=int)

    def __init__(self, *args, checks, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [
            (check.pk, f"{check.label} ({formats.date_format(check.taken_on, 'SHORT_DATE_FORMAT')})")
            for check in checks
        ]
        for name in ("a", "b"):
            self.fields[name].choices = choices
            self.fields[name].widget.attrs["class"] = "form-select form-select-sm w-auto mw-100"

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("a") is not None and cleaned.get("a") == cleaned.get("b"):
            raise forms.ValidationError(_("Choose two different checks."))
        return cleaned
