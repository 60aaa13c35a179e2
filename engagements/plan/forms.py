from dateutil.relativedelta import relativedelta
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from engagements.models import Membership, User
from engagements.plan.models import Engagement, Milestone, Objective, Phase
from engagements.roles import Role

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class EngagementForm(forms.ModelForm):
    """Create or edit an engagement; a length outside 6–8 months needs a reason."""

    class Meta:
        model = Engagement
        fields = [
            "title",
            "trainee",
            "starts_on",
            "planned_end_on",
            "length_reason",
            "restructuring_months",
            "checkin_every_months",
        ]
        widgets = {
            "starts_on": DATE_WIDGET,
            "planned_end_on": DATE_WIDGET,
            "length_reason": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, company, **kwargs):
        super().__init__(*args, **kwargs)
        trainee_ids = Membership.objects.for_company(company).filter(role=Role.DIGITAL_MANAGER).values("user_id")
        self.fields["trainee"].queryset = User.objects.filter(pk__in=trainee_ids)
        self.fields["trainee"].label_from_instance = lambda user: user.display_name
        if not self.instance.pk:
            today = timezone.localdate()
            self.initial.setdefault("starts_on", today)
            self.initial.setdefault("planned_end_on", today + relativedelta(months=7))
            self.initial.setdefault("title", _("Digital marketing engagement %(year)s") % {"year": today.year})

    def cleaned_data_for_create(self) -> dict:
        fields = ["title", "trainee", "starts_on", "planned_end_on", "length_reason", "restructuring_months"]
        return {name: self.cleaned_data[name] for name in fields}


class ObjectiveForm(forms.ModelForm):
    class Meta:
        model = Objective
        fields = ["kind", "label", "direction", "target_value"]


ObjectiveFormSet = forms.inlineformset_factory(
    Engagement, Objective, form=ObjectiveForm, extra=1, can_delete=True, max_num=10, validate_max=True
)


class PhaseForm(forms.ModelForm):
    class Meta:
        model = Phase
        fields = ["name", "planned_start", "planned_end", "actual_start", "actual_end"]
        widgets = {
            "planned_start": DATE_WIDGET,
            "planned_end": DATE_WIDGET,
            "actual_start": DATE_WIDGET,
            "actual_end": DATE_WIDGET,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.update({"class": "form-control form-control-sm", "aria-label": field.label})


PhaseFormSet = forms.modelformset_factory(Phase, form=PhaseForm, extra=0)


class MilestoneForm(forms.ModelForm):
    evidence_url = forms.URLField(label=_("evidence link"), required=False, assume_scheme="https")

    class Meta:
        model = Milestone
        fields = ["phase", "title", "due_on", "done_on", "evidence_note", "evidence_url"]
        widgets = {"due_on": DATE_WIDGET, "done_on": DATE_WIDGET, "evidence_note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, engagement, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phase"].queryset = engagement.phases.all()
        self.fields["phase"].empty_label = None

    def clean_done_on(self):
        done_on = self.cleaned_data.get("done_on")
        if done_on and done_on > timezone.localdate():
            raise forms.ValidationError(_("A milestone cannot be done in the future."))
        return done_on


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=Engagement.Status.choices)
