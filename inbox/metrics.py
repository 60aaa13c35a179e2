"""Inbox figures for a company and a period, for the dashboards and the monthly report.

`figures(company, start, end)` answers a JSON-ready dict (counts as int, durations as whole
seconds) or None when the inbox had not received anything by the end of the period, so that a
month before the company used Staffetta shows "—" and not a made-up 0.

What counts
    An *enquiry* is a conversation received in the period (its `created_at`, in the company's
    time zone) that is not spam and was not opened from a web mention: mentions are what is
    said about the company, not questions to it, and are counted on their own.
    A *new contact* is a person whose first enquiry falls in the period.
    *Passed to sales*: enquiries of the period whose department is sales.
    *First response*: the median of `first_response_seconds` (business seconds) of the
    period's enquiries that have one, computed by the database (see `median`).
    *SLA*: of the period's enquiries with a due time, those answered by it (`within`), those
    answered after it or still unanswered past it (`late`), and those still unanswered whose
    due time has not come (`waiting`, left out of the share).

Queries: five whatever the data (one aggregate, the median, the new contacts, and the mention
figures' two); an empty period adds one to see whether anything came before it (None if not).
Every query reads the period's rows through the index on (company, created_at), so the cost
follows the size of the period, not of the company's history.
"""

from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db import connection
from django.db.models import Aggregate, Count, Exists, F, FloatField, OuterRef, Q, QuerySet, Value, Window
from django.db.models.functions import Coalesce, RowNumber, TruncMonth
from django.utils import timezone

from engagements.models import Company
from engagements.roles import Department
from inbox.mentions.metrics import mention_figures
from inbox.mentions.models import Mention
from inbox.models import Conversation, IntakeChannel

CHANNEL_KINDS = [kind.value for kind in IntakeChannel.Kind]
OTHER = "other"  # a conversation whose intake channel has been removed
SPAM = Conversation.Status.SPAM


def period_bounds(company: Company, start: date, end: date) -> tuple[datetime, datetime]:
    """[midnight of `start`, midnight after `end`) in the company's time zone.

    Midnight exists on every day in Europe/Rome (the clocks change at 2:00 and 3:00), so a
    month is exactly its local days, 23 or 25 hours long on the days of the change.
    """
    if end < start:
        raise ValueError("The period ends before it starts.")
    tz = company.tzinfo
    return datetime.combine(start, time.min, tzinfo=tz), datetime.combine(end + timedelta(days=1), time.min, tzinfo=tz)


class PercentileCont(Aggregate):
    """PostgreSQL's ordered-set aggregate: `percentile_cont(f) WITHIN GROUP (ORDER BY x)`."""

    function = "PERCENTILE_CONT"
    template = "%(function)s(%(fraction)s) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()

    def __init__(self, expression, fraction: float = 0.5, **extra):
        super().__init__(expression, fraction=float(fraction), **extra)


def median(queryset: QuerySet, field: str) -> Decimal | None:
    """The median of `field` over `queryset` (NULLs left out), computed by the database.

    PostgreSQL: percentile_cont(0.5). SQLite has no percentile function: the rows are ranked
    with ROW_NUMBER() and COUNT() windows and only the middle one or two come back (one
    query, whatever the number of rows). Both average the two middle values of an even
    count, so both databases give the same answer.
    """
    values = queryset.filter(**{f"{field}__isnull": False}).order_by()
    if connection.vendor == "postgresql":
        result = values.aggregate(median=PercentileCont(field))["median"]
        return None if result is None else Decimal(str(result))
    middle = list(
        values.annotate(
            position=Window(RowNumber(), order_by=F(field).asc()),
            total=Window(Count("pk")),
        )
        # Integer division on both sides: positions (n+1)/2 to n/2+1 are the middle one or two.
        .filter(position__gte=(F("total") + 1) / 2, position__lte=F("total") / 2 + 1)
        .values_list(field, flat=True)
    )
    if not middle:
        return None
    return Decimal(sum(middle)) / len(middle)


def _whole(value: Decimal | None) -> int | None:
    return None if value is None else int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _from_mention() -> Exists:
    return Exists(Mention.objects.filter(conversation_id=OuterRef("pk")))


def enquiries(company: Company) -> QuerySet:
    """Every enquiry of the company: conversations that are not spam and not from a mention."""
    return (
        Conversation.objects.for_company(company)
        .exclude(status=SPAM)
        .annotate(from_mention=_from_mention())
        .filter(from_mention=False)
    )


