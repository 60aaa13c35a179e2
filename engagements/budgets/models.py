"""Small marketing budgets: a planned amount per month and channel, and the spends against it.

A spend up to the company's `spend_approval_threshold` is the digital manager's own decision
and is approved when recorded; above it, the spend waits for the owner.
"""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from engagements.models import Company, CompanyScopedQuerySet

ZERO = Decimal("0.00")


def first_of_month(day: date) -> date:
    return day.replace(day=1)


class Channel(models.TextChoices):
    GOOGLE_ADS = "google_ads", _("Google Ads")
    META_ADS = "meta_ads", _("Meta ads (Facebook/Instagram)")
    LINKEDIN_ADS = "linkedin_ads", _("LinkedIn ads")
    OTHER = "other", _("Other")


class BudgetLineQuerySet(CompanyScopedQuerySet):
    def for_month(self, month: date):
        return self.filter(month=first_of_month(month))

    def between_months(self, first: date, last: date):
        return self.filter(month__gte=first_of_month(first), month__lte=first_of_month(last))

    def planned_by_channel(self):
        """{channel: planned amount}: one row per channel, summed in SQL."""
        return self.order_by().values("channel").annotate(planned=Sum("planned_amount"))

    def planned_by_month(self):
        return self.order_by().values("month").annotate(planned=Sum("planned_amount"))


class BudgetLine(models.Model):
    """What the company plans to spend on one channel in one month."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="budget_lines")
    month = models.DateField(_("month"), help_text=_("Always the first day of the month."))
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    planned_amount = models.DecimalField(
        _("planned (EUR)"), max_digits=10, decimal_places=2, validators=[MinValueValidator(ZERO)]
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    objects = BudgetLineQuerySet.as_manager()

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["company", "-month", "channel"]
        constraints = [
            models.UniqueConstraint(fields=["company", "month", "channel"], name="budget_line_one_per_month_channel"),
            models.CheckConstraint(condition=Q(planned_amount__gte=0), name="budget_line_planned_not_negative"),
            models.CheckConstraint(condition=Q(month__day=1), name="budget_line_month_is_first_day"),
        ]

    def __str__(self):
        return f"{self.company} {self.month:%Y-%m} {self.get_channel_display()}: € {self.planned_amount}"

    def save(self, *args, **kwargs):
        if self.month:
            self.month = first_of_month(self.month)
        super().save(*args, **kwargs)


class SpendQuerySet(CompanyScopedQuerySet):
    def in_month(self, month: date):
        month = first_of_month(month)
        return self.filter(spent_on__year=month.year, spent_on__month=month.month)

    def between(self, start: date, end: date):
        return self.filter(spent_on__gte=start, spent_on__lte=end)

    def approved(self):
        return self.filter(status=Spend.Status.APPROVED)

    def pending(self):
        return self.filter(status=Spend.Status.PENDING)

    def with_people(self):
        return self.select_related("recorded_by", "decided_by")

    def newest_first(self):
        return self.order_by("-spent_on", "-recorded_at", "-pk")

    @staticmethod
    def _sums():
        return {
            "spent": Sum("amount", filter=Q(status=Spend.Status.APPROVED)),
            "pending": Sum("amount", filter=Q(status=Spend.Status.PENDING)),
            "pending_count": Count("pk", filter=Q(status=Spend.Status.PENDING)),
        }

    def totals(self) -> dict:
        """{"spent": approved sum, "pending": pending sum, "pending_count"}; sums are None when empty."""
        return self.order_by().aggregate(**self._sums())

    def totals_by_channel(self):
        return self.order_by().values("channel").annotate(**self._sums())

    def totals_by_month(self):
        return self.order_by().values(month=TruncMonth("spent_on")).annotate(**self._sums())


class Spend(models.Model):
    """Money spent on a channel, recorded by the digital manager (or the consultant)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="spends")
    spent_on = models.DateField(_("date"))
    amount = models.DecimalField(_("amount (EUR)"), max_digits=10, decimal_places=2)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    note = models.CharField(_("note"), max_length=200)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recording time"), default=timezone.now)
    # Frozen when recorded: a later change of the threshold does not rewrite history.
    needed_approval = models.BooleanField(_("needed the owner's approval"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decision time"), null=True, blank=True)
    decision_comment = models.CharField(_("comment"), max_length=500, blank=True)

    objects = SpendQuerySet.as_manager()

    class Meta:
        verbose_name = _("spend")
        verbose_name_plural = _("spends")
        ordering = ["-spent_on", "-recorded_at"]
        indexes = [models.Index(fields=["company", "spent_on"], name="spend_company_date")]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="spend_amount_positive"),
        ]

    def __str__(self):
        return f"{self.spent_on:%Y-%m-%d} {self.get_channel_display()} € {self.amount}"

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    @property
    def auto_approved(self) -> bool:
        """Approved on recording because it was within the threshold."""
        return self.status == self.Status.APPROVED and not self.needed_approval


class BudgetRule(models.Model):
    """A rule of thumb for spending on one channel, with an optional monthly cap.

    The cap does not block anything: a spend that would exceed it shows a warning.
    """

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="budget_rules")
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    monthly_cap = models.DecimalField(
        _("monthly cap (EUR)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(ZERO)],
        help_text=_("Empty for no cap. Spends above it are allowed, with a warning."),
    )
    rule = models.TextField(_("rule"), help_text=_("The rule in words, e.g. when to spend and on what."))
    why = models.CharField(
        pgettext_lazy("rule", "why"), max_length=300, blank=True, help_text=_("In one sentence: why this rule exists.")
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=pgettext_lazy("rule", "owner"),
        help_text=_("Who keeps it up to date."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CompanyScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("budget rule")
        verbose_name_plural = _("budget rules")
        ordering = ["company", "channel", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(monthly_cap__isnull=True) | Q(monthly_cap__gte=0),
                name="budget_rule_cap_not_negative",
            ),
        ]

    def __str__(self):
        return f"{self.get_channel_display()}: {self.rule[:60]}"
