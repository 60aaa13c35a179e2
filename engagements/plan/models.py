"""The engagement: the 6–8 month relationship between a consultant and a company."""

from datetime import date
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from engagements.models import Company, CompanyScopedQuerySet

MIN_MONTHS, MAX_MONTHS = 6, 8
RESTRUCTURING_MONTHS_DEFAULT, RESTRUCTURING_MONTHS_MIN, RESTRUCTURING_MONTHS_MAX = 24, 24, 36


def plan_length_problem(starts_on: date, planned_end_on: date) -> str | None:
    """Why a plan's length is outside 6–8 months, or None when it is within."""
    if planned_end_on <= starts_on:
        return str(_("The planned end must come after the start."))
    if planned_end_on < starts_on + relativedelta(months=MIN_MONTHS):
        return str(_("The plan is shorter than 6 months."))
    if planned_end_on > starts_on + relativedelta(months=MAX_MONTHS):
        return str(_("The plan is longer than 8 months."))
    return None


class EngagementQuerySet(CompanyScopedQuerySet):
    def current(self):
        """The engagement that is not closed yet (at most one per company)."""
        return self.exclude(status=Engagement.Status.CLOSED)

    def for_consultant(self, user):
        return self.filter(consultant=user, company__is_active=True)


class Engagement(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ACTIVE = "active", _("Active")
        HANDOVER = "handover", _("Handover")
        CLOSED = "closed", _("Closed: continuous in-house")

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="engagements")
    title = models.CharField(_("title"), max_length=160)
    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("consultant")
    )
    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("digital manager in training"),
    )
    starts_on = models.DateField(_("start"))
    planned_end_on = models.DateField(_("planned end"))
    length_reason = models.TextField(
        _("reason for a length outside 6–8 months"),
        blank=True,
        help_text=_("Needed only when the plan is shorter than 6 or longer than 8 months."),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PLANNED)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    restructuring_months = models.PositiveSmallIntegerField(
        _("next deep restructuring after (months)"),
        default=RESTRUCTURING_MONTHS_DEFAULT,
        validators=[MinValueValidator(RESTRUCTURING_MONTHS_MIN), MaxValueValidator(RESTRUCTURING_MONTHS_MAX)],
        help_text=_("Between 24 and 36 months after the close."),
    )
    checkin_every_months = models.PositiveSmallIntegerField(
        _("consultant check-ins after the close, every (months)"),
        default=0,
        validators=[MaxValueValidator(12)],
        help_text=_("0: no check-ins."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = EngagementQuerySet.as_manager()

    class Meta:
        verbose_name = _("engagement")
        verbose_name_plural = _("engagements")
        ordering = ["-starts_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["company"],
                condition=~models.Q(status="closed"),
                name="engagement_one_open_per_company",
            ),
            models.CheckConstraint(
                condition=models.Q(planned_end_on__gt=models.F("starts_on")), name="engagement_ends_after_start"
            ),
        ]

    def __str__(self):
        return f"{self.company} – {self.title}"

    def clean(self):
        if not (self.starts_on and self.planned_end_on):
            return
        if self.planned_end_on <= self.starts_on:
            raise ValidationError({"planned_end_on": _("The planned end must come after the start.")})
        problem = plan_length_problem(self.starts_on, self.planned_end_on)
        if problem and not self.length_reason.strip():
            raise ValidationError(
                {
                    "length_reason": _(
                        "%(problem)s An engagement lasts 6 to 8 months: change the dates, or write here the reason for this length."
                    )
                    % {"problem": problem}
                }
            )

    @property
    def length_months(self) -> Decimal:
        delta = relativedelta(self.planned_end_on, self.starts_on)
        return Decimal(delta.years * 12 + delta.months) + (Decimal(delta.days) / Decimal(30)).quantize(Decimal("0.1"))

    @property
    def total_months(self) -> int:
        delta = relativedelta(self.planned_end_on, self.starts_on)
        return delta.years * 12 + delta.months + (1 if delta.days else 0)

    def month_number(self, today: date | None = None) -> int:
        """Which month of the engagement `today` falls in (1-based; 0 before the start)."""
        today = today or timezone.localdate()
        if today < self.starts_on:
            return 0
        delta = relativedelta(today, self.starts_on)
        return delta.years * 12 + delta.months + 1

    def days_to_end(self, today: date | None = None) -> int:
        today = today or timezone.localdate()
        return (self.planned_end_on - today).days

    @property
    def next_restructuring_due(self) -> date:
        base = self.closed_on or self.planned_end_on
        return base + relativedelta(months=self.restructuring_months)

    @property
    def next_checkin_on(self) -> date | None:
        if self.status != self.Status.CLOSED or not self.checkin_every_months or not self.closed_on:
            return None
        today = timezone.localdate()
        due = self.closed_on + relativedelta(months=self.checkin_every_months)
        while due < today:
            due += relativedelta(months=self.checkin_every_months)
        return due

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED


class Objective(models.Model):
    """A target tied to sales that the engagement must reach."""

    class Kind(models.TextChoices):
        QUALIFIED_ENQUIRIES = "qualified_enquiries", _("Qualified enquiries a month")
        FIRST_RESPONSE = "first_response_hours", _("Median first response (business hours)")
        CONTENT_PUBLISHED = "content_published", _("Content published a month")
        LEADS_TO_SALES = "leads_to_sales", _("Enquiries passed to sales a month")
        NEWSLETTER_SUBSCRIBERS = "newsletter_subscribers", _("Newsletter subscribers")
        CUSTOM = "custom", _("Other")

    class Direction(models.TextChoices):
        AT_LEAST = "at_least", _("at least")
        AT_MOST = "at_most", _("at most")

    DEFAULT_DIRECTIONS = {Kind.FIRST_RESPONSE: Direction.AT_MOST}

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="objectives")
    kind = models.CharField(_("objective"), max_length=32, choices=Kind.choices)
    label = models.CharField(_("description"), max_length=160, blank=True)
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices, default=Direction.AT_LEAST)
    target_value = models.DecimalField(_("target"), max_digits=10, decimal_places=1, validators=[MinValueValidator(0)])
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        ordering = ["engagement", "order", "id"]

    def __str__(self):
        return self.display_label

    @property
    def display_label(self) -> str:
        return self.label or str(self.get_kind_display())


