"""Bar charts drawn on the server as inline SVG, for the report page and its PDF (no JavaScript).

They read the same chart configuration the dashboard hands to Chart.js (`reports.dashboard.Chart`),
so the report shows the same numbers; every bar carries its value as text, and a legend names
the series. Sizes are in a viewBox: the chart scales to the width of its container.
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from reports.formatting import format_value

WIDTH = 640
FONT = 'font-family="sans-serif" font-size="12"'
LEGEND_HEIGHT = 24


def _short(label: str, length: int = 24) -> str:
    return label if len(label) <= length else label[: length - 1].rstrip() + "…"


def _legend(datasets: list[dict], y: int) -> list[str]:
    parts, x = [], 0
    for dataset in datasets:
        label = escape(dataset["label"])
        parts.append(f'<rect x="{x}" y="{y}" width="12" height="12" fill="{escape(dataset["color"])}"/>')
        parts.append(f'<text x="{x + 16}" y="{y + 10}" {FONT}>{label}</text>')
        x += 28 + 7 * len(dataset["label"])
    return parts


def _svg(height: int, title: str, parts: list[str]) -> SafeString:
    body = "".join(parts)
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'role="img" aria-label="{escape(title)}" class="report-chart"><title>{escape(title)}</title>{body}</svg>'
    )


def horizontal_bars(config: dict, title: str) -> SafeString:
    """One group of bars per label (a channel), one bar per dataset (planned, done), value at the end."""
    labels, datasets, unit = config["labels"], config["datasets"], config.get("format", "count")
    label_width, bar, gap = 170, 14, 10
    top = LEGEND_HEIGHT
    plot = WIDTH - label_width - 90
    largest = max([v for d in datasets for v in d["data"]] + [0]) or 1
    parts = _legend(datasets, 0)
    y = top
    for index, label in enumerate(labels):
        group = bar * len(datasets)
        parts.append(
            f'<text x="{label_width - 8}" y="{y + group / 2 + 4}" text-anchor="end" {FONT}>{escape(_short(label))}</text>'
        )
        for dataset in datasets:
            value = dataset["data"][index]
            width = round(plot * value / largest, 1)
            parts.append(
                f'<rect x="{label_width}" y="{y}" width="{width}" height="{bar - 2}" fill="{escape(dataset["color"])}"/>'
            )
            parts.append(
                f'<text x="{label_width + width + 4}" y="{y + bar - 4}" {FONT}>{escape(format_value(value, unit))}</text>'
            )
            y += bar
        y += gap
    return _svg(y, title, parts)


def stacked_columns(config: dict, title: str) -> SafeString:
    """One column per label (a month), its datasets stacked, the total above it."""
    labels, datasets, unit = config["labels"], config["datasets"], config.get("format", "count")
    plot_top, plot_height, axis = LEGEND_HEIGHT + 16, 180, 30
    totals = [sum(d["data"][i] for d in datasets) for i in range(len(labels))]
    largest = max([*totals, 0]) or 1
    slot = WIDTH / max(len(labels), 1)
    column = slot * 0.6
    parts = _legend(datasets, 0)
    base = plot_top + plot_height
    parts.append(f'<line x1="0" y1="{base}" x2="{WIDTH}" y2="{base}" stroke="#adb5bd"/>')
    for index, label in enumerate(labels):
        x = round(index * slot + (slot - column) / 2, 1)
        y = base
        for dataset in datasets:
            height = round(plot_height * dataset["data"][index] / largest, 1)
            if height:
                y -= height
                parts.append(
                    f'<rect x="{x}" y="{y}" width="{round(column, 1)}" height="{height}" '
                    f'fill="{escape(dataset["color"])}"/>'
                )
        middle = round(x + column / 2, 1)
        total = escape(format_value(totals[index], unit))
        parts.append(f'<text x="{middle}" y="{y - 4}" text-anchor="middle" {FONT}>{total}</text>')
        parts.append(
            f'<text x="{middle}" y="{base + 16}" text-anchor="middle" font-family="sans-serif" '
            f'font-size="10">{escape(label)}</text>'
        )
    return _svg(base + axis, title, parts)


def chart_svg(chart) -> SafeString:
    """The SVG of a `reports.dashboard.Chart`."""
    if chart.config.get("horizontal"):
        return horizontal_bars(chart.config, chart.title)
    return stacked_columns(chart.config, chart.title)
