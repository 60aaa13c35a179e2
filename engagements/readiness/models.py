"""The digital readiness check of the audit, repeated at each re-audit (every 2–3 years).

The questions live in code (`questionnaire.py`); a check stores one answer per question key.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from engagements.models import Company, CompanyScopedQuerySet
from engagements.readiness.questionnaire import MAX_SCORE


class ReadinessCheckQuerySet(CompanyScopedQuerySet):
    def newest_first(self):
        return self.order_by("-taken_on", "-pk")


class ReadinessCheck(models.Model):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="readiness_checks")
    taken_on = models.DateField(_("date"))
    label = models.CharField(_("label"), max_length=120, help_text=_("For example “Initial audit” or “Re-audit 2028”."))
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ReadinessCheckQuerySet.as_manager()

    class Meta:
        verbose_name = _("readiness check")
        verbose_name_plural = _("readiness checks")
        ordering = ["company", "-taken_on", "-pk"]
        indexes = [models.Index(fields=["company", "-taken_on"])]

    def __str__(self):
        return self.label

    def get_absolute_url(self):
        return reverse("readiness_detail", kwargs={"company_slug": self.company.slug, "check_id": self.pk})


class ReadinessAnswerQuerySet(models.QuerySet):
    def for_company(self, company):
        return self.filter(readiness_check__company=company)


class ReadinessAnswer(models.Model):
    # Not named `check`: that would hide Model.check(), Django's system-check hook.
    readiness_check = models.ForeignKey(
        ReadinessCheck, on_delete=models.CASCADE, related_name="answers", verbose_name=_("readiness check")
    )
    question_key = models.CharField(_("question"), max_length=80)
    score = models.PositiveSmallIntegerField(_("score"), validators=[MaxValueValidator(MAX_SCORE)])
    note = models.CharField(_("note"), max_length=500, blank=True)

    objects = ReadinessAnswerQuerySet.as_manager()

    class Meta:
        verbose_name = _("readiness answer")
        verbose_name_plural = _("readiness answers")
        ordering = ["readiness_check", "question_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["readiness_check", "question_key"], name="readiness_answer_one_per_question"
            ),
            models.CheckConstraint(condition=models.Q(score__lte=MAX_SCORE), name="readiness_answer_score_0_to_3"),
        ]

    def __str__(self):
        return f"{self.question_key}: {self.score}"
