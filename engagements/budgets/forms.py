import re
from datetime import date
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from engagements.budgets.models import BudgetLine, BudgetRule, Channel
from engagements.budgets.services import money
from engagements.manual.forms import limit_owner_to_company

MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")
EARLIEST_YEAR = 2000
MAX_AMOUNT = Decimal("99999999.99")


def company_today(company) -> date:
    return timezone.localdate(timezone=company.tzinfo)


def parse_month(value: str | None) -> date | None:
    """`2026-11` → 1 November 2026; anything else (or a year out of range) → None."""
    match = MONTH_PATTERN.match((value or "").strip())
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if not (EARLIEST_YEAR <= year <= 2100 and 1 <= month <= 12):
        return None
    return date(year, month, 1)


def month_param(month: date) -> str:
    return f"{month:%Y-%m}"


def _amount_field(**kwargs) -> forms.DecimalField:
    # A text box, not type="number": Italian users type a decimal comma ("120,50").
    return forms.DecimalField(
        max_digits=10,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        **kwargs,
    )


class SpendForm(forms.Form):
    spent_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    channel = forms.ChoiceField(label=_("Channel"), choices=[("", "—"), *Channel.choices])
    amount = _amount_field(
        label=_("Amount (EUR)"),
        min_value=Decimal("0.01"),
        max_value=MAX_AMOUNT,
        error_messages={"min_value": _("The amount must be more than zero.")},
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=200,
        help_text=_("What it is for, e.g. “Google Ads campaign – ball valves”."),
    )

    def __init__(self, *args, company, **kwargs):
        super().__init__(*args, **kwargs)
        self.company = company
        self.fields["spent_on"].initial = company_today(company)
        self.fields["spent_on"].widget.attrs["max"] = company_today(company).isoformat()

    def clean_spent_on(self):
        spent_on = self.cleaned_data["spent_on"]
        if spent_on > company_today(self.company):
            raise forms.ValidationError(_("Record a spend once it is made: the date cannot be in the future."))
        if spent_on.year < EARLIEST_YEAR:
            raise forms.ValidationError(_("Check the year of this date."))
        return spent_on


class DecisionForm(forms.Form):
    comment = forms.CharField(label=_("Comment"), max_length=500, required=False)


class RejectForm(DecisionForm):
    def clean_comment(self):
        comment = self.cleaned_data["comment"].strip()
        if not comment:
            raise forms.ValidationError(_("Say why you reject this spend: the digital manager reads your comment."))
        return comment


class BudgetLinesForm(forms.Form):
    """One planned amount (and an optional note) per channel for one month."""

    def __init__(self, *args, month: date, lines: list[BudgetLine], previous: dict[str, Decimal], **kwargs):
        super().__init__(*args, **kwargs)
        self.month = month
        by_channel = {line.channel: line for line in lines}
        self.rows = []
        for channel in Channel:
            line = by_channel.get(channel.value)
            amount = _amount_field(
                label=channel.label,
                min_value=Decimal("0"),
                max_value=MAX_AMOUNT,
                initial=line.planned_amount if line else Decimal("0.00"),
                error_messages={"min_value": _("The planned amount cannot be negative.")},
            )
            if channel.value in previous:
                amount.help_text = _("Previous month: %(amount)s") % {"amount": money(previous[channel.value])}
            note = forms.CharField(label=_("Note"), max_length=200, required=False, initial=line.note if line else "")
            self.fields[f"{channel.value}-amount"] = amount
            self.fields[f"{channel.value}-note"] = note
            self.rows.append((channel, self[f"{channel.value}-amount"], self[f"{channel.value}-note"]))

    def changed_lines(self) -> list[dict]:
        """The channels whose amount or note changed, as arguments for `budget_line_set`."""
        changed = set(self.changed_data)
        return [
            {
                "channel": channel.value,
                "planned_amount": self.cleaned_data[f"{channel.value}-amount"],
                "note": self.cleaned_data[f"{channel.value}-note"],
            }
            for channel in Channel
            if {f"{channel.value}-amount", f"{channel.value}-note"} & changed
        ]


class BudgetRuleForm(forms.ModelForm):
    """A rule of thumb for one channel, with an optional monthly cap that warns without blocking."""

    class Meta:
        model = BudgetRule
        fields = ["channel", "monthly_cap", "rule", "why", "owner"]
        widgets = {"rule": forms.Textarea(attrs={"rows": 3})}

    monthly_cap = _amount_field(
        label=_("Monthly cap (EUR)"),
        required=False,
        min_value=Decimal("0"),
        max_value=MAX_AMOUNT,
        help_text=_("Empty for no cap. A spend above it is still recorded, with a warning."),
        error_messages={"min_value": _("The cap cannot be negative.")},
    )

    def __init__(self, *args, company, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["channel"].choices = [("", "—"), *Channel.choices]
        limit_owner_to_company(self, company)

    def clean_rule(self):
        rule = self.cleaned_data["rule"].strip()
        if not rule:
            raise forms.ValidationError(_("Write the rule in words."))
        return rule
