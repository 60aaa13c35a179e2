"""The audit baseline: the figures and the channel inventory as the audit found them, frozen once.

Choice of period: the baseline's figures are those of the audit phase itself, from its start to
its end (the actual dates when the consultant recorded them, else the planned ones), computed by
the same registry as the dashboard and the monthly reports (`reports.registry.collect`), so they
have the same shape. When the consultant freezes before the audit's end, the period stops at the
freezing day: the figures never cover days still to come.

The dashboard compares a month with the baseline *per month*: the audit lasts about a month (13%
of a 6–8 month engagement); when it lasted longer, its counts and amounts are divided by its
length in months (days ÷ 30.4375, to one decimal) and the page says so. Medians and shares are
not divided (they are not sums). Budget plans count whole months, as in the budget's own figures.

The inventory is what the company had set up on the freezing day: content channels, intake
channels, IMAP mailboxes, mention feeds, newsletter lists with their subscribers, the budget
planned per channel in the audit's months, and the cadences. `inventory_diff` compares it with
today's inventory, taken the same way.
"""

import logging
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from contentdesk.calendar.rules import describe_rule
from contentdesk.models import Cadence, ChannelKind, ContentChannel
from contentdesk.newsletter.models import NewsletterList, Subscription
from engagements.budgets.models import BudgetLine
from engagements.budgets.models import Channel as BudgetChannel
from engagements.budgets.services import money
from engagements.models import Company
from engagements.plan.models import Engagement, Phase
from inbox.email_in.models import Mailbox
from inbox.mentions.models import MentionFeed
from inbox.models import IntakeChannel
from reports.models import AuditBaseline
from reports.registry import collect, sources_for

logger = logging.getLogger(__name__)

INVENTORY_VERSION = 1
DAYS_PER_MONTH = Decimal("30.4375")  # 365.25 / 12
TENTH, CENT = Decimal("0.1"), Decimal("0.01")
# Sources whose figures are a state, not sums over the period: never divided.
NOT_ADDITIVE_SOURCES = {"plan", "training"}
NOT_ADDITIVE_KEYS = {"median_seconds", "channel_id"}
MONEY_KEYS = {"planned", "spent", "pending"}


# --- the audit phase ---------------------------------------------------------------------------


def audit_phase(engagement: Engagement) -> Phase | None:
    return Phase.objects.filter(engagement=engagement, kind=Phase.Kind.AUDIT).order_by("order", "pk").first()


def audit_span(phase: Phase) -> tuple[date, date]:
    """The audit's first and last day: the actual dates when recorded, else the planned ones."""
    return phase.actual_start or phase.planned_start, phase.actual_end or phase.planned_end


def company_day(company: Company, now: datetime) -> date:
    return timezone.localtime(now, company.tzinfo).date()


def audit_has_ended(phase: Phase, today: date) -> bool:
    """Whether the audit's last day is over on `today` (a date in the company's time zone)."""
    return audit_span(phase)[1] < today


def audit_has_started(phase: Phase, today: date) -> bool:
    return audit_span(phase)[0] <= today


# --- the inventory -----------------------------------------------------------------------------


def channel_inventory(company: Company, start: date, end: date) -> dict:
    """What the company has set up now, with the budget planned per month in the months of
    `start`–`end` (their average when more than one).

    Seven queries, whatever the number of channels.
    """
    subscribed = Count("subscriptions", filter=Q(subscriptions__status=Subscription.Status.SUBSCRIBED))
    # The budget is planned per month: a period over two months shows the average month's plan.
    budget_months = (end.year * 12 + end.month) - (start.year * 12 + start.month) + 1
    return {
        "version": INVENTORY_VERSION,
        "content_channels": [
            {"kind": row["kind"], "name": row["name"], "active": row["is_active"]}
            for row in ContentChannel.objects.for_company(company).order_by("name").values("kind", "name", "is_active")
        ],
        "intake_channels": [
            {"kind": row["kind"], "name": row["name"], "address": row["address"], "active": row["is_active"]}
            for row in IntakeChannel.objects.for_company(company)
            .order_by("kind", "name")
            .values("kind", "name", "address", "is_active")
        ],
        "mailboxes": [
            {
                "address": f"{row['username']}@{row['host']}/{row['folder']}",
                "channel": row["channel__name"],
                "active": row["is_active"],
            }
            for row in Mailbox.objects.for_company(company)
            .order_by("host", "username")
            .values("username", "host", "folder", "channel__name", "is_active")
        ],
        "mention_feeds": [
            {"name": row["name"], "url": row["url"], "active": row["is_active"]}
            for row in MentionFeed.objects.for_company(company).order_by("name").values("name", "url", "is_active")
        ],
        "newsletter_lists": [
            {"name": row["name"], "subscribers": row["subscribers"]}
            for row in NewsletterList.objects.for_company(company)
            .order_by("name")
            .annotate(subscribers=subscribed)
            .values("name", "subscribers")
        ],
        "budget_lines": [
            {"channel": row["channel"], "planned": str((row["planned"] / budget_months).quantize(CENT))}
            for row in BudgetLine.objects.for_company(company)
            .between_months(start, end)
            .planned_by_channel()
            .order_by("channel")
        ],
        "cadences": [
            {
                "channel": row["channel__name"],
                "label": row["label"],
                "rule": row["rule"],
                "time": row["time_of_day"].strftime("%H:%M"),
                "active": row["is_active"],
            }
            for row in Cadence.objects.for_company(company)
            .order_by("channel__name", "time_of_day", "pk")
            .values("channel__name", "label", "rule", "time_of_day", "is_active")
        ],
    }


