"""Reading the activity log: a company's entries, filtered."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from activity.models import Activity


def _start_of(day: date) -> datetime:
    # Days are the company's days (its time zone is active on its pages).
    return timezone.make_aware(datetime.combine(day, time.min))


def activity_for(company, *, actor_id: int | None = None, kind: str = "", since: date | None = None,
                 until: date | None = None):  # fmt: skip
    """The company's entries, newest first. `kind` is a verb ("inbox.status") or a group ("inbox");
    `since` and `until` are days, both included."""
    entries = Activity.objects.for_company(company)
    if actor_id:
        entries = entries.filter(actor_id=actor_id)
    if kind:
        entries = entries.filter(verb=kind) if "." in kind else entries.filter(verb__startswith=f"{kind}.")
    if since:
        entries = entries.filter(created_at__gte=_start_of(since))
    if until:
        entries = entries.filter(created_at__lt=_start_of(until + timedelta(days=1)))
    return entries.order_by("-created_at", "-pk")
