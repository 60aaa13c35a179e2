"""The owner dashboard drawn from a snapshot (`reports.figures.month_snapshot`).

Only the snapshot's dict is read here, never the database: what a monthly report freezes is
exactly what the dashboard showed. Key figures come with the month before and the same month a
year earlier; charts come with the same numbers as a table.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from engagements.budgets.models import Channel as BudgetChannel
from inbox.models import IntakeChannel
from reports.formatting import COUNT, EUR, PERCENT, SECONDS, format_delta, format_value, share
from reports.period import Month
from reports.registry import SOURCES

INBOX_KINDS: list[tuple[str, str | Promise, str]] = [
    (IntakeChannel.Kind.FORM, IntakeChannel.Kind.FORM.label, "#0b6e4f"),
    (IntakeChannel.Kind.EMAIL, IntakeChannel.Kind.EMAIL.label, "#0a66c2"),
    (IntakeChannel.Kind.CHAT, IntakeChannel.Kind.CHAT.label, "#e37400"),
    (IntakeChannel.Kind.WEBHOOK, IntakeChannel.Kind.WEBHOOK.label, "#6f42c1"),
    ("other", pgettext_lazy("intake channel", "Other"), "#868e96"),
]
PLANNED_COLOUR, DONE_COLOUR = "#a3cfbb", "#0b6e4f"
# Counts of content items: plural in Italian ("previsti", "pubblicati"), unlike a status.
PLANNED_ITEMS = pgettext_lazy("content items counted", "Planned")
PUBLISHED_ITEMS = pgettext_lazy("content items counted", "Published")
UP, DOWN = "up", "down"
BASELINE_COLOUR = "#adb5bd"
BASELINE_PUBLISHED = _("Published, audit baseline")
BASELINE_SPENT = _("Spent, audit baseline")


def _get(period: dict | None, path: str):
    """`period["inbox"]["sla"]["within"]` for "inbox.sla.within"; None along a missing path."""
    value = period
    for key in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def _sla_share(period: dict | None) -> int | None:
    sla = _get(period, "inbox.sla")
    return None if sla is None else share(sla["within"], sla["within"] + sla["late"])


@dataclass(frozen=True)
class KpiDefinition:
    key: str
    source: str  # the registry key the figure comes from
    label: str | Promise
    unit: str
    value: Callable[[dict | None], object]
    # Which way is good news: UP, DOWN, or "" when neither (money spent).
    better: str = UP
    url_name: str = ""
    note: Callable[[dict | None], str] | None = None


def _of_planned(path: str, unit: str) -> Callable[[dict | None], str]:
    def note(period):
        planned = _get(period, path)
        return "" if planned is None else _("of %(planned)s planned") % {"planned": format_value(planned, unit)}

    return note


def _sla_note(period) -> str:
    sla = _get(period, "inbox.sla")
    if not sla or not (sla["within"] + sla["late"]):
        return ""
    return _("%(within)s of %(total)s") % {
        "within": format_value(sla["within"]),
        "total": format_value(sla["within"] + sla["late"]),
    }


KPIS: list[KpiDefinition] = [
    KpiDefinition("enquiries", "inbox", _("Enquiries"), COUNT, lambda p: _get(p, "inbox.enquiries"), url_name="inbox"),
    KpiDefinition("new_contacts", "inbox", _("New contacts"), COUNT, lambda p: _get(p, "inbox.new_contacts")),
    KpiDefinition("to_sales", "inbox", _("Passed to sales"), COUNT, lambda p: _get(p, "inbox.to_sales")),
    KpiDefinition(
        "first_response",
        "inbox",
        _("Median first response"),
        SECONDS,
        lambda p: _get(p, "inbox.first_response.median_seconds"),
        better=DOWN,
    ),
    KpiDefinition("within_sla", "inbox", _("Answered within the SLA"), PERCENT, _sla_share, note=_sla_note),
    KpiDefinition(
        "from_content",
        "content",
        _("Enquiries from content"),
        COUNT,
        lambda p: _get(p, "content.enquiries_from_content"),
    ),
    KpiDefinition(
        "published",
        "content",
        _("Content published"),
        COUNT,
        lambda p: _get(p, "content.published"),
        url_name="content_calendar",
        note=_of_planned("content.planned", COUNT),
    ),
    KpiDefinition(
        "budget_spent",
        "budget",
        _("Budget spent"),
        EUR,
        lambda p: _get(p, "budget.spent"),
        better="",
        url_name="budget_month",
        note=_of_planned("budget.planned", EUR),
    ),
]


@dataclass
class Comparison:
    label: str
    text: str
    delta: str
    trend: str  # "better", "worse" or ""


@dataclass
class Kpi:
    key: str
    label: str
    text: str
    note: str
    url_name: str
    comparisons: list[Comparison] = field(default_factory=list)


def _trend(current, other, better: str) -> str:
    if current is None or other is None or not better or current == other:
        return ""
    went_up = Decimal(str(current)) > Decimal(str(other))
    return "better" if went_up == (better == UP) else "worse"


def month_label(month: Month | date) -> str:
    return date_format(month.first if isinstance(month, Month) else month, "YEAR_MONTH_FORMAT")


def short_month_label(month: Month) -> str:
    return date_format(month.first, "M Y")


BASELINE = "baseline"  # the key of the audit baseline's figures in a snapshot's periods


def baseline_label() -> str:
    return str(_("Audit baseline"))


def kpis(snapshot: dict) -> list[Kpi]:
    """The key figures of the month with the month before and the same month a year earlier, or
    with the audit baseline alone when the snapshot carries one (see reports.baseline)."""
    month = Month.parse(snapshot["month"])
    periods = snapshot["periods"]
    current = periods["month"]
    if BASELINE in periods:
        others = [(baseline_label(), periods[BASELINE])]
    else:
        others = [
            (short_month_label(month.previous), periods.get("previous")),
            (short_month_label(month.year_before), periods.get("year_before")),
        ]
    result = []
    for definition in KPIS:
        if definition.source not in current:
            continue  # not visible to this member
        value = definition.value(current)
        comparisons = []
        for label, period in others:
            other = definition.value(period) if period is not None else None
            comparisons.append(
                Comparison(
                    label=label,
                    text=format_value(other, definition.unit),
                    delta=format_delta(value, other, definition.unit),
                    trend=_trend(value, other, definition.better),
                )
            )
        result.append(
            Kpi(
                key=definition.key,
                label=str(definition.label),
                text=format_value(value, definition.unit),
                note=definition.note(current) if definition.note else "",
                url_name=definition.url_name,
                comparisons=comparisons,
            )
        )
    return result


# --- charts: Chart.js configurations as plain data, and the same numbers as tables -------------


@dataclass
class Chart:
    dom_id: str
    title: str
    config: dict  # read by static/reports/dashboard.js
    columns: list[str]
    rows: list[list[str]]  # the first cell heads the row
    empty: bool = False

    @property
    def data_id(self) -> str:
        return f"{self.dom_id}-data"


def enquiries_chart(snapshot: dict) -> Chart | None:
    series = snapshot.get("series", {}).get("enquiries_by_month")
    if series is None:
        return None
    kinds = [
        (key, label, colour) for key, label, colour in INBOX_KINDS if key != "other" or any(m["other"] for m in series)
    ]
    labels = [short_month_label(Month.parse(m["month"])) for m in series]
    datasets = [
        {"label": str(label), "data": [m[key] for m in series], "color": colour} for key, label, colour in kinds
    ]
    return Chart(
        dom_id="chart-enquiries",
        title=str(_("Enquiries per channel, last 12 months")),
        config={"type": "bar", "stacked": True, "labels": labels, "datasets": datasets, "format": COUNT},
        columns=[str(_("Month")), *[str(label) for _key, label, _colour in kinds], str(_("Total"))],
        rows=[
            [
                label,
                *[format_value(m[key]) for key, _l, _c in kinds],
                format_value(sum(m[key] for key, _l, _c in kinds)),
            ]
            for label, m in zip(labels, series, strict=True)
        ],
        empty=not any(m[key] for m in series for key, _l, _c in kinds),
    )


def content_chart(snapshot: dict) -> Chart | None:
    content = snapshot["periods"]["month"].get("content")
    if content is None:
        return None
    channels = content["by_channel"]
    baseline = _baseline_rows(snapshot, "content", "name", channels)
    if baseline is not None:
        channels = channels + [{"name": name, "planned": 0, "published": 0} for name in baseline["missing"]]
    labels = [c["name"] for c in channels]
    datasets = [
        {"label": str(PLANNED_ITEMS), "data": [c["planned"] for c in channels], "color": PLANNED_COLOUR},
        {"label": str(PUBLISHED_ITEMS), "data": [c["published"] for c in channels], "color": DONE_COLOUR},
    ]
    columns = [str(_("Channel")), str(PLANNED_ITEMS), str(PUBLISHED_ITEMS)]
    rows = [[c["name"], format_value(c["planned"]), format_value(c["published"])] for c in channels]
    if baseline is not None:
        values = [baseline["by_key"].get(c["name"], {}).get("published", 0) for c in channels]
        datasets.append(
            {"label": str(BASELINE_PUBLISHED), "data": [float(v) for v in values], "color": BASELINE_COLOUR}
        )
        columns.append(str(BASELINE_PUBLISHED))
        rows = [[*row, format_value(v)] for row, v in zip(rows, values, strict=True)]
    return Chart(
        dom_id="chart-content",
        title=str(_("Content published vs planned, per channel")),
        config={"type": "bar", "horizontal": True, "labels": labels, "datasets": datasets, "format": COUNT},
        columns=columns,
        rows=rows,
        empty=not channels,
    )


def _baseline_rows(snapshot: dict, source: str, key: str, channels: list[dict]) -> dict | None:
    """The baseline's rows of `source` by channel (`key`), and the channels it had that the month
    has not; None without a baseline to compare with."""
    periods = snapshot["periods"]
    if BASELINE not in periods:
        return None
    rows = _get(periods[BASELINE], f"{source}.by_channel") or []
    by_key = {row[key]: row for row in rows}
    present = {c[key] for c in channels}
    return {"by_key": by_key, "missing": [k for k in by_key if k not in present]}


def budget_chart(snapshot: dict) -> Chart | None:
    budget = snapshot["periods"]["month"].get("budget")
    if budget is None:
        return None
    channels = budget["by_channel"]
    baseline = _baseline_rows(snapshot, "budget", "channel", channels)
    if baseline is not None:
        channels = channels + [
            {"channel": key, "planned": "0.00", "spent": "0.00", "pending": "0.00"} for key in baseline["missing"]
        ]
    labels = [str(BudgetChannel(c["channel"]).label) for c in channels]
    datasets = [
        {"label": str(_("Planned")), "data": [float(c["planned"]) for c in channels], "color": PLANNED_COLOUR},
        {"label": str(_("Spent")), "data": [float(c["spent"]) for c in channels], "color": DONE_COLOUR},
    ]
    columns = [str(_("Channel")), str(_("Planned")), str(_("Spent")), str(_("Waiting for approval"))]
    rows = [
        [label, format_value(c["planned"], EUR), format_value(c["spent"], EUR), format_value(c["pending"], EUR)]
        for label, c in zip(labels, channels, strict=True)
    ]
    if baseline is not None:
        values = [baseline["by_key"].get(c["channel"], {}).get("spent", "0.00") for c in channels]
        datasets.append({"label": str(BASELINE_SPENT), "data": [float(v) for v in values], "color": BASELINE_COLOUR})
        columns.append(str(BASELINE_SPENT))
        rows = [[*row, format_value(v, EUR)] for row, v in zip(rows, values, strict=True)]
    return Chart(
        dom_id="chart-budget",
        title=str(_("Budget spent vs planned, per channel")),
        config={"type": "bar", "horizontal": True, "labels": labels, "datasets": datasets, "format": EUR},
        columns=columns,
        rows=rows,
        empty=not channels,
    )


def enquiries_by_channel(snapshot: dict) -> list[dict]:
    """This month's enquiries per intake channel with the two comparison months, as text."""
    periods = snapshot["periods"]
    names = ("month", BASELINE) if BASELINE in periods else ("month", "previous", "year_before")
    rows = []
    for key, label, _colour in INBOX_KINDS:
        values = [_get(periods.get(name), f"inbox.by_channel.{key}") for name in names]
        if key == "other" and not any(values):
            continue
        rows.append({"key": key, "label": str(label), "values": [format_value(v) for v in values]})
    return rows


