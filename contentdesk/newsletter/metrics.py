"""Newsletter figures of a company for a period, for the dashboards and the monthly report.

`figures(company, start, end)` → {"sends", "sent", "bounced", "unsubscribed", "clicks",
"unique_clicks", "replies"}, days included, in the company's time zone. Each count belongs to
the period in which it happened: an email sent on 30 March and clicked on 2 April counts as
sent in March and clicked in April. Five aggregate queries, whatever the size of the lists.
"""

from datetime import date

from django.db.models import Count, Q, Sum

from contentdesk.calendar.cadence import local_day_bounds
from contentdesk.models import Delivery, NewsletterClick, NewsletterSend
from engagements.models import Company
from inbox.models import Message


def figures(company: Company, start: date, end: date) -> dict:
    if end < start:
        raise ValueError("The period ends before it starts.")
    since, until = local_day_bounds(start, end, company.tzinfo)
    deliveries = Delivery.objects.for_company(company)
    counts = deliveries.aggregate(
        sent=Count("pk", filter=Q(sent_at__gte=since, sent_at__lt=until)),
        bounced=Count("pk", filter=Q(bounced_at__gte=since, bounced_at__lt=until)),
        unsubscribed=Count("pk", filter=Q(unsubscribed_at__gte=since, unsubscribed_at__lt=until)),
    )
    sends = NewsletterSend.objects.for_company(company).filter(started_at__gte=since, started_at__lt=until).count()
    clicks = NewsletterClick.objects.for_company(company)
    unique = clicks.filter(first_at__gte=since, first_at__lt=until).count()
    # A click row counts all its clicks in the period of its latest click: precise enough for a
    # monthly figure, and one row per person and link instead of one per click.
    total = clicks.filter(last_at__gte=since, last_at__lt=until).aggregate(total=Sum("count"))["total"] or 0
    replies = Message.objects.filter(
        company=company,
        direction=Message.Direction.IN,
        created_at__gte=since,
        created_at__lt=until,
        in_reply_to__in=deliveries.exclude(message_id="").values("message_id"),
    ).count()
    return {"sends": sends, **counts, "clicks": total, "unique_clicks": unique, "replies": replies}
