"""The CSV export of a company's activity log: streamed, UTF-8 with a BOM so that Excel reads
accents right, headers in the reader's language."""

import csv

from django.utils import timezone
from django.utils.translation import pgettext

from activity.display import details_text, target_text
from activity.log import record
from activity.selectors import activity_for
from activity.verbs import Verb

BOM = "\ufeff"


class _Echo:
    def write(self, value):
        return value


def activity_export_start(*, company, user, filters: dict):
    """Record the export itself (it is data leaving Staffetta) and give the rows to stream.

    The export's own entry is written before the rows are read, so it is part of what it exports.
    """
    record(
        company,
        user,
        Verb.DATA_EXPORTED,
        export="activity_log",
        **{
            key: (value.isoformat() if hasattr(value, "isoformat") else value)
            for key, value in filters.items()
            if value
        },
    )
    return _rows(activity_for(company, **filters))


def _rows(entries):
    writer = csv.writer(_Echo())
    zone = timezone.get_current_timezone_name()
    yield BOM + writer.writerow(
        [
            pgettext("activity log", "When (%(timezone)s)") % {"timezone": zone},
            pgettext("activity log", "Who"),
            pgettext("activity log", "What"),
            pgettext("activity log", "On what"),
            pgettext("activity log", "Details"),
            pgettext("activity log", "IP address"),
        ]
    )
    for entry in entries.iterator(chunk_size=500):
        yield writer.writerow(
            [
                timezone.localtime(entry.created_at).strftime("%Y-%m-%d %H:%M:%S"),
                _safe(entry.actor_label),
                _safe(entry.verb_label),
                _safe(target_text(entry)),
                _safe(details_text(entry)),
                entry.ip_address or "",
            ]
        )


def _safe(value) -> str:
    """A cell Excel will not run as a formula (CSV injection)."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
