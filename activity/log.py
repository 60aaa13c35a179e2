"""Writing the activity log: one call from each service that changes something worth knowing."""

from django.db import models

from activity.models import Activity
from activity.verbs import Verb


def _actor_label(user) -> str:
    if user is None:
        return ""
    return (user.get_full_name() or user.email or "")[:200]


def _target(target) -> tuple[str, str, str]:
    """(type, id, label) of a target. Contacts and conversations are named by number only."""
    if target is None:
        return "", "", ""
    if isinstance(target, models.Model):
        meta = target._meta
        label = getattr(target, "activity_label", None)
        if label is None:
            label = f"{meta.verbose_name} #{target.pk}"
        return meta.label_lower, str(target.pk), str(label)[:200]
    return "", "", str(target)[:200]


def client_ip(request) -> str | None:
    """The client's address as the rest of the application trusts it (see engagements.net)."""
    if request is None:
        return None
    from engagements.net import client_ip as trusted_client_ip

    return trusted_client_ip(request) or None


def record(company, actor, verb: Verb | str, target=None, *, request=None, **details) -> Activity:
    """Append one entry to `company`'s log. `details` must be JSON-serialisable, no personal data."""
    target_type, target_id, target_label = _target(target)
    return Activity.objects.create(
        company=company,
        actor=actor if actor is not None and actor.pk else None,
        actor_label=_actor_label(actor),
        verb=str(verb),
        target_type=target_type,
        target_id=target_id,
        target_label=target_label,
        details=details,
        ip_address=client_ip(request),
    )