@dataclass(frozen=True)
class Section:
    key: str
    title: object  # lazy text
    identity: callable  # the item's identity across inventories
    label: callable  # the item in words


def _choice_label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def _named(name: str, choices, kind: str) -> str:
    """“LinkedIn aziendale (LinkedIn)”, but “Instagram” alone when the name says the kind."""
    label = _choice_label(choices, kind)
    return name if name.casefold() == label.casefold() else f"{name} ({label})"


def _cadence_label(item) -> str:
    when = describe_rule(item["rule"], datetime.strptime(item["time"], "%H:%M").time())
    return f"{item['channel']}: {when}" + (f" ({item['label']})" if item["label"] else "")


SECTIONS = [
    Section(
        "content_channels",
        gettext_lazy("Content channels"),
        lambda i: (i["kind"], i["name"].casefold()),
        lambda i: _named(i["name"], ChannelKind, i["kind"]),
    ),
    Section(
        "intake_channels",
        gettext_lazy("Intake channels"),
        lambda i: (i["kind"], i["name"].casefold()),
        lambda i: _named(i["name"], IntakeChannel.Kind, i["kind"]),
    ),
    Section(
        "mailboxes",
        gettext_lazy("IMAP mailboxes"),
        lambda i: i["address"].casefold(),
        lambda i: f"{i['address']} → {i['channel']}",
    ),
    Section("mention_feeds", gettext_lazy("Mention feeds"), lambda i: i["url"], lambda i: i["name"]),
    Section("newsletter_lists", gettext_lazy("Newsletter lists"), lambda i: i["name"].casefold(), lambda i: i["name"]),
    Section(
        "budget_lines",
        gettext_lazy("Monthly budget planned per channel"),
        lambda i: i["channel"],
        lambda i: _choice_label(BudgetChannel, i["channel"]),
    ),
    Section(
        "cadences",
        gettext_lazy("Cadences"),
        lambda i: (i["channel"].casefold(), i["rule"], i["time"]),
        _cadence_label,
    ),
]


def _detail(section: str, item: dict) -> str:
    """What to say of an item besides its name: its subscribers, its amount, that it is inactive."""
    if section == "newsletter_lists":
        return _("%(count)s subscribed") % {"count": item["subscribers"]}
    if section == "budget_lines":
        return money(Decimal(item["planned"]))
    if "active" in item and not item["active"]:
        return _("inactive")
    return ""


def inventory_sections(inventory: dict) -> list[dict]:
    """The inventory as sections of labelled items, for a page."""
    return [
        {
            "key": section.key,
            "title": str(section.title),
            "items": [
                {"label": section.label(item), "detail": _detail(section.key, item)}
                for item in inventory.get(section.key, [])
            ],
        }
        for section in SECTIONS
    ]


@dataclass
class SectionDiff:
    key: str
    title: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.removed or self.changed)


def _change(section: str, before: dict, now: dict) -> str:
    if section == "newsletter_lists" and before["subscribers"] != now["subscribers"]:
        return _("subscribed: %(before)s → %(now)s") % {"before": before["subscribers"], "now": now["subscribers"]}
    if section == "budget_lines" and Decimal(before["planned"]) != Decimal(now["planned"]):
        return _("planned: %(before)s → %(now)s") % {
            "before": money(Decimal(before["planned"])),
            "now": money(Decimal(now["planned"])),
        }
    if before.get("active") != now.get("active"):
        return _("active again") if now.get("active") else _("now inactive")
    return ""


