from django.db.models import Count, Q
from django.utils.translation import gettext as _

from engagements.handover.models import HandoverItem, HandoverState


def handover_share(rows, today) -> None:
    """How much of each open engagement is already with the digital manager (one query)."""
    engagement_ids = [row.engagement.pk for row in rows if row.engagement is not None]
    counts = {
        item["engagement_id"]: item
        for item in HandoverItem.objects.filter(engagement_id__in=engagement_ids)
        .values("engagement_id")
        .annotate(total=Count("id"), with_trainee=Count("id", filter=Q(state=HandoverState.TRAINEE)))
    }
    for row in rows:
        if row.engagement is None:
            continue
        item = counts.get(row.engagement.pk)
        row.extras[_("Handed over")] = (
            _("%(done)s of %(total)s responsibilities") % {"done": item["with_trainee"], "total": item["total"]}
            if item
            else "–"
        )
