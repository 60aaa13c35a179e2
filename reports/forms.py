from django import forms
from django.utils.translation import gettext_lazy as _

from reports.models import MonthlyReport


class ReviewNotesForm(forms.ModelForm):
    class Meta:
        model = MonthlyReport
        fields = ["review_notes"]
        widgets = {"review_notes": forms.Textarea(attrs={"rows": 8})}
        help_texts = {
            "review_notes": _("What the consultant says about the month; it goes into the PDF and the email.")
        }
        labels = {"review_notes": _("Review notes")}