def other_sources(snapshot: dict) -> list[dict]:
    """Sources without a card of their own (the newsletter, the training…) with their labelled numbers.

    The training's card is always listed: while there is nothing to show it says where the
    figures will come from (never a made-up number).
    """
    own_cards = {"inbox", "content", "budget", "plan"}
    current = snapshot["periods"]["month"]
    cards = []
    for source in SOURCES:
        if source.key in own_cards or source.key not in current:
            continue
        figures = current[source.key]
        shows = source.shows(figures)
        if not shows and source.key != "training":
            continue
        rows = [
            {"label": str(label), "text": _source_value(figures, key, source.units.get(key, COUNT))}
            for key, label in source.labels.items()
            if shows and key in figures
        ]
        cards.append({"key": source.key, "title": str(source.title), "has_data": shows, "rows": rows})
    return cards


def _source_value(figures: dict, key: str, unit: str) -> str:
    """The figure as text; a count of things ready (`items_ready`) comes with its whole ("3 of 6")."""
    text = format_value(figures.get(key), unit)
    total = figures.get(key.replace("_ready", "_total")) if key.endswith("_ready") else None
    return _("%(part)s of %(total)s") % {"part": text, "total": format_value(total)} if total else text


def plan_summary(snapshot: dict) -> dict | None:
    """The engagement section with its dates as dates, for the template."""
    plan = snapshot["periods"]["month"].get("plan")
    if plan is None:
        return None
    return {
        **plan,
        "as_of": date.fromisoformat(plan["as_of"]),
        "next_milestones": [{**m, "due_on": date.fromisoformat(m["due_on"])} for m in plan["next_milestones"]],
    }
