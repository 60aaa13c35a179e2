"""What a sent newsletter achieved, for the item's results panel: a fixed number of queries.

Replies are the emails received on the company's channel that answer one of the send's
messages (their In-Reply-To is a delivery's Message-ID): the email intake files them in the
inbox under the contact, like any email from them.
"""

from django.db.models import Count, Q, Sum

from contentdesk.models import Delivery, NewsletterClick
from inbox.models import Message

D = Delivery.Status


def replies_to(send) -> int:
    message_ids = Delivery.objects.filter(send=send).exclude(message_id="").values("message_id")
    return Message.objects.filter(
        company_id=send.company_id, direction=Message.Direction.IN, in_reply_to__in=message_ids
    ).count()


def send_results(send) -> dict:
    """Counts of one send and its links. Queries: deliveries, clicks, clicks per link, replies."""
    deliveries = Delivery.objects.filter(send=send)
    counts = deliveries.aggregate(
        total=Count("pk"),
        queued=Count("pk", filter=Q(status=D.QUEUED)),
        sent=Count("pk", filter=Q(status__in=[D.SENT, D.BOUNCED])),
        failed=Count("pk", filter=Q(status=D.FAILED)),
        bounced=Count("pk", filter=Q(status=D.BOUNCED)),
        unsubscribed=Count("pk", filter=Q(unsubscribed_at__isnull=False)),
    )
    clicks = NewsletterClick.objects.filter(delivery__send=send)
    totals = clicks.aggregate(clicks=Sum("count"), clickers=Count("delivery", distinct=True))
    links = list(
        clicks.order_by()
        .values("link_index", "url")
        .annotate(total=Sum("count"), unique=Count("pk"))
        .order_by("-total", "link_index")
    )
    return {
        **counts,
        "clicks": totals["clicks"] or 0,
        "unique_clicks": totals["clickers"],
        "replies": replies_to(send),
        "links": links,
        "progress": round(100 * (counts["total"] - counts["queued"]) / counts["total"]) if counts["total"] else 0,
    }