class PhaseQuerySet(models.QuerySet):
    def for_company(self, company):
        return self.filter(engagement__company=company)


class Phase(models.Model):
    class Kind(models.TextChoices):
        AUDIT = "audit", _("Audit")
        RESTRUCTURING = "restructuring", _("Restructuring of online communication")
        ACTIVATION = "activation", _("Channel activation and content")
        COACHING = "coaching", _("Coaching")
        HANDOVER = "handover", _("Handover")
        OTHER = "other", _("Other")

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="phases")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.OTHER)
    name = models.CharField(_("name"), max_length=120)
    order = models.PositiveSmallIntegerField(_("order"))
    planned_start = models.DateField(_("planned start"))
    planned_end = models.DateField(_("planned end"))
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    actual_end = models.DateField(_("actual end"), null=True, blank=True)

    objects = PhaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["engagement", "order"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(planned_end__gte=models.F("planned_start")), name="phase_ends_after_start"
            ),
        ]

    def __str__(self):
        return self.name

    def is_current(self, today: date) -> bool:
        if self.actual_start and not self.actual_end:
            return True
        return self.actual_end is None and self.planned_start <= today <= self.planned_end

    @property
    def duration_days(self) -> int:
        return (self.planned_end - self.planned_start).days + 1


class MilestoneQuerySet(models.QuerySet):
    def for_company(self, company):
        return self.filter(phase__engagement__company=company)

    def open(self):
        return self.filter(done_on__isnull=True)

    def overdue(self, today: date | None = None):
        return self.open().filter(due_on__lt=today or timezone.localdate())


class Milestone(models.Model):
    phase = models.ForeignKey(Phase, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("milestone"), max_length=160)
    due_on = models.DateField(_("due"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    evidence_note = models.TextField(_("evidence"), blank=True, help_text=_("What shows it is done."))
    evidence_url = models.URLField(_("evidence link"), blank=True)

    objects = MilestoneQuerySet.as_manager()

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["due_on", "id"]

    def __str__(self):
        return self.title

    def is_overdue(self, today: date | None = None) -> bool:
        return self.done_on is None and self.due_on < (today or timezone.localdate())
