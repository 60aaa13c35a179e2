"""Content desk figures for a company and a period, for the dashboards and the monthly report.

`figures(company, start, end)` answers a JSON-ready dict of counts, or None when nothing had
been planned or published by the end of the period (the calendar was not in use yet).

What counts
    *Planned*: items planned for a moment of the period (`scheduled_at`, in the company's time
    zone) and not cancelled — an idea with a date is already a plan, as for the cadence slots.
    *Published*: items published during the period (`published_at`), whenever they were
    planned: a post planned for 30 March and published on 2 April counts as planned in March
    and published in April.
    *Enquiries from content*: enquiries received in the period through an item's tracked
    link (`contentdesk.publishing.attribution`).

Queries: two (planned and published per channel, enquiries from content); one more when the
period has no item.
"""

from datetime import date

from django.db.models import Count, Q

from contentdesk.calendar.cadence import local_day_bounds
from contentdesk.models import ContentItem
from contentdesk.publishing.attribution import attributed_enquiries_total
from engagements.models import Company


def figures(company: Company, start: date, end: date) -> dict | None:
    """Planned and published per channel from `start` to `end`, both days included."""
    if end < start:
        raise ValueError("The period ends before it starts.")
    since, until = local_day_bounds(start, end, company.tzinfo)
    planned = Q(scheduled_at__gte=since, scheduled_at__lt=until) & ~Q(status=ContentItem.Status.CANCELLED)
    published = Q(published_at__gte=since, published_at__lt=until, status=ContentItem.Status.PUBLISHED)
    rows = list(
        ContentItem.objects.for_company(company)
        .filter(planned | published)
        .order_by()
        .values("channel_id", "channel__name", "channel__kind")
        .annotate(planned=Count("pk", filter=planned), published=Count("pk", filter=published))
        .order_by("channel__name", "channel_id")
    )
    if not rows and not _in_use_before(company, until):
        return None
    by_channel = [
        {
            "channel_id": row["channel_id"],
            "name": row["channel__name"],
            "kind": row["channel__kind"],
            "planned": row["planned"],
            "published": row["published"],
        }
        for row in rows
    ]
    return {
        "planned": sum(row["planned"] for row in by_channel),
        "published": sum(row["published"] for row in by_channel),
        "by_channel": by_channel,
        "enquiries_from_content": attributed_enquiries_total(company, start=since, end=until),
    }


def _in_use_before(company: Company, until) -> bool:
    return (
        ContentItem.objects.for_company(company).filter(Q(scheduled_at__lt=until) | Q(published_at__lt=until)).exists()
    )