def figures(company: Company, start: date, end: date, *, now: datetime | None = None) -> dict | None:
    """The inbox's figures from `start` to `end`, both days included (see the module docstring)."""
    since, until = period_bounds(company, start, end)
    now = now or timezone.now()
    in_period = Q(created_at__gte=since, created_at__lt=until)
    enquiry = in_period & ~Q(status=SPAM) & Q(from_mention=False)
    answered_late = Q(first_response_at__gt=F("first_response_due_at"))
    unanswered_late = Q(first_response_at__isnull=True, first_response_due_at__lte=now) & ~Q(
        status=Conversation.Status.RESOLVED
    )
    unanswered_waiting = Q(first_response_at__isnull=True, first_response_due_at__gt=now) & ~Q(
        status=Conversation.Status.RESOLVED
    )
    # Only the period's rows are read (the index on company and created_at): a company with
    # years of history pays for one month, not for all of them.
    totals = (
        Conversation.objects.for_company(company)
        .filter(in_period)
        .annotate(from_mention=_from_mention())
        .aggregate(
            received=Count("pk"),
            enquiries=Count("pk", filter=enquiry),
            **{kind: Count("pk", filter=enquiry & Q(channel__kind=kind)) for kind in CHANNEL_KINDS},
            other=Count("pk", filter=enquiry & Q(channel__isnull=True)),
            from_mentions=Count("pk", filter=in_period & ~Q(status=SPAM) & Q(from_mention=True)),
            to_sales=Count("pk", filter=enquiry & Q(department=Department.SALES)),
            answered=Count("pk", filter=enquiry & Q(first_response_seconds__isnull=False)),
            within=Count(
                "pk",
                filter=enquiry
                & Q(first_response_due_at__isnull=False, first_response_at__lte=F("first_response_due_at")),
            ),
            late=Count(
                "pk", filter=enquiry & Q(first_response_due_at__isnull=False) & (answered_late | unanswered_late)
            ),
            waiting=Count("pk", filter=enquiry & unanswered_waiting),
        )
    )
    if not totals["received"] and not Conversation.objects.for_company(company).filter(created_at__lt=since).exists():
        return None
    median_seconds = median(enquiries(company).filter(in_period), "first_response_seconds")
    mentions = mention_figures(company, start, end)
    return {
        "enquiries": totals["enquiries"],
        "by_channel": {kind: totals[kind] for kind in [*CHANNEL_KINDS, OTHER]},
        "new_contacts": new_contacts(company, since, until),
        "to_sales": totals["to_sales"],
        "first_response": {"median_seconds": _whole(median_seconds), "answered": totals["answered"]},
        "sla": {"within": totals["within"], "late": totals["late"], "waiting": totals["waiting"]},
        "mentions": {
            "found": mentions.new,
            "to_conversations": mentions.to_conversations,
            "to_ideas": mentions.to_ideas,
            "conversations_received": totals["from_mentions"],
        },
    }


def new_contacts(company: Company, since: datetime, until: datetime) -> int:
    """People whose first enquiry (not spam, not from a mention) arrived in [since, until):
    those with an enquiry in the period and none before it. Reads the period's rows and, for
    each of their people, the index on the contact — not the whole history."""
    earlier = enquiries(company).filter(contact_id=OuterRef("contact_id"), created_at__lt=since)
    return (
        enquiries(company)
        .filter(created_at__gte=since, created_at__lt=until)
        .filter(~Exists(earlier))
        .order_by()
        .values("contact_id")
        .distinct()
        .count()
    )


def monthly_enquiries(company: Company, first_month: date, last_month: date) -> list[dict]:
    """Enquiries per month and channel kind from `first_month` to `last_month` (first days).

    One query grouped by the local month; every month of the range is listed, empty ones with
    zeros: [{"month": "2026-03", "form": 4, "webhook": 0, "email": 2, "chat": 1, "other": 0}, …].
    """
    last_day = (last_month.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    since, until = period_bounds(company, first_month, last_day)
    rows = (
        enquiries(company)
        .filter(created_at__gte=since, created_at__lt=until)
        .annotate(
            month=TruncMonth("created_at", tzinfo=company.tzinfo),
            kind=Coalesce("channel__kind", Value(OTHER)),
        )
        .order_by()
        .values("month", "kind")
        .annotate(count=Count("pk"))
    )
    counts = {(_month_key(row["month"]), row["kind"]): row["count"] for row in rows}
    months = []
    month = first_month.replace(day=1)
    while month <= last_month:
        key = f"{month:%Y-%m}"
        months.append({"month": key, **{kind: counts.get((key, kind), 0) for kind in [*CHANNEL_KINDS, OTHER]}})
        month = (month + timedelta(days=32)).replace(day=1)
    return months


def _month_key(value) -> str:
    # TruncMonth answers an aware datetime in the company's time zone (a date on some backends).
    return f"{value:%Y-%m}"
