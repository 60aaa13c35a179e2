"""The monthly result report: the figures of one month, frozen, with the consultant's notes."""

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
