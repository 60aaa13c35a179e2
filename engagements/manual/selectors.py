"""Everything the operations manual shows, gathered in a fixed number of queries.

The manual is generated from what is configured in Staffetta, so that the knowledge stays in
the company when the consultant leaves: company profile, business hours, response targets,
intake channels and mailboxes, routing rules, canned replies, content channels and cadences,
newsletter lists, budget rules, and the handover board. Each rule shows its “why” and its
owner; `gaps` lists the rules that lack one or the other.

Queries (independent of the number of rules): members, business hours, intake channels with
their mailbox, routing rules, canned replies, content channels, their cadences (one prefetch),
newsletter lists with their counts, budget rules, handover items — ten in all.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from contentdesk.calendar.rules import describe_rule
from contentdesk.models import Cadence, ContentChannel
from contentdesk.newsletter.models import NewsletterList
from engagements.budgets.models import BudgetRule
from engagements.handover.models import HandoverItem
from engagements.models import BusinessHours, Company, Membership
from engagements.roles import Role
from inbox.models import CannedReply, IntakeChannel, RoutingRule
from inbox.sla import first_response_target_hours


@dataclass
class Gap:
    section: str
    name: str
    missing_why: bool
    missing_owner: bool


@dataclass
class Manual:
    company: Company
    members: list
    business_hours: list  # [(day, ["08:30–12:30", …])]
    first_response_hours: float
    retention_months: int | None
    intake_channels: list
    routing_rules: list
    canned_by_language: list  # [(language label, [(topic, [replies])])]
    content_channels: list
    newsletter_lists: list
    budget_rules: list
    approval_threshold: object
    handover_items: list
    gaps: list = field(default_factory=list)

    @property
    def rule_count(self) -> int:
        cadences = sum(len(channel.cadence_list) for channel in self.content_channels)
        canned = sum(len(replies) for _language, topics in self.canned_by_language for _t, replies in topics)
        return len(self.routing_rules) + canned + len(self.content_channels) + cadences + len(self.budget_rules)


# The people of the company in the manual: who decides first, then who runs things day to day.
ROLE_ORDER = [Role.OWNER, Role.CONSULTANT, Role.DIGITAL_MANAGER, Role.COLLEAGUE]


def _hours_by_day(intervals) -> list[tuple[str, list[str]]]:
    """[("Lunedì", ["08:30–12:30", "14:00–18:00"]), …]: one line per open day."""
    days: dict[int, tuple[str, list[str]]] = {}
    for interval in intervals:
        _label, times = days.setdefault(interval.weekday, (interval.get_weekday_display(), []))
        times.append(f"{interval.opens:%H:%M}–{interval.closes:%H:%M}")
    return list(days.values())


def _canned_by_language(company: Company, replies: list) -> list:
    """[(language label, [(topic, [replies])])]: the company's language first, topics in order."""
    languages: dict[str, dict[str, list]] = {}
    labels: dict[str, str] = {}
    for reply in sorted(replies, key=lambda r: (r.language != company.language, r.language, r.topic.lower(), r.title)):
        labels[reply.language] = reply.get_language_display()
        languages.setdefault(reply.language, {}).setdefault(reply.topic, []).append(reply)
    return [(labels[code], list(topics.items())) for code, topics in languages.items()]


def _gaps(manual: Manual) -> list[Gap]:
    gaps = []

    def check(section: str, name: str, rule) -> None:
        if not rule.why.strip() or rule.owner_id is None:
            gaps.append(Gap(section, name, not rule.why.strip(), rule.owner_id is None))

    for rule in manual.routing_rules:
        check(_("Routing rule"), rule.topic, rule)
    for _language, topics in manual.canned_by_language:
        for _topic, replies in topics:
            for reply in replies:
                check(_("Canned reply"), reply.title, reply)
    for channel in manual.content_channels:
        check(_("Content channel"), channel.name, channel)
        for cadence in channel.cadence_list:
            check(_("Cadence"), f"{channel.name}: {cadence.in_words}", cadence)
    for rule in manual.budget_rules:
        check(_("Budget rule"), rule.get_channel_display(), rule)
    return gaps


def operations_manual(company: Company) -> Manual:
    """The company's operations manual, as configured now. Ten queries, whatever the data."""
    members = sorted(
        Membership.objects.for_company(company).select_related("user"),
        key=lambda m: (ROLE_ORDER.index(m.role), m.user.display_name.lower()),
    )
    hours = _hours_by_day(BusinessHours.objects.for_company(company).order_by("weekday", "opens"))
    intake = list(
        IntakeChannel.objects.for_company(company).select_related("mailbox").order_by("-is_active", "kind", "name")
    )
    for channel in intake:
        channel.imap = getattr(channel, "mailbox", None)  # None when the channel has no IMAP mailbox
    routing = list(
        RoutingRule.objects.for_company(company).select_related("colleague", "owner").order_by("-is_active", "topic")
    )
    canned = list(CannedReply.objects.for_company(company).select_related("owner"))
    channels = list(
        ContentChannel.objects.for_company(company)
        .select_related("owner")
        .order_by("-is_active", "name")
        .prefetch_related(
            Prefetch(
                "cadences",
                queryset=Cadence.objects.select_related("owner").order_by("-is_active", "time_of_day", "pk"),
                to_attr="cadence_list",
            )
        )
    )
    for channel in channels:
        for cadence in channel.cadence_list:
            cadence.in_words = describe_rule(cadence.rule, cadence.time_of_day)
    lists = list(NewsletterList.objects.for_company(company).with_counts().order_by("name"))
    budget_rules = list(BudgetRule.objects.for_company(company).select_related("owner"))
    handover = list(HandoverItem.objects.for_company(company).order_by("engagement_id", "order", "pk"))
    manual = Manual(
        company=company,
        members=members,
        business_hours=hours,
        first_response_hours=first_response_target_hours(company),
        # Read defensively: the retention setting arrives with the GDPR purge.
        retention_months=getattr(company, "enquiry_retention_months", None),
        intake_channels=intake,
        routing_rules=routing,
        canned_by_language=_canned_by_language(company, canned),
        content_channels=channels,
        newsletter_lists=lists,
        budget_rules=budget_rules,
        approval_threshold=company.spend_approval_threshold,
        handover_items=handover,
    )
    manual.gaps = _gaps(manual)
    return manual
