"""What the periodic emails have sent, so that a rerun — or two workers at once — sends nothing twice.

Each email (or each line of a reminder) is claimed by inserting a `Dispatch` row first: the
unique constraint on (kind, recipient, key) lets only one run insert it. The key says what
"once" means for each kind: the company and the local day for the morning digest, the item and
the day for an overdue content item or milestone (a milestone waits a week between two), the ISO week
for the portfolio digest. A claim whose email failed is deleted so that the next run tries
again; a claim left pending by a worker that died is taken over after `STALE_CLAIM`.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from engagements.models import Company

STALE_CLAIM = timedelta(minutes=15)


class Dispatch(models.Model):
    class Kind(models.TextChoices):
        MORNING_DIGEST = "morning", _("Morning digest")
        CONTENT_OVERDUE = "content", _("Overdue content reminder")
        MILESTONE_OVERDUE = "milestone", _("Overdue milestone reminder")
        PORTFOLIO_DIGEST = "portfolio", _("Weekly portfolio digest")

    class Outcome(models.TextChoices):
        PENDING = "pending", _("Being sent")
        SENT = "sent", _("Sent")
        NOTHING = "nothing", _("Nothing to say")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    key = models.CharField(max_length=80)
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # Null for the portfolio digest, which spans the consultant's companies.
    company = models.ForeignKey(Company, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    outcome = models.CharField(_("outcome"), max_length=8, choices=Outcome.choices, default=Outcome.PENDING)
    claim_token = models.CharField(max_length=32)
    claimed_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("email sent by a periodic job")
        verbose_name_plural = _("emails sent by periodic jobs")
        ordering = ["-claimed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "recipient", "key"], name="dispatch_once_per_key"),
        ]
        indexes = [models.Index(fields=["outcome", "claimed_at"], name="dispatch_pending")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.key} → {self.recipient_id}"
