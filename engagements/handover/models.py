"""The handover: responsibilities moving from the consultant to the digital manager."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from engagements.models import CompanyScopedQuerySet
from engagements.plan.models import Engagement


class HandoverState(models.TextChoices):
    CONSULTANT = "consultant", _("Consultant")
    SHARED = "shared", _("Shared")
    TRAINEE = "trainee", _("Digital manager")


# The road a responsibility travels, one step at a time (forwards or back).
STATE_ORDER: list[str] = [HandoverState.CONSULTANT, HandoverState.SHARED, HandoverState.TRAINEE]


def next_state(state: str) -> str | None:
    index = STATE_ORDER.index(state)
    return STATE_ORDER[index + 1] if index + 1 < len(STATE_ORDER) else None


def previous_state(state: str) -> str | None:
    index = STATE_ORDER.index(state)
    return STATE_ORDER[index - 1] if index > 0 else None


class HandoverItemQuerySet(CompanyScopedQuerySet):
    def for_company(self, company):
        return self.filter(engagement__company=company)

    def with_history(self):
        """Each item with its moves (oldest first) and who confirmed them: two queries in all."""
        return self.prefetch_related(
            models.Prefetch(
                "moves", queryset=HandoverMove.objects.select_related("confirmed_by").order_by("moved_on", "id")
            )
        )


class HandoverItem(models.Model):
    """A responsibility (the inbox, the newsletter, the ad budget…) and who holds it now."""

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="handover_items")
    name = models.CharField(_("responsibility"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    state = models.CharField(
        _("held by"), max_length=12, choices=HandoverState.choices, default=HandoverState.CONSULTANT
    )
    competencies = models.JSONField(
        _("competencies needed"),
        default=list,
        blank=True,
        help_text=_("Codes of the training competencies this responsibility needs."),
    )
    budget_limit = models.DecimalField(
        _("budget limit (EUR)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("For a budget: how much the digital manager may spend on their own."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = HandoverItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("handover item")
        verbose_name_plural = _("handover items")
        ordering = ["engagement", "order", "id"]

    def __str__(self):
        return self.name

    @property
    def next_state(self) -> str | None:
        return next_state(self.state)

    @property
    def previous_state(self) -> str | None:
        return previous_state(self.state)

    @property
    def next_state_label(self) -> str:
        return HandoverState(self.next_state).label if self.next_state else ""

    @property
    def previous_state_label(self) -> str:
        return HandoverState(self.previous_state).label if self.previous_state else ""

    @property
    def last_move(self):
        """The latest move, from the prefetched history (see `with_history`)."""
        moves = list(self.moves.all())
        return moves[-1] if moves else None


class HandoverMoveQuerySet(CompanyScopedQuerySet):
    def for_company(self, company):
        return self.filter(item__engagement__company=company)


class HandoverMove(models.Model):
    """One dated step of a responsibility, confirmed by the consultant."""

    item = models.ForeignKey(HandoverItem, on_delete=models.CASCADE, related_name="moves")
    from_state = models.CharField(_("from"), max_length=12, choices=HandoverState.choices)
    to_state = models.CharField(_("to"), max_length=12, choices=HandoverState.choices)
    moved_on = models.DateField(_("moved on"), default=timezone.localdate)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    note = models.TextField(_("note"), blank=True)
    # Why the consultant handed the responsibility over although training did not show it ready yet.
    not_ready_reason = models.TextField(_("reason for handing over before ready"), blank=True)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    objects = HandoverMoveQuerySet.as_manager()

    class Meta:
        verbose_name = _("handover move")
        verbose_name_plural = _("handover moves")
        ordering = ["moved_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(from_state=models.F("to_state")), name="handover_move_changes_state"
            ),
        ]

    def __str__(self):
        return f"{self.item}: {self.from_state} → {self.to_state} ({self.moved_on})"

    @property
    def is_forward(self) -> bool:
        return STATE_ORDER.index(self.to_state) > STATE_ORDER.index(self.from_state)
