"""Geometry of the server-side "spent vs planned" bar chart (inline SVG, no JavaScript).

Coordinates are computed with Decimal and handed to the template as plain strings, so
that the Italian decimal comma never ends up inside an SVG attribute.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from engagements.budgets.selectors import MonthFigures

WIDTH = 300
HEIGHT = 160
TOP = 8
BASELINE = 134
LABEL_Y = 152
BAR_WIDTH = 9
BAR_GAP = 2
STEP = Decimal("0.1")


@dataclass(frozen=True)
class Bar:
    x: str
    y: str
    height: str
    width: str


@dataclass(frozen=True)
class MonthBars:
    figures: MonthFigures
    planned: Bar
    spent: Bar
    label_x: str
    is_current: bool


def _coordinate(value: Decimal) -> str:
    return str(value.quantize(STEP, rounding=ROUND_HALF_UP))


def _bar(x: Decimal, value: Decimal, scale: Decimal) -> Bar:
    height = value * scale
    if value > 0 and height < 1:
        height = Decimal(1)  # a tiny spend stays visible
    return Bar(
        x=_coordinate(x),
        y=_coordinate(Decimal(BASELINE) - height),
        height=_coordinate(height),
        width=str(BAR_WIDTH),
    )


def month_bars(months: list[MonthFigures], current) -> dict:
    """Two bars per month (planned, spent), scaled to the largest figure of the range."""
    slot = Decimal(WIDTH) / len(months)
    largest = max((max(m.planned, m.spent) for m in months), default=Decimal(0))
    scale = Decimal(BASELINE - TOP) / largest if largest > 0 else Decimal(0)
    bars = []
    for index, figures in enumerate(months):
        left = slot * index + (slot - 2 * BAR_WIDTH - BAR_GAP) / 2
        bars.append(
            MonthBars(
                figures=figures,
                planned=_bar(left, figures.planned, scale),
                spent=_bar(left + BAR_WIDTH + BAR_GAP, figures.spent, scale),
                label_x=_coordinate(slot * index + slot / 2),
                is_current=figures.month == current,
            )
        )
    return {
        "bars": bars,
        "width": WIDTH,
        "height": HEIGHT,
        "baseline": BASELINE,
        "label_y": LABEL_Y,
        "largest": largest,
        "empty": largest == 0,
    }
