"""The activity log of a company: who did what and when, append-only.

Rows are written by `activity.log.record` from the services that change things, never by a
view. The model refuses updates and deletes (the queryset too): nothing in the application
can edit or remove an entry. Deleting the whole company still removes its log (the database
cascade does not go through these methods).

Entries name people who are members (the actor) but never a contact's personal details: a
target is labelled by its kind and number, so that a GDPR erasure leaves nothing to find here.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from engagements.models import Company


class ActivityLogIsAppendOnly(Exception):
    """Raised on any attempt to change or delete an activity entry."""


class ActivityQuerySet(models.QuerySet):
    def for_company(self, company):
        return self.filter(company=company)

    def update(self, **kwargs):
        raise ActivityLogIsAppendOnly("The activity log cannot be edited.")

    def delete(self):
        raise ActivityLogIsAppendOnly("The activity log cannot be deleted.")

    update.queryset_only = True
    delete.queryset_only = True


class Activity(models.Model):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="activities")
    # The actor may leave the company (or be deleted): their name at the time stays.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_label = models.CharField(_("who"), max_length=200, blank=True)
    # A code from `activity.verbs.Verb`; no `choices` here so that new verbs need no migration.
    verb = models.CharField(_("what"), max_length=60)
    target_type = models.CharField(max_length=60, blank=True)
    target_id = models.CharField(max_length=40, blank=True)
    target_label = models.CharField(_("on what"), max_length=200, blank=True)
    details = models.JSONField(default=dict, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activity log")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["company", "-created_at"], name="activity_company_created"),
            models.Index(fields=["company", "verb", "-created_at"], name="activity_company_verb"),
        ]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label} {self.verb}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ActivityLogIsAppendOnly("The activity log cannot be edited.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ActivityLogIsAppendOnly("The activity log cannot be deleted.")

    @property
    def verb_label(self) -> str:
        from activity.verbs import Verb

        try:
            return Verb(self.verb).label
        except ValueError:
            return self.verb
