"""Geometry of the server-rendered SVG bar chart (horizontal, grouped by area).

The template `readiness/_bar_chart.svg.html` draws what `bar_chart` computes; no JavaScript,
so the same chart can later go into the PDF monthly report.
"""

from dataclasses import dataclass

WIDTH = 400
LABEL_HEIGHT = 21  # the area's name above its bars
BAR_HEIGHT = 16
BAR_GAP = 4
ROW_GAP = 14
VALUE_SPACE = 48  # room right of the longest bar for "100%"
AXIS_HEIGHT = 22
PLOT_WIDTH = WIDTH - VALUE_SPACE

# Colours with at least 3:1 contrast on white (WCAG non-text contrast).
SERIES_FILLS = ("#8a94a0", "#0b6e4f")
SINGLE_FILL = "#0b6e4f"


@dataclass(frozen=True)
class Series:
    name: str
    values: list  # int 0–100 or None, one per label
    fill: str


def bar_chart(labels: list, series: list[Series]) -> dict:
    rows = []
    y = 0
    for index, label in enumerate(labels):
        bars = []
        label_y = y + LABEL_HEIGHT - 6
        bar_y = y + LABEL_HEIGHT
        for s in series:
            value = s.values[index]
            width = 0 if value is None else round(PLOT_WIDTH * value / 100, 1)
            bars.append(
                {
                    "series": s.name,
                    "fill": s.fill,
                    "x": 0,
                    "y": bar_y,
                    "width": max(width, 1 if value is not None else 0),
                    "height": BAR_HEIGHT,
                    "value": value,
                    "text_x": width + 5,
                    "text_y": bar_y + BAR_HEIGHT - 4,
                }
            )
            bar_y += BAR_HEIGHT + BAR_GAP
        rows.append({"label": label, "label_y": label_y, "bars": bars})
        y = bar_y - BAR_GAP + ROW_GAP
    plot_height = y
    ticks = [
        {
            "x": round(PLOT_WIDTH * p / 100, 1),
            "label": p,
            "anchor": "start" if p == 0 else ("end" if p == 100 else "middle"),
        }
        for p in (0, 25, 50, 75, 100)
    ]
    return {
        "width": WIDTH,
        "height": plot_height + AXIS_HEIGHT,
        "plot_height": plot_height,
        "axis_y": plot_height + AXIS_HEIGHT - 6,
        "rows": rows,
        "ticks": ticks,
        "series": series,
    }