def inventory_diff(before: dict, now: dict) -> list[SectionDiff]:
    """Per section: what is there now and was not (added), what was and is gone (removed), and
    what changed (active or not, subscribers, planned budget)."""
    result = []
    for section in SECTIONS:
        old = {section.identity(item): item for item in before.get(section.key, [])}
        new = {section.identity(item): item for item in now.get(section.key, [])}
        diff = SectionDiff(key=section.key, title=str(section.title))
        diff.added = [section.label(item) for key, item in new.items() if key not in old]
        diff.removed = [section.label(item) for key, item in old.items() if key not in new]
        for key, item in new.items():
            if key in old and (change := _change(section.key, old[key], item)):
                diff.changed.append(f"{section.label(item)}: {change}")
        result.append(diff)
    return result


# --- per month ---------------------------------------------------------------------------------


def months_in(days: int) -> Decimal:
    """The length of `days` in months, to one decimal, at least 1."""
    return max(Decimal(1), (Decimal(days) / DAYS_PER_MONTH).quantize(TENTH, rounding=ROUND_HALF_UP))


def _divide_count(value: int, months: Decimal):
    quotient = (Decimal(value) / months).quantize(TENTH, rounding=ROUND_HALF_UP)
    return int(quotient) if quotient == quotient.to_integral_value() else quotient


def _per_month(value, months: Decimal, key: str, source: str):
    if isinstance(value, dict):
        return {k: _per_month(v, months, k, source) for k, v in value.items()}
    if isinstance(value, list):
        return [_per_month(v, months, key, source) for v in value]
    if key in NOT_ADDITIVE_KEYS or isinstance(value, bool):
        return value
    if isinstance(value, int):
        return _divide_count(value, months)
    if isinstance(value, str) and source == "budget" and key in MONEY_KEYS:
        return str((Decimal(value) / months).quantize(CENT, rounding=ROUND_HALF_UP))
    return value


def per_month(figures: dict, months: Decimal) -> dict:
    """The baseline's figures per month: counts (one decimal) and amounts divided by `months`."""
    if months <= 1:
        return figures
    return {
        source: (
            section
            if section is None or source in NOT_ADDITIVE_SOURCES
            else _per_month(section, months, source, source)
        )
        for source, section in figures.items()
    }


# --- freezing ----------------------------------------------------------------------------------


class BaselineNotDue(Exception):
    """The engagement has no audit phase, or its audit has not started yet."""


def audit_baseline_freeze(*, engagement: Engagement, now: datetime) -> tuple[AuditBaseline, bool]:
    """The engagement's baseline, frozen now if it does not exist yet: (baseline, created).

    Idempotent: a second call, or two at once, find the first one's row (one per engagement, a
    unique constraint) and change nothing. Raises BaselineNotDue without an audit phase, or
    before the audit has started.
    """
    existing = AuditBaseline.objects.filter(engagement=engagement).first()
    if existing is not None:
        return existing, False
    company = engagement.company
    phase = audit_phase(engagement)
    today = company_day(company, now)
    if phase is None or not audit_has_started(phase, today):
        raise BaselineNotDue
    start, end = audit_span(phase)
    end = min(end, today)
    baseline = AuditBaseline(
        company=company,
        engagement=engagement,
        frozen_at=now,
        period_start=start,
        period_end=end,
        figures=collect(company, start, end),
        inventory=channel_inventory(company, start, end),
    )
    try:
        with transaction.atomic():
            baseline.save()
    except IntegrityError:
        # Another worker froze it meanwhile: theirs stands.
        return AuditBaseline.objects.get(engagement=engagement), False
    return baseline, True


def engagements_due_for_baseline(now: datetime) -> list[Engagement]:
    """Engagements of active companies whose audit has ended, in the company's time zone, without
    a baseline. Two queries."""
    phases = (
        Phase.objects.filter(
            kind=Phase.Kind.AUDIT,
            engagement__company__is_active=True,
        )
        .exclude(engagement__audit_baselines__isnull=False)
        .select_related("engagement__company")
        .order_by("engagement_id", "order", "pk")
    )
    due, seen = [], set()
    for phase in phases:
        engagement = phase.engagement
        if engagement.pk in seen:
            continue  # the first audit phase of the engagement decides
        seen.add(engagement.pk)
        if audit_has_ended(phase, company_day(engagement.company, now)):
            due.append(engagement)
    return due


def latest_baseline(company: Company) -> AuditBaseline | None:
    return AuditBaseline.objects.for_company(company).latest_first().first()


def latest_baseline_exists(company: Company) -> bool:
    return AuditBaseline.objects.for_company(company).exists()


def baseline_figures(baseline: AuditBaseline, membership=None) -> dict:
    """The baseline's figures per month, of the sources `membership` may see (None: all)."""
    visible = {source.key for source in sources_for(membership)}
    figures = {key: value for key, value in baseline.figures.items() if key in visible}
    return per_month(figures, months_in(baseline.days))
