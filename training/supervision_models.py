"""Supervised mode: the categories of the trainee's work that still need the consultant's approval.

A category is the trainee's replies on one inbox topic (kind "reply", key = the topic, "" for
conversations without one) or their posts on one content channel (kind "post", key = the
channel id). A row exists once a category has a history (reviews, or a consultant's decision);
whether a category without a row is supervised comes from the handover board
(see `training.supervision`).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from engagements.models import Company, CompanyScopedQuerySet

DEFAULT_SUPERVISION_STREAK = 5


class TrainingSettings(models.Model):
    """Training choices the consultant makes once per company."""

    company = models.OneToOneField(Company, on_delete=models.CASCADE, related_name="training_settings")
    supervision_streak = models.PositiveSmallIntegerField(
        _("approvals in a row for autonomy"),
        default=DEFAULT_SUPERVISION_STREAK,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("After this many approvals in a row without changes, a category no longer needs approval."),
    )

    class Meta:
        verbose_name = _("training settings")
        verbose_name_plural = _("training settings")

    def __str__(self):
        return str(self.company)


class SupervisedCategoryQuerySet(CompanyScopedQuerySet):
    pass


class SupervisedCategory(models.Model):
    class Kind(models.TextChoices):
        REPLY = "reply", _("Replies")
        POST = "post", _("Posts")

    class State(models.TextChoices):
        SUPERVISED = "supervised", _("Supervised")
        AUTONOMOUS = "autonomous", _("Autonomous")

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="supervised_categories")
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    key = models.CharField(_("topic or channel"), max_length=80, blank=True)
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.SUPERVISED)
    # True when the consultant put the category under supervision by hand: it stays supervised
    # even once the handover board no longer asks for it, until it earns autonomy again.
    forced = models.BooleanField(_("put under supervision by the consultant"), default=False)
    streak = models.PositiveIntegerField(_("approvals in a row without changes"), default=0)
    approvals = models.PositiveIntegerField(_("approved without changes"), default=0)
    changes = models.PositiveIntegerField(_("edited or sent back"), default=0)
    autonomous_since = models.DateTimeField(_("autonomous since"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SupervisedCategoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("supervised category")
        verbose_name_plural = _("supervised categories")
        ordering = ["company", "kind", "key"]
        constraints = [
            models.UniqueConstraint(fields=["company", "kind", "key"], name="supervised_category_unique"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.key or '—'}"

    @property
    def reviews(self) -> int:
        return self.approvals + self.changes

    @property
    def approval_rate(self) -> float | None:
        """Share of reviews approved without changes, 0–1; None before the first review."""
        return self.approvals / self.reviews if self.reviews else None


class HeldReplyQuerySet(CompanyScopedQuerySet):
    def pending(self):
        return self.filter(status=HeldReply.Status.PENDING)


class HeldReply(models.Model):
    """A reply the trainee wrote in a supervised category, held until the consultant reviews it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting approval")
        APPROVED = "approved", _("Approved")
        EDITED = "edited", _("Approved with edits")
        RETURNED = "returned", _("Sent back")

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    conversation = models.ForeignKey("inbox.Conversation", on_delete=models.CASCADE, related_name="held_replies")
    # The topic when the reply was written: the category it counts for.
    topic = models.CharField(_("topic"), max_length=80, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    body_text = models.TextField(_("text written"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    sent_text = models.TextField(_("text sent"), blank=True)
    comment = models.TextField(_("consultant's comment"), blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    message = models.ForeignKey("inbox.Message", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    objects = HeldReplyQuerySet.as_manager()

    class Meta:
        verbose_name = _("reply awaiting approval")
        verbose_name_plural = _("replies awaiting approval")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["company", "status"])]

    def __str__(self):
        return f"{self.conversation_id} · {self.get_status_display()}"


class HeldPostQuerySet(CompanyScopedQuerySet):
    def pending(self):
        return self.filter(status=HeldPost.Status.PENDING)


class HeldPost(models.Model):
    """A post the trainee submitted on a supervised channel, until the consultant reviews it.

    The content item itself waits "in review" in the calendar; this row keeps the text as the
    trainee submitted it, so the consultant's edits can be shown back to them as feedback.
    """

    Status = HeldReply.Status

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    item = models.ForeignKey("contentdesk.ContentItem", on_delete=models.CASCADE, related_name="held_posts")
    # The channel when the post was submitted: the category it counts for.
    channel = models.ForeignKey("contentdesk.ContentChannel", on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title submitted"), max_length=200)
    body = models.TextField(_("text submitted"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    approved_title = models.CharField(_("title approved"), max_length=200, blank=True)
    approved_body = models.TextField(_("text approved"), blank=True)
    comment = models.TextField(_("consultant's comment"), blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    objects = HeldPostQuerySet.as_manager()

    class Meta:
        verbose_name = _("post awaiting approval")
        verbose_name_plural = _("posts awaiting approval")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["company", "status"])]
        constraints = [
            models.UniqueConstraint(
                fields=["item"], condition=models.Q(status="pending"), name="held_post_one_pending_per_item"
            ),
        ]

    def __str__(self):
        return f"{self.title} · {self.get_status_display()}"

    @property
    def edited(self) -> bool:
        return self.status == self.Status.EDITED
