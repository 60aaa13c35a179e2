"""Writing the activity log: one call from each service that changes something worth knowing."""

from django.db import models

from activity.models import Activity
from activity.verbs import Verb

# Targets named by what they are rather than by kind and number: content, responsibilities and
# competencies are the company's work, never a person's data. Everything else (contacts,
# conversations, spends…) is named "<kind> #<number>" when shown (see Activity.target_display).
LABELLED_BY_NAME = {
    "contentdesk.contentitem": lambda item: item.title,
    "handover.handoveritem": lambda item: item.name,
    "training.competency": lambda competency: competency.code,
}


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
        if label is None and meta.label_lower in LABELLED_BY_NAME:
            label = LABELLED_BY_NAME[meta.label_lower](target)
        if label is None:
            label = f"{meta.verbose_name} #{target.pk}"
        return meta.label_lower, str(target.pk), str(label)[:200]
    return "", "", str(target)[:200]


def client_ip(request) -> str | None:
    """The client's address as the rest of the application trusts it (see engagements.net).

    Without `request`, the request being answered (see activity.middleware), if any.
    """
    if request is None:
        from activity.middleware import current_request

        request = current_request.get()
    if request is None:
        return None
    from engagements.net import client_ip as trusted_client_ip

    return trusted_client_ip(request) or None


def _entry(company, actor, verb, target, request, details) -> Activity:
    target_type, target_id, target_label = _target(target)
    return Activity(
        # A company or its id: services that hold only `conversation.company_id` save a query.
        company_id=company if isinstance(company, int) else company.pk,
        actor=actor if actor is not None and actor.pk else None,
        actor_label=_actor_label(actor),
        verb=str(verb),
        target_type=target_type,
        target_id=target_id,
        target_label=target_label,
        details=details,
        ip_address=client_ip(request),
    )


def record(company, actor, verb: Verb | str, target=None, *, request=None, **details) -> Activity:
    """Append one entry to `company`'s log. `details` must be JSON-serialisable, no personal data.

    `company` may be a Company or its id.
    """
    entry = _entry(company, actor, verb, target, request, details)
    entry.save()
    return entry


def record_many(company, actor, verb: Verb | str, targets, *, request=None, **details) -> list[Activity]:
    """The same action on many targets (a bulk change of the inbox) in one insert."""
    entries = [_entry(company, actor, verb, target, request, details) for target in targets]
    return Activity.objects.bulk_create(entries) if entries else []
