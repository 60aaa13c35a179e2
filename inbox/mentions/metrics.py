"""Web mention figures for a company and a period, for dashboards and the monthly report.

Two queries whatever the number of mentions: one aggregate over the period's mentions, one
count grouped by feed. A mention counts in the period in which Staffetta found it (so that
consecutive reports count each mention exactly once, even one published before it was found);
turning it into a conversation or an idea counts in the period in which that was done.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Q

from engagements.models import Company
from inbox.mentions.models import Mention


@dataclass(frozen=True)
class FeedCount:
    feed_id: int | None  # None: mentions of a feed that has since been removed
    name: str
    count: int


@dataclass(frozen=True)
class MentionFigures:
    new: int
    by_feed: list[FeedCount]
    to_conversations: int
    to_ideas: int
    dismissed: int


def _bounds(company: Company, start: date, end: date) -> tuple[datetime, datetime]:
    tz = company.tzinfo
    return (
        datetime.combine(start, time.min, tzinfo=tz),
        datetime.combine(end + timedelta(days=1), time.min, tzinfo=tz),
    )


def mention_figures(company: Company, start: date, end: date) -> MentionFigures:
    """Mentions found from `start` to `end` (both days included, in the company's time zone).

    `new`: mentions found in the period; `by_feed`: the same, per feed, most first;
    `to_conversations` / `to_ideas`: mentions turned into an inbox conversation / a content
    idea during the period; `dismissed`: of the mentions found in the period, those dismissed.
    """
    if end < start:
        raise ValueError("The period ends before it starts.")
    since, until = _bounds(company, start, end)
    found = Q(found_at__gte=since, found_at__lt=until)
    mentions = Mention.objects.for_company(company)
    totals = mentions.aggregate(
        new=Count("pk", filter=found),
        to_conversations=Count("pk", filter=Q(conversation_opened_at__gte=since, conversation_opened_at__lt=until)),
        to_ideas=Count("pk", filter=Q(content_idea_created_at__gte=since, content_idea_created_at__lt=until)),
        dismissed=Count("pk", filter=found & Q(status=Mention.Status.DISMISSED)),
    )
    per_feed = (
        mentions.filter(found)
        .order_by()
        .values("feed_id", "feed__name")
        .annotate(count=Count("pk"))
        .order_by("-count", "feed__name")
    )
    return MentionFigures(
        new=totals["new"],
        by_feed=[FeedCount(row["feed_id"], row["feed__name"] or "", row["count"]) for row in per_feed],
        to_conversations=totals["to_conversations"],
        to_ideas=totals["to_ideas"],
        dismissed=totals["dismissed"],
    )
