"""The figures of a month, gathered from each part of the product when a review is drafted.

Each provider computes its own section in SQL and returns a JSON-ready dict (numbers as int
or str), or None when it has nothing to say. Adding a source of figures (the inbox, the
content calendar…) is one line in `FIGURE_PROVIDERS`.
"""

import dataclasses
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.db.models import Count, Q
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from engagements.plan.models import Engagement, Milestone, Phase

NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def plan_figures(engagement: Engagement, start: date, end: date) -> dict:
    milestones = Milestone.objects.filter(phase__engagement=engagement).aggregate(
        milestones_due=Count("id", filter=Q(due_on__range=(start, end))),
        milestones_due_done=Count("id", filter=Q(due_on__range=(start, end), done_on__lte=end)),
        milestones_done=Count("id", filter=Q(done_on__range=(start, end))),
        milestones_overdue=Count("id", filter=Q(due_on__lte=end) & (Q(done_on__isnull=True) | Q(done_on__gt=end))),
    )
    # The phase under way at the end of the month: started and not ended by then, by the
    # actual dates when known, otherwise by the planned ones.
    started = Q(actual_start__lte=end) | Q(actual_start__isnull=True, planned_start__lte=end)
    not_ended = (
        Q(actual_end__gt=end)
        | Q(actual_end__isnull=True, actual_start__isnull=False)
        | Q(actual_end__isnull=True, planned_end__gte=end)
    )
    phase = (
        Phase.objects.filter(engagement=engagement)
        .filter(started, not_ended)
        .order_by("-order")
        .values_list("name", flat=True)[:1]
    )
    return {"current_phase": next(iter(phase), ""), **milestones}


def handover_figures(engagement: Engagement, start: date, end: date) -> dict:
    from engagements.handover.services import handover_progress

    return handover_progress(engagement)


def budget_figures(engagement: Engagement, start: date, end: date) -> dict | None:
    try:
        from engagements.budgets.metrics import metrics
    except ImportError:
        return None
    return as_dict(metrics(engagement.company, start, end))


def as_dict(result) -> dict | None:
    """A provider's answer as a dict: a mapping as it is, a dataclass by its fields (and
    `remaining`, when it offers it), a named tuple by its fields."""
    if result is None or isinstance(result, Mapping):
        return result
    if dataclasses.is_dataclass(result) and not isinstance(result, type):
        data = dataclasses.asdict(result)
        if hasattr(result, "remaining"):
            data["remaining"] = result.remaining
        return data
    if hasattr(result, "_asdict"):
        return result._asdict()
    return {"value": result}


@dataclass(frozen=True)
class FigureProvider:
    key: str
    title: str | Promise
    compute: Callable[[Engagement, date, date], dict | None]
    # Labels of the keys this provider is known to return; others are shown as they are.
    labels: dict[str, str | Promise] = field(default_factory=dict)


FIGURE_PROVIDERS: list[FigureProvider] = [
    FigureProvider(
        "plan",
        _("Plan"),
        plan_figures,
        {
            "current_phase": _("Phase under way at the end of the month"),
            "milestones_due": _("Milestones due in the month"),
            "milestones_due_done": _("… of which done by the end of the month"),
            "milestones_done": _("Milestones completed in the month"),
            "milestones_overdue": _("Milestones overdue at the end of the month"),
        },
    ),
    FigureProvider(
        "handover",
        _("Handover"),
        handover_figures,
        {
            "consultant": _("Responsibilities with the consultant"),
            "shared": _("Responsibilities shared"),
            "trainee": _("Responsibilities with the digital manager"),
            "total": _("Responsibilities in all"),
            "percent": _("Handed over (%)"),
        },
    ),
    FigureProvider(
        "budget",
        _("Budget"),
        budget_figures,
        {
            "planned": _("Planned (EUR)"),
            "spent": _("Spent (EUR)"),
            "remaining": _("Left to spend (EUR)"),
            "pending": _("Waiting for the owner's approval (EUR)"),
            "pending_count": _("Spends waiting for approval"),
        },
    ),
]


def jsonable(value):
    """Numbers as int or str, dates as ISO strings, containers walked: ready for a JSONField."""
    if isinstance(value, bool) or value is None or isinstance(value, int | str):
        return value
    if isinstance(value, Decimal | float):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [jsonable(v) for v in value]
    return str(value)


def review_figures(engagement: Engagement, month_start: date, month_end: date) -> dict:
    """What is known today about the month, one section per provider that has something."""
    figures = {}
    for provider in FIGURE_PROVIDERS:
        section = provider.compute(engagement, month_start, month_end)
        if section is not None:
            figures[provider.key] = jsonable(section)
    return figures


def figures_for_display(figures: dict) -> list[dict]:
    """The snapshot as titled sections of rows (see `_rows`), known sections first."""
    providers = {p.key: p for p in FIGURE_PROVIDERS}
    sections = []
    for key in [*[p.key for p in FIGURE_PROVIDERS], *sorted(set(figures) - set(providers))]:
        data = figures.get(key)
        if data is None:
            continue
        provider = providers.get(key)
        labels = provider.labels if provider else {}
        title = provider.title if provider else _humanize(key)
        rows = []
        if isinstance(data, dict):
            for name, value in data.items():
                rows.extend(_rows(labels.get(name) or _humanize(name), value))
        else:
            rows.extend(_rows(title, data))
        sections.append({"key": key, "title": title, "rows": rows})
    return sections


def _rows(label, value) -> list[dict]:
    """Rows of {label, value, is_number}: numbers line up on the right, text takes the width."""
    if isinstance(value, dict):
        return [row for name, inner in value.items() for row in _rows(f"{label} · {_humanize(name)}", inner)]
    if isinstance(value, list):
        return [{"label": label, "value": ", ".join(str(v) for v in value), "is_number": False}]
    if isinstance(value, str) and NUMBER.match(value):
        # Stored as text to stay exact; shown as a number so it follows the user's locale.
        return [{"label": label, "value": Decimal(value), "is_number": True}]
    if isinstance(value, int | float) and not isinstance(value, bool):
        return [{"label": label, "value": value, "is_number": True}]
    return [{"label": label, "value": "—" if value in ("", None) else value, "is_number": False}]


def _humanize(key: str) -> str:
    return str(key).replace("_", " ").strip().capitalize()
