from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from engagements.reviews.models import Review, ReviewAction

DATE_WIDGET_ATTRS = {"type": "date", "class": "form-control form-control-sm"}


class ReviewForm(forms.ModelForm):
    class Meta:
        model = Review
        fields = ["notes", "decisions"]
        widgets = {
            "notes": forms.Textarea(attrs={"rows": 5}),
            "decisions": forms.Textarea(attrs={"rows": 4}),
        }


class ReviewActionForm(forms.ModelForm):
    """One row of the actions table. The owner is chosen among the company's members, whose
    list is read once for the whole table (see `members`), not once per row."""

    owner = forms.TypedChoiceField(
        label=_("Assigned to"),
        required=False,
        coerce=int,
        empty_value=None,
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )

    class Meta:
        model = ReviewAction
        fields = ["description", "owner", "due_on", "done_on"]
        widgets = {
            "description": forms.TextInput(attrs={"class": "form-control form-control-sm"}),
            "due_on": forms.DateInput(attrs=DATE_WIDGET_ATTRS, format="%Y-%m-%d"),
            "done_on": forms.DateInput(attrs=DATE_WIDGET_ATTRS, format="%Y-%m-%d"),
        }

    def __init__(self, *args, members: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = members
        self.fields["owner"].choices = [("", "—"), *[(pk, user.display_name) for pk, user in members.items()]]
        for field in self.fields.values():
            field.widget.attrs["aria-label"] = field.label

    def clean_owner(self):
        pk = self.cleaned_data.get("owner")
        return self.members[pk] if pk else None


class BaseReviewActionFormSet(forms.BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].widget.attrs.update({"class": "form-check-input", "aria-label": _("Remove")})


ReviewActionFormSet = inlineformset_factory(
    Review,
    ReviewAction,
    form=ReviewActionForm,
    formset=BaseReviewActionFormSet,
    fields=["description", "owner", "due_on", "done_on"],
    extra=2,
    can_delete=True,
)
