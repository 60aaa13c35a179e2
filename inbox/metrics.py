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

from django.core.cache import cache
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


def _from_mention() -> Q:
    """Opened from a web mention. A membership test rather than a correlated EXISTS: PostgreSQL
    hashes the mentions' conversation ids once per query, where an EXISTS in each of the
    aggregate's FILTER clauses ran a subquery per row and per clause (12 times per row)."""
    return Q(pk__in=Mention.objects.filter(conversation__isnull=False).values("conversation_id"))


def enquiries(company: Company) -> QuerySet:
    """Every enquiry of the company: conversations that are not spam and not from a mention."""
    return Conversation.objects.for_company(company).exclude(status=SPAM).exclude(_from_mention())


def figures(company: Company, start: date, end: date, *, now: datetime | None = None) -> dict | None:
    """The inbox's figures from `start` to `end`, both days included (see the module docstring)."""
    since, until = period_bounds(company, start, end)
    now = now or timezone.now()
    in_period = Q(created_at__gte=since, created_at__lt=until)
    enquiry = in_period & ~Q(status=SPAM) & ~_from_mention()
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
        .aggregate(
            received=Count("pk"),
            enquiries=Count("pk", filter=enquiry),
            **{kind: Count("pk", filter=enquiry & Q(channel__kind=kind)) for kind in CHANNEL_KINDS},
            other=Count("pk", filter=enquiry & Q(channel__isnull=True)),
            from_mentions=Count("pk", filter=in_period & ~Q(status=SPAM) & _from_mention()),
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

    Every month of the range is listed, empty ones with zeros:
    [{"month": "2026-03", "form": 4, "webhook": 0, "email": 2, "chat": 1, "other": 0}, …].

    On PostgreSQL the counts of a month that is over come from the cache, under the month's
    version (`EnquiryMonthStamp`, which triggers renew on every write that can change them):
    one query for the versions, one cache read, and one grouped query for the months not
    cached (the current one at least). SQLite: the grouped query over the whole range.
    """
    months = _months(first_month, last_month)
    if connection.vendor != "postgresql":
        counts = _counts_by_month(company, months[0], months[-1])
        return [_month_row(month, counts) for month in months]
    current = timezone.localdate(timezone=company.tzinfo).replace(day=1)
    closed = [month for month in months if month < current]
    still_open = [month for month in months if month >= current]
    versions, counts = _versions_and_open_counts(company, closed, still_open)
    keys = {
        month: f"inbox-enquiries:{company.pk}:{month:%Y-%m}:{versions[month]}"
        for month in closed
        if month in versions  # a month stamped by a concurrent request: counted, not cached
    }
    cached = cache.get_many(list(keys.values())) if keys else {}
    for month, key in keys.items():
        if key in cached:
            counts.update({(f"{month:%Y-%m}", kind): value for kind, value in cached[key].items()})
    missing = [month for month in closed if keys.get(month) not in cached]
    if missing:
        counted = _counts_by_month(company, missing[0], missing[-1])
        counts.update({key: value for key, value in counted.items() if key[0] < f"{current:%Y-%m}"})
        cache.set_many(
            {
                keys[month]: {kind: counted.get((f"{month:%Y-%m}", kind), 0) for kind in [*CHANNEL_KINDS, OTHER]}
                for month in missing
                if month in keys
            },
            timeout=MONTH_CACHE_SECONDS,
        )
    return [_month_row(month, counts) for month in months]


MONTH_CACHE_SECONDS = 60 * 60 * 24 * 40


def _months(first_month: date, last_month: date) -> list[date]:
    months = []
    month = first_month.replace(day=1)
    while month <= last_month:
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return months


def _month_row(month: date, counts: dict) -> dict:
    key = f"{month:%Y-%m}"
    return {"month": key, **{kind: counts.get((key, kind), 0) for kind in [*CHANNEL_KINDS, OTHER]}}


def _versions_and_open_counts(company: Company, closed: list[date], still_open: list[date]) -> tuple[dict, dict]:
    """In one query: the version of every closed month (a month without one gets a random one
    now, which a later write replaces, so counts cached from another database never match) and
    the counts of the months still open, {("2026-11", kind): enquiries}."""
    # An empty range (first after last) when no month is closed: the query keeps its shape.
    first, last = (closed[0], closed[-1]) if closed else (date(2, 1, 1), date(1, 1, 1))
    sql = """
        WITH months AS (
            SELECT generate_series(%s::date, %s::date, interval '1 month')::date AS month
        ), added AS (
            INSERT INTO inbox_enquirymonthstamp (company_id, month, version)
            SELECT %s, month, inbox_stamp_version() FROM months
            ON CONFLICT (company_id, month) DO NOTHING
            RETURNING month, version
        )
        SELECT 'version', month, version, NULL::text, NULL::bigint FROM added
        UNION ALL
        SELECT 'version', month, version, NULL::text, NULL::bigint FROM inbox_enquirymonthstamp
        WHERE company_id = %s AND month BETWEEN %s AND %s
    """
    params = [first, last, company.pk, company.pk, first, last]
    if still_open:
        counting, counting_params = _grouped(company, still_open[0], still_open[-1]).query.sql_with_params()
        sql += f"""
        UNION ALL
        SELECT 'count', counted.month::date, NULL::bigint, counted.kind::text, counted.count::bigint
        FROM ({counting}) AS counted
        """
        params += list(counting_params)
    versions, counts = {}, {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for part, month, version, kind, count in cursor.fetchall():
            if part == "version":
                versions[month] = version
            else:
                counts[(f"{month:%Y-%m}", kind)] = count
    return versions, counts


def _counts_by_month(company: Company, first_month: date, last_month: date) -> dict[tuple[str, str], int]:
    """{("2026-03", kind): enquiries} from `first_month` to the end of `last_month`: one query
    grouped by the local month, reading the range's rows through (company, created_at)."""
    rows = _grouped(company, first_month, last_month)
    return {(_month_key(row["month"]), row["kind"]): row["count"] for row in rows}


def _grouped(company: Company, first_month: date, last_month: date) -> QuerySet:
    last_day = (last_month.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    since, until = period_bounds(company, first_month, last_day)
    return (
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


def _month_key(value) -> str:
    # TruncMonth answers an aware datetime in the company's time zone (a date on some backends).
    return f"{value:%Y-%m}"
