"""The figures of a dashboard month as one JSON-ready snapshot.

The dashboard renders from this dict and nothing else, so a monthly report that stores it (a
JSONField) can be drawn again later with the same code and the same numbers:

    {
      "version": 1,
      "month": "2026-11",
      "computed_at": "2026-12-01T00:05:00+01:00",
      "periods": {                       # every source of reports.registry, or None
        "month": {"inbox": {...}, "content": {...}, "budget": {...}, "plan": {...}, ...},
        "previous": {...},               # the month before (compared sources only)
        "year_before": {...},            # the same month a year earlier (compared sources only)
      },
      "series": {"enquiries_by_month": [{"month": "2025-12", "form": 3, ...}, ...]},  # 12 months
    }
"""

from django.utils import timezone

from engagements.models import Company
from inbox.metrics import monthly_enquiries
from reports.period import Month
from reports.registry import collect, sources_for

SNAPSHOT_VERSION = 1
SERIES_MONTHS = 12


def month_snapshot(company: Company, month: Month, membership=None, *, compare_months: bool = True) -> dict:
    """Every figure the dashboard shows for `month`; `membership` leaves out what it may not see
    (None: everything, as a report job needs). Without `compare_months` (the dashboard compared
    with the audit baseline), the month before and a year earlier are not computed."""
    sources = sources_for(membership)
    compared = sources_for(membership, compared_only=True)
    periods = {"month": collect(company, month.first, month.last, sources)}
    for name, other in (("previous", month.previous), ("year_before", month.year_before)):
        if compare_months:
            periods[name] = collect(company, other.first, other.last, compared)
    series = {}
    if any(source.key == "inbox" for source in sources):
        series["enquiries_by_month"] = monthly_enquiries(company, month.shifted(1 - SERIES_MONTHS).first, month.first)
    return {
        "version": SNAPSHOT_VERSION,
        "month": month.param,
        "computed_at": timezone.localtime(timezone=company.tzinfo).isoformat(),
        "periods": periods,
        "series": series,
    }
