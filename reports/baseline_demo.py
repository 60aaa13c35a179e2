"""The demo's audit baseline: Officine Berica as the audit found it.

The figures are the real ones of the demo's audit period, computed as the periodic job does.
The channel inventory is today's, taken back to before the restructuring — the demo's channels
were all created at once, so the inventory of the audit day would equal today's: the cadences,
the mention feeds, the live chat and the social channels other than Facebook are what the
restructuring added, a LinkedIn page existed but was abandoned, and the newsletter had a third
of its subscribers. Call it after the other demos (the figures are taken from their data).
"""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from engagements.plan.models import Engagement
from reports.baseline import audit_phase, audit_span, channel_inventory
from reports.models import AuditBaseline
from reports.registry import collect

KEPT_CONTENT_KINDS = {"website", "blog", "facebook", "linkedin"}
KEPT_INTAKE_KINDS = {"form", "email"}


def _as_at_the_audit(inventory: dict) -> dict:
    content = [
        {**channel, "active": channel["active"] and channel["kind"] != "linkedin"}
        for channel in inventory["content_channels"]
        if channel["kind"] in KEPT_CONTENT_KINDS
    ]
    return {
        **inventory,
        "content_channels": content,
        "intake_channels": [c for c in inventory["intake_channels"] if c["kind"] in KEPT_INTAKE_KINDS],
        "mention_feeds": [],
        "newsletter_lists": [{**n, "subscribers": n["subscribers"] // 3} for n in inventory["newsletter_lists"]],
        "cadences": [],
    }


def seed_demo_baseline(company) -> AuditBaseline | None:
    """Idempotent: the engagement's baseline, frozen the night after its audit ended; None when
    the company has no engagement with an audit that has ended."""
    engagement = Engagement.objects.for_company(company).order_by("starts_on").first()
    phase = audit_phase(engagement) if engagement else None
    if phase is None:
        return None
    existing = AuditBaseline.objects.filter(engagement=engagement).first()
    if existing is not None:
        return existing
    start, end = audit_span(phase)
    if end >= timezone.localdate(timezone=company.tzinfo):
        return None
    frozen_at = datetime.combine(end + timedelta(days=1), time(0, 20), tzinfo=company.tzinfo)
    with transaction.atomic():
        return AuditBaseline.objects.create(
            company=company,
            engagement=engagement,
            frozen_at=frozen_at,
            period_start=start,
            period_end=end,
            figures=collect(company, start, end),
            inventory=_as_at_the_audit(channel_inventory(company, start, end)),
        )
