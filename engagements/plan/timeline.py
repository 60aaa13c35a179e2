"""The engagement timeline as plain numbers for a server-rendered SVG.

Server-rendered so that the same picture works on the page, in emails and in PDF reports.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from django.utils.formats import date_format

LABEL_WIDTH = 230
PLOT_WIDTH = 720
ROW_HEIGHT = 38
HEADER_HEIGHT = 30
BAR_HEIGHT = 20


@dataclass
class Marker:
    x: float
    y: float
    title: str
    due_on: date
    done: bool
    overdue: bool


@dataclass
class Row:
    label: str
    y: float
    bar_y: float
    bar_x: float
    bar_width: float
    current: bool
    done: bool
    markers: list[Marker] = field(default_factory=list)


@dataclass
class Timeline:
    width: int
    height: int
    label_width: int
    months: list[dict]
    rows: list[Row]
    today_x: float | None
    today_label: str


def build_timeline(engagement, phases, today: date) -> Timeline:
    """Bars for `phases` (with their milestones prefetched) over the engagement's months."""
    first_day = min([engagement.starts_on, *[p.planned_start for p in phases]])
    last_day = max([engagement.planned_end_on, *[p.planned_end for p in phases]])
    start = first_day.replace(day=1)
    end = (last_day.replace(day=1) + relativedelta(months=1)) - timedelta(days=1)
    total_days = (end - start).days + 1

    def x_of(day: date) -> float:
        return round(LABEL_WIDTH + (day - start).days * PLOT_WIDTH / total_days, 1)

    months = []
    cursor = start
    while cursor <= end:
        next_month = cursor + relativedelta(months=1)
        months.append(
            {
                "x": x_of(cursor),
                "width": round(x_of(min(next_month, end + timedelta(days=1))) - x_of(cursor), 1),
                "label": date_format(cursor, "M y"),
            }
        )
        cursor = next_month

    rows = []
    for index, phase in enumerate(phases):
        y = HEADER_HEIGHT + index * ROW_HEIGHT
        bar_start = phase.actual_start or phase.planned_start
        bar_end = phase.actual_end or phase.planned_end
        row = Row(
            label=phase.name,
            y=y,
            bar_y=y + (ROW_HEIGHT - BAR_HEIGHT) / 2,
            bar_x=x_of(bar_start),
            bar_width=max(2.0, round(x_of(bar_end + timedelta(days=1)) - x_of(bar_start), 1)),
            current=phase.is_current(today),
            done=phase.actual_end is not None and phase.actual_end <= today,
        )
        for milestone in phase.milestones.all():
            row.markers.append(
                Marker(
                    x=x_of(milestone.due_on) + PLOT_WIDTH / total_days / 2,
                    y=y + ROW_HEIGHT / 2,
                    title=milestone.title,
                    due_on=milestone.due_on,
                    done=milestone.done_on is not None,
                    overdue=milestone.is_overdue(today),
                )
            )
        rows.append(row)

    today_x = x_of(today) if start <= today <= end else None
    return Timeline(
        width=LABEL_WIDTH + PLOT_WIDTH + 10,
        height=HEADER_HEIGHT + len(rows) * ROW_HEIGHT + 10,
        label_width=LABEL_WIDTH,
        months=months,
        rows=rows,
        today_x=today_x,
        today_label=date_format(today, "SHORT_DATE_FORMAT"),
    )
