"""Monthly reviews of an engagement: a snapshot of the month's figures, notes and actions."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Count, ExpressionWrapper, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from engagements.models import CompanyScopedQuerySet
from engagements.plan.models import Engagement


class ReviewQuerySet(CompanyScopedQuerySet):
    def for_company(self, company):
        return self.filter(engagement__company=company)

    def with_action_counts(self, today):
        """Open and overdue actions of each review, counted in the same query, newest first
        (a grouped query ignores Meta.ordering, so it is said again here)."""
        return self.annotate(
            open_actions=Count("actions", filter=Q(actions__done_on__isnull=True)),
            overdue_actions=Count("actions", filter=Q(actions__done_on__isnull=True, actions__due_on__lt=today)),
        ).order_by("-month", "-id")


class Review(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        COMPLETED = "completed", _("Completed")

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="reviews")
    month = models.DateField(_("month"), help_text=_("The first day of the month reviewed."))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    figures = models.JSONField(_("figures"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    notes = models.TextField(_("notes"), blank=True, help_text=_("How the month went: what worked, what did not."))
    decisions = models.TextField(_("decisions"), blank=True, help_text=_("What was decided for the coming month."))
    drafted_at = models.DateTimeField(_("drafted"), default=timezone.now)
    figures_taken_at = models.DateTimeField(_("figures taken"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("completed by"),
    )

    objects = ReviewQuerySet.as_manager()

    class Meta:
        verbose_name = _("monthly review")
        verbose_name_plural = _("monthly reviews")
        ordering = ["-month", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["engagement", "month"], name="review_one_per_engagement_and_month"),
        ]

    def __str__(self):
        return f"{self.engagement} – {self.month:%Y-%m}"

    @property
    def is_completed(self) -> bool:
        return self.status == self.Status.COMPLETED


class ReviewActionQuerySet(CompanyScopedQuerySet):
    def for_company(self, company):
        return self.filter(review__engagement__company=company)

    def open(self):
        return self.filter(done_on__isnull=True)

    def with_overdue(self, today):
        return self.annotate(
            is_overdue=ExpressionWrapper(Q(done_on__isnull=True, due_on__lt=today), output_field=models.BooleanField())
        )


class ReviewAction(models.Model):
    """Something decided at a review: who does it, by when, and when it was done."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="actions")
    description = models.CharField(_("action"), max_length=255)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assigned to"),
    )
    due_on = models.DateField(_("due"))
    done_on = models.DateField(_("done on"), null=True, blank=True)

    objects = ReviewActionQuerySet.as_manager()

    class Meta:
        verbose_name = _("review action")
        verbose_name_plural = _("review actions")
        ordering = ["due_on", "id"]

    def __str__(self):
        return self.description
