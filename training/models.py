"""Training: competencies, the curriculum (a library, copied into each trainee's plan), the
practical assignments with their evidence, and the consultant's assessments.

The library and the plans share one set of tables: a `Module` without a plan belongs to the
library, loaded by `manage.py load_curriculum`; `plan_create` copies the library into a plan,
and from then on the copy is the engagement's own (the consultant edits it freely, reloading
the library never touches it). Curriculum text is stored in Italian and English side by side
(`title_it`, `title_en`…) and shown in the reader's language through `Localized`.

Competency codes are the ones `HandoverItem.competencies` lists (e.g. "inbox.reply"); readiness
for a handover item compares those codes with the signed-off `Assessment` levels.
"""

import secrets
from datetime import date
from pathlib import PurePosixPath

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from engagements.models import Company
from engagements.plan.models import Engagement

LANGUAGES = ("it", "en")


class Localized:
    """`obj.title` reads `title_<language>` for the active language, falling back to the other."""

    def __init__(self, field: str):
        self.field = field

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        language = (translation.get_language() or "it")[:2]
        order = (language, *(code for code in LANGUAGES if code != language))
        for code in order:
            value = getattr(obj, f"{self.field}_{code}", "")
            if value:
                return value
        return ""


class Area(models.TextChoices):
    COMPANY = "company", _("Company, products and suppliers")
    WRITING = "writing", _("Writing and languages")
    ENQUIRIES = "enquiries", _("Web enquiries")
    CONTENT = "content", _("Content and social media")
    EMAIL = "email", _("Newsletter and privacy")
    WEBSITE = "website", _("Website and search engines")
    RESULTS = "results", _("Analytics and budgets")
    ADS = "ads", _("Online advertising")


class Level(models.IntegerChoices):
    AWARE = 1, _("Aware")
    GUIDED = 2, _("With guidance")
    AUTONOMOUS = 3, _("Autonomous")
    TEACHES = 4, _("Can teach others")


LEVEL_MEANINGS = {
    Level.AWARE: _("Knows what it is and why it matters; cannot do it yet."),
    Level.GUIDED: _("Does it with the consultant beside them, or following a checklist."),
    Level.AUTONOMOUS: _("Does it alone, on time and well; asks only in unusual cases."),
    Level.TEACHES: _("Could explain it to a new colleague and check their work."),
}


