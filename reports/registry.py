"""Where the figures come from: one metrics module per app, listed once.

Every source is a module with a function

    figures(company, start: date, end: date) -> dict | None

computing the app's figures in SQL for the days from `start` to `end` (both included, in the
company's time zone). The answer is JSON-ready — counts as int, money as a string with two
decimals ("1234.50"), durations as whole seconds, dates as ISO strings, no floats — so that a
monthly report can freeze it as it is. None means the app had no data by the end of the period
(the dashboard shows "—", never a made-up 0).

An app joins by getting its line here. A module that does not exist yet (the newsletter's and
the training's, while they are being built) is skipped: its section is None and its card says
so. A module that exists but fails to import is an error, not a silent gap.
"""

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from types import ModuleType

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from engagements.models import Company


@dataclass(frozen=True)
class Source:
    key: str
    module: str
    title: str | Promise
    # Who may see this section on a dashboard (engagements.roles.PERMISSIONS).
    permission: str
    # Whether the month is compared with the month before and the same month a year earlier.
    compared: bool = True
    # Labels and units ("count", "percent", "eur", "seconds") of the top-level numbers, for a
    # source without a card of its own on the dashboard: its numbers are listed with these.
    labels: dict[str, str | Promise] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    # For a source that answers a dict even without data (e.g. {"has_plan": False, ...}): whether
    # its answer has something to show. Default: any answer that is not None.
    has_data: Callable[[dict], bool] | None = None

    def shows(self, figures: dict | None) -> bool:
        return figures is not None and (self.has_data is None or bool(self.has_data(figures)))


SOURCES: list[Source] = [
    Source("inbox", "inbox.metrics", _("Enquiries"), "inbox.view"),
    Source("content", "contentdesk.metrics", _("Content"), "content.view"),
    Source("budget", "engagements.budgets.metrics", _("Budget"), "budget.view"),
    Source("plan", "engagements.plan.metrics", _("Engagement"), "engagement.view", compared=False),
    Source(
        "newsletter",
        "contentdesk.newsletter.metrics",
        _("Newsletter"),
        "newsletter.view",
        compared=False,
        labels={
            "sends": _("Newsletters sent"),
            "sent": _("Emails sent"),
            "unique_clicks": _("People who clicked a link"),
            "clicks": _("Clicks"),
            "replies": _("Replies"),
            "unsubscribed": _("Unsubscribed"),
            "bounced": _("Undeliverable"),
        },
        has_data=lambda figures: any(figures.values()),
    ),
    Source(
        "training",
        "training.metrics",
        _("Trainee readiness"),
        "training.view",
        compared=False,
        labels={
            "readiness_overall": _("Overall readiness"),
            "items_ready": _("Responsibilities ready to hand over"),
            "modules_completed": _("Modules completed in the month"),
            "assignments_done": _("Assignments done in the month"),
            "competencies_signed_off": _("Competencies signed off in the month"),
        },
        units={"readiness_overall": "percent"},
        has_data=lambda figures: figures.get("has_plan", True),
    ),
]


def load(source: Source) -> ModuleType | None:
    """The source's module, or None while it does not exist."""
    try:
        spec = importlib.util.find_spec(source.module)
    except ModuleNotFoundError:  # the parent package itself is missing
        return None
    return importlib.import_module(source.module) if spec is not None else None


def sources_for(membership, *, compared_only: bool = False) -> list[Source]:
    return [
        source
        for source in SOURCES
        if (membership is None or membership.can(source.permission)) and (source.compared or not compared_only)
    ]


def collect(company: Company, start: date, end: date, sources: list[Source] | None = None) -> dict:
    """{source key: figures or None} for `sources` (default: all of them)."""
    result = {}
    for source in SOURCES if sources is None else sources:
        module = load(source)
        result[source.key] = module.figures(company, start, end) if module is not None else None
    return result
