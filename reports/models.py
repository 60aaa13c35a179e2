"""The monthly result report: the figures of one month, frozen, with the consultant's notes."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _

from engagements.models import Company, CompanyScopedQuerySet
from reports.period import Month


def report_pdf_path(report, filename: str) -> str:
    # Under MEDIA_ROOT, which is never served directly: the download view checks company and role.
    return f"reports/{report.company_id}/{report.month:%Y-%m}.pdf"


class MonthlyReportQuerySet(CompanyScopedQuerySet):
    def archive(self):
        """Newest month first, without the (large) figures: the archive lists months only."""
        return self.defer("figures").order_by("-month")


class MonthlyReport(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SENT = "sent", _("Sent")

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="monthly_reports")
    month = models.DateField(_("month"), help_text=_("The first day of the month reported on."))
    figures = models.JSONField(_("figures"), default=dict, encoder=DjangoJSONEncoder)
    review_notes = models.TextField(_("review notes"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    generated_at = models.DateTimeField(_("generated"))
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    pdf = models.FileField(_("PDF"), upload_to=report_pdf_path, blank=True)

    objects = MonthlyReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("monthly report")
        verbose_name_plural = _("monthly reports")
        ordering = ["-month"]
        constraints = [
            models.UniqueConstraint(fields=["company", "month"], name="monthly_report_one_per_company_and_month"),
        ]

    def __str__(self):
        return f"{self.company} – {self.month:%Y-%m}"

    @property
    def period(self) -> Month:
        return Month(self.month)

    @property
    def is_sent(self) -> bool:
        return self.status == self.Status.SENT


class AuditBaselineQuerySet(CompanyScopedQuerySet):
    def latest_first(self):
        return self.order_by("-period_start", "-pk")


class AuditBaseline(models.Model):
    """The company as the audit found it, frozen once: the figures and the channel inventory.

    The figures are those of the audit period itself (`period_start`–`period_end`, the audit
    phase's dates; up to the freezing day when the consultant freezes before the planned end),
    in the shape `reports.registry.collect` answers. The dashboard compares a month with them
    as per-month averages when the audit lasted more than a month (see reports.baseline).
    Nothing changes a baseline once it is frozen: the next deep restructuring starts from it.
    """

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="audit_baselines")
    engagement = models.ForeignKey(
        "plan.Engagement", on_delete=models.CASCADE, related_name="audit_baselines", verbose_name=_("engagement")
    )
    frozen_at = models.DateTimeField(_("frozen"))
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    figures = models.JSONField(_("figures"), default=dict, encoder=DjangoJSONEncoder)
    inventory = models.JSONField(_("channel inventory"), default=dict, encoder=DjangoJSONEncoder)

    objects = AuditBaselineQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit baseline")
        verbose_name_plural = _("audit baselines")
        ordering = ["-period_start"]
        constraints = [
            models.UniqueConstraint(fields=["engagement"], name="audit_baseline_one_per_engagement"),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")), name="audit_baseline_ends_after_start"
            ),
        ]

    def __str__(self):
        return f"{self.company} – {self.period_start:%Y-%m-%d}/{self.period_end:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("An audit baseline is frozen: it is never changed.")
        super().save(*args, **kwargs)

    @property
    def days(self) -> int:
        return (self.period_end - self.period_start).days + 1


MAX_EXTRA_ADDRESSES = 10


class ReportSettings(models.Model):
    """Who receives a company's monthly report; without a row, its owners and consultants."""

    company = models.OneToOneField(Company, on_delete=models.CASCADE, related_name="report_settings")
    recipients = models.ManyToManyField(
        "engagements.Membership", blank=True, related_name="+", verbose_name=_("members who receive it")
    )
    extra_addresses = models.JSONField(_("other addresses"), default=list, blank=True)
    extra_language = models.CharField(
        _("language of the other addresses"), max_length=8, choices=settings.LANGUAGES, default="it"
    )
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    objects = CompanyScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("report settings")
        verbose_name_plural = _("report settings")

    def __str__(self):
        return str(self.company)