class Competency(models.Model):
    """Something the digital manager must be able to do, assessed on four levels.

    `levels` says, where it helps, what each level means for this competency:
    {"1": {"it": "…", "en": "…"}, …}; a missing level falls back to `LEVEL_MEANINGS`.
    """

    code = models.CharField(_("code"), max_length=60, unique=True)
    area = models.CharField(_("area"), max_length=20, choices=Area.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name_it = models.CharField(_("name (Italian)"), max_length=160)
    name_en = models.CharField(_("name (English)"), max_length=160)
    description_it = models.TextField(_("description (Italian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    levels = models.JSONField(_("what each level means"), default=dict, blank=True)

    name = Localized("name")
    description = Localized("description")

    class Meta:
        verbose_name = _("competency")
        verbose_name_plural = _("competencies")
        ordering = ["order", "code"]

    def __str__(self):
        return f"{self.code} · {self.name}"

    def level_meaning(self, level: int) -> str:
        texts = (self.levels or {}).get(str(int(level))) or {}
        language = (translation.get_language() or "it")[:2]
        return texts.get(language) or texts.get("it") or str(LEVEL_MEANINGS[Level(level)])

    @property
    def level_meanings(self) -> list[tuple[int, str, str]]:
        return [(level.value, level.label, self.level_meaning(level)) for level in Level]


class TrainingPlanQuerySet(models.QuerySet):
    def for_company(self, company):
        return self.filter(company=company)


class TrainingPlan(models.Model):
    """One trainee's curriculum within one engagement: a copy of the library, with dates."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="training_plans")
    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="training_plans")
    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="training_plans", verbose_name=_("trainee")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = TrainingPlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("training plan")
        verbose_name_plural = _("training plans")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["engagement", "trainee"], name="training_plan_one_per_trainee"),
        ]

    def __str__(self):
        return f"{self.trainee} · {self.engagement}"


class ModuleQuerySet(models.QuerySet):
    def library(self):
        return self.filter(plan__isnull=True)

    def for_company(self, company):
        return self.filter(plan__company=company)

    def overdue(self, today: date):
        return self.exclude(status=Module.Status.DONE).filter(target_on__lt=today)


class Module(models.Model):
    class Status(models.TextChoices):
        NOT_STARTED = "not_started", pgettext_lazy("training module", "Not started")
        IN_PROGRESS = "in_progress", pgettext_lazy("training module", "In progress")
        DONE = "done", pgettext_lazy("training module", "Done")

    plan = models.ForeignKey(TrainingPlan, on_delete=models.CASCADE, null=True, blank=True, related_name="modules")
    # The library module a plan's copy came from (kept if the library later drops it: SET_NULL).
    source = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="copies")
    code = models.SlugField(_("code"), max_length=60)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title_it = models.CharField(_("title (Italian)"), max_length=160, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=160, blank=True)
    summary_it = models.TextField(_("summary (Italian)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    estimated_hours = models.PositiveSmallIntegerField(
        _("estimated hours"), default=4, validators=[MinValueValidator(1), MaxValueValidator(200)]
    )
    competencies = models.ManyToManyField(
        Competency, blank=True, related_name="modules", verbose_name=_("competencies covered")
    )
    target_on = models.DateField(_("target date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.NOT_STARTED)
    started_on = models.DateField(_("started on"), null=True, blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)

    title = Localized("title")
    summary = Localized("summary")

    objects = ModuleQuerySet.as_manager()

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")
        ordering = ["plan", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["code"], condition=Q(plan__isnull=True), name="module_library_code"),
            models.UniqueConstraint(fields=["plan", "code"], name="module_plan_code"),
        ]

    def __str__(self):
        return self.title

    def is_overdue(self, today: date) -> bool:
        return self.status != self.Status.DONE and self.target_on is not None and self.target_on < today


class LessonQuerySet(models.QuerySet):
    def for_company(self, company):
        return self.filter(module__plan__company=company)


class Lesson(models.Model):
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="lessons")
    # Stable key of a library lesson, so that reloading the curriculum updates it in place.
    key = models.SlugField(_("key"), max_length=60, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title_it = models.CharField(_("title (Italian)"), max_length=160, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=160, blank=True)
    body_it = models.TextField(_("text (Italian)"), blank=True, help_text=_("Markdown."))
    body_en = models.TextField(_("text (English)"), blank=True, help_text=_("Markdown."))

    title = Localized("title")
    body = Localized("body")

    objects = LessonQuerySet.as_manager()

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        ordering = ["module", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["module", "key"], condition=~Q(key=""), name="lesson_module_key"),
        ]

    def __str__(self):
        return self.title


class LessonRead(models.Model):
    """The trainee marked the lesson as read (once per lesson and person)."""

    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="reads")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["lesson", "user"], name="lesson_read_once")]

    def __str__(self):
        return f"{self.user_id} read {self.lesson_id}"


class Resource(models.Model):
    class Language(models.TextChoices):
        ANY = "", _("Any language")
        ITALIAN = "it", _("Italian")
        ENGLISH = "en", _("English")

    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="resources")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("address"), max_length=500)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices, blank=True)

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["module", "order", "id"]

    def __str__(self):
        return self.title


class AssignmentQuerySet(models.QuerySet):
    def for_company(self, company):
        return self.filter(module__plan__company=company)

    def open(self):
        return self.filter(status=Assignment.Status.OPEN)

    def overdue(self, today: date):
        return self.open().filter(due_on__lt=today)


class Assignment(models.Model):
    """A practical task of a module; done when the trainee has shown evidence of it.

    `rule` names an automatic evidence rule of `training.rules` (with `rule_params`): the
    figures are computed from the company's real inbox and content desk data.
    """

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("training assignment", "To do")
        DONE = "done", pgettext_lazy("training assignment", "Done")

    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="assignments")
    key = models.SlugField(_("key"), max_length=60, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title_it = models.CharField(_("title (Italian)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    instructions_it = models.TextField(_("instructions (Italian)"), blank=True, help_text=_("Markdown."))
    instructions_en = models.TextField(_("instructions (English)"), blank=True, help_text=_("Markdown."))
    due_on = models.DateField(_("due"), null=True, blank=True)
    rule = models.CharField(_("automatic evidence"), max_length=40, blank=True)
    rule_params = models.JSONField(_("parameters of the automatic evidence"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.OPEN)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    # The consultant's word when sending the task back (shown to the trainee until done again).
    feedback = models.TextField(_("consultant's feedback"), blank=True)

    title = Localized("title")
    instructions = Localized("instructions")

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["module", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["module", "key"], condition=~Q(key=""), name="assignment_module_key"),
        ]

    def __str__(self):
        return self.title

    def is_overdue(self, today: date) -> bool:
        return self.status == self.Status.OPEN and self.due_on is not None and self.due_on < today


def evidence_path(instance, filename: str) -> str:
    # Under MEDIA_ROOT, outside the web root; served only by the evidence view, as a download.
    name = PurePosixPath(filename).name[-100:] or "file"
    return f"training/{instance.company_id}/{timezone.now():%Y/%m}/{secrets.token_hex(8)}-{name}"


class EvidenceQuerySet(models.QuerySet):
    def for_company(self, company):
        return self.filter(company=company)


class Evidence(models.Model):
    class Kind(models.TextChoices):
        LINK = "link", _("Link")
        FILE = "file", _("File")
        NOTE = "note", _("Note")
        CONTENT = "content", _("Published content")
        CONVERSATION = "conversation", _("Answered enquiry")
        RULE = "rule", _("Automatic evidence")

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    url = models.URLField(_("link"), max_length=500, blank=True)
    note = models.TextField(_("note"), blank=True)
    file = models.FileField(upload_to=evidence_path, max_length=300, blank=True)
    filename = models.CharField(max_length=200, blank=True)
    content_type = models.CharField(max_length=120, blank=True)
    size = models.PositiveIntegerField(null=True, blank=True)
    content_item = models.ForeignKey(
        "contentdesk.ContentItem", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    conversation = models.ForeignKey(
        "inbox.Conversation", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # For an automatic evidence: the rule's figures on the day it was recorded, frozen.
    figures = models.JSONField(default=dict, blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "content_item"],
                condition=Q(content_item__isnull=False),
                name="evidence_content_once",
            ),
            models.UniqueConstraint(
                fields=["assignment", "conversation"],
                condition=Q(conversation__isnull=False),
                name="evidence_conversation_once",
            ),
            models.UniqueConstraint(fields=["assignment"], condition=Q(kind="rule"), name="evidence_rule_once"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.assignment}"


class AssessmentQuerySet(models.QuerySet):
    def for_company(self, company):
        return self.filter(plan__company=company)


class Assessment(models.Model):
    """The consultant's rating of one competency of the trainee (part 2 builds its pages).

    Every rating is a new row, so the history is the list of rows; the current level of a
    competency is the latest signed-off row of the plan. The trainee never assesses
    themselves: `assessed_by` must not be `plan.trainee` (checked by the service that records
    assessments, since a constraint cannot reach the plan's trainee).
    """

    plan = models.ForeignKey(TrainingPlan, on_delete=models.CASCADE, related_name="assessments")
    competency = models.ForeignKey(Competency, on_delete=models.PROTECT, related_name="assessments")
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)
    comment = models.TextField(_("comment"), blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("assessed by")
    )
    created_at = models.DateTimeField(_("assessed at"), default=timezone.now)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signed off by"),
    )
    signed_off_at = models.DateTimeField(_("signed off at"), null=True, blank=True)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["plan", "competency", "created_at", "id"]
        indexes = [models.Index(fields=["plan", "competency", "-created_at"], name="assessment_latest")]
        constraints = [
            models.CheckConstraint(condition=Q(level__gte=1, level__lte=4), name="assessment_level_1_to_4"),
            models.CheckConstraint(
                condition=Q(signed_off_at__isnull=True) | Q(signed_off_by__isnull=False),
                name="assessment_signed_off_by_someone",
            ),
        ]

    def __str__(self):
        return f"{self.competency.code}: {self.level}"


class CompetencyRequirementQuerySet(models.QuerySet):
    def for_company(self, company):
        return self.filter(plan__company=company)


# The level a handover responsibility needs of each of its competencies, unless the consultant
# sets another in `CompetencyRequirement`.
DEFAULT_REQUIRED_LEVEL = Level.AUTONOMOUS


class CompetencyRequirement(models.Model):
    """The level the trainee must reach in a competency before its work is handed over.

    Keyed by competency code (the codes `HandoverItem.competencies` lists); a code with no row
    requires `DEFAULT_REQUIRED_LEVEL`.
    """

    plan = models.ForeignKey(TrainingPlan, on_delete=models.CASCADE, related_name="requirements")
    code = models.CharField(_("competency code"), max_length=60)
    level = models.PositiveSmallIntegerField(_("required level"), choices=Level.choices)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(default=timezone.now)

    objects = CompetencyRequirementQuerySet.as_manager()

    class Meta:
        verbose_name = _("required level")
        verbose_name_plural = _("required levels")
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="requirement_one_per_code"),
            models.CheckConstraint(condition=Q(level__gte=1, level__lte=4), name="requirement_level_1_to_4"),
        ]

    def __str__(self):
        return f"{self.code} ≥ {self.level}"


class LogEntryQuerySet(models.QuerySet):
    def for_company(self, company):
        return self.filter(plan__company=company)


class LogEntry(models.Model):
    """The trainee's learning log: what they did and learned on a day; the consultant may answer."""

    plan = models.ForeignKey(TrainingPlan, on_delete=models.CASCADE, related_name="log_entries")
    written_on = models.DateField(_("date"))
    text = models.TextField(_("what you did and learned"), max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)
    comment = models.TextField(_("consultant's comment"), max_length=2000, blank=True)
    commented_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    commented_at = models.DateTimeField(null=True, blank=True)

    objects = LogEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("learning log entry")
        verbose_name_plural = _("learning log")
        ordering = ["-written_on", "-id"]

    def __str__(self):
        return f"{self.written_on}: {self.text[:40]}"


# Supervised mode lives in its own module; imported here so Django registers its models.
from training.supervision_models import HeldPost, HeldReply, SupervisedCategory, TrainingSettings  # noqa: E402, F401
