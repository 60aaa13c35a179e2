"""Readiness for handover: is the trainee ready to hold each responsibility alone?

For one handover item (its `competencies` are competency codes):

* competencies: each code needs a signed-off level at least its required level
  (`CompetencyRequirement`, default 3 "autonomous"); a code scores
  min(signed-off level, required) / required, 0 when never signed off; the competency part C
  is the mean of the item's codes;
* work: for the work Staffetta sees, the trainee's share of it in the last 4 weeks —
  inbox codes ("inbox.*"): first human replies by the trainee among the enquiries answered;
  content codes: published items authored by the trainee, among those published on the
  channels the code covers ("content.*" all channels, "social.*" the social networks,
  "newsletter.*" the newsletter, "website.*" website and blog). The work part W is
  min(share / 50 %, 1); an item with no such work in the period has no work part.

* approvals (supervised mode): the share of the consultant's reviews of the trainee's work
  approved without changes — approvals / (approvals + changes): for inbox codes summed over
  every reply topic, for content codes over the posts on the channels the code covers. The
  approval part A is min(rate / 80 %, 1); no reviews, no approval part.

Item readiness = mean of the parts it has (C, W, A), as a percentage. The item is
ready when every code reaches its required level and the trainee did at least half of its work
(the approval part moves the percentage, not this gate). Overall readiness = mean of the item
percentages (items without codes nor work are left out).

Each figure comes from SQL: a page pays a fixed number of queries however many items,
assessments and messages there are.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import CharField, Count, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Cast, Coalesce
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from contentdesk.models import ChannelKind, ContentChannel, ContentItem
from inbox.models import Conversation, Message
from training.models import DEFAULT_REQUIRED_LEVEL, Assessment, Competency, CompetencyRequirement, TrainingPlan
from training.supervision_models import SupervisedCategory

WORK_WEEKS = 4
# The trainee "does the work" when they did at least this share of it in the period.
WORK_SHARE_TARGET = 50
# Reviews approved without changes at or above this share give a full approval part.
APPROVAL_RATE_TARGET = 80

SOCIAL = {ChannelKind.FACEBOOK, ChannelKind.INSTAGRAM, ChannelKind.LINKEDIN, ChannelKind.X, ChannelKind.YOUTUBE}
# Code prefix → content channel kinds it covers (None: every channel).
CONTENT_CHANNELS = {
    "content": None,
    "social": SOCIAL,
    "newsletter": {ChannelKind.NEWSLETTER},
    "website": {ChannelKind.WEBSITE, ChannelKind.BLOG},
}


@dataclass
class CodeLevel:
    code: str
    name: str
    required: int
    level: int  # 0: never signed off

    @property
    def met(self) -> bool:
        return self.level >= self.required


@dataclass
class ItemReadiness:
    item_id: int
    codes: list[CodeLevel] = field(default_factory=list)
    work_mine: int = 0
    work_total: int = 0
    approvals: int = 0
    reviews: int = 0
    percent: int | None = None

    @property
    def approval_rate(self) -> int | None:
        """Share of supervised reviews approved without changes, as a percentage."""
        return round(self.approvals * 100 / self.reviews) if self.reviews else None

    @property
    def work_share(self) -> int | None:
        return round(self.work_mine * 100 / self.work_total) if self.work_total else None

    @property
    def work_met(self) -> bool:
        share = self.work_share
        return share is None or share >= WORK_SHARE_TARGET

    @property
    def missing(self) -> list[CodeLevel]:
        return [c for c in self.codes if not c.met]

    @property
    def missing_count(self) -> int:
        return len(self.missing) + (0 if self.work_met else 1)

    @property
    def ready(self) -> bool:
        return self.missing_count == 0

    def missing_text(self) -> str:
        """What is still missing, in plain words, for badges and the move form."""
        parts = [
            (
                _("%(name)s at level %(level)s of %(required)s")
                if c.level
                else _("%(name)s: not assessed yet, needs level %(required)s")
            )
            % {"name": c.name, "level": c.level, "required": c.required}
            for c in self.missing
        ]
        if not self.work_met:
            parts.append(
                _("did %(share)s%% of this work in the last %(weeks)s weeks (at least %(target)s%%)")
                % {"share": self.work_share, "weeks": WORK_WEEKS, "target": WORK_SHARE_TARGET}
            )
        return "; ".join(parts)

    def badge(self) -> str:
        if self.ready:
            return _("Ready")
        n = self.missing_count
        return ngettext("Not yet: %(n)s thing missing", "Not yet: %(n)s things missing", n) % {"n": n}


@dataclass
class Readiness:
    items: dict[int, ItemReadiness]
    as_of: date

    @property
    def overall(self) -> int | None:
        percents = [r.percent for r in self.items.values() if r.percent is not None]
        return round(sum(percents) / len(percents)) if percents else None

    @property
    def ready_count(self) -> int:
        return sum(1 for r in self.items.values() if r.ready and r.percent is not None)

    def for_item(self, item) -> ItemReadiness | None:
        return self.items.get(item.pk)


def _window(company, as_of: date) -> tuple[datetime, datetime]:
    end = datetime.combine(as_of + timedelta(days=1), time.min, tzinfo=company.tzinfo)
    return end - timedelta(weeks=WORK_WEEKS), end


def _work_kinds(codes) -> tuple[bool, set | None, bool]:
    """(inbox work?, content channel kinds (None: all), content work?) for an item's codes."""
    inbox, content, kinds = False, False, set()
    for code in codes:
        prefix = code.split(".", 1)[0]
        if prefix == "inbox":
            inbox = True
        elif prefix in CONTENT_CHANNELS:
            content = True
            channels = CONTENT_CHANNELS[prefix]
            kinds = None if channels is None or kinds is None else kinds | channels
    return inbox, kinds, content


def inbox_share(company, trainee_id, start, end) -> tuple[int, int]:
    """(first replies by the trainee, enquiries answered) in [start, end): one query."""
    first_author = (
        Message.objects.filter(conversation=OuterRef("pk"), direction=Message.Direction.OUT, is_automatic=False)
        .order_by("created_at", "pk")
        .values("author_id")[:1]
    )
    counts = (
        Conversation.objects.for_company(company)
        .exclude(status=Conversation.Status.SPAM)
        .filter(first_response_at__gte=start, first_response_at__lt=end, first_response_seconds__isnull=False)
        .annotate(first_author=Subquery(first_author))
        .aggregate(total=Count("pk"), mine=Count("pk", filter=Q(first_author=trainee_id)))
    )
    return counts["mine"], counts["total"]


def content_shares(company, trainee_id, start, end) -> dict[str, tuple[int, int]]:
    """{channel kind: (published by the trainee, published)} in [start, end): one query."""
    rows = (
        ContentItem.objects.for_company(company)
        .filter(status=ContentItem.Status.PUBLISHED, published_at__gte=start, published_at__lt=end)
        .order_by()
        .values("channel__kind")
        .annotate(total=Count("pk"), mine=Count("pk", filter=Q(author_id=trainee_id)))
    )
    return {row["channel__kind"]: (row["mine"], row["total"]) for row in rows}


def _reply_reviews(company, field: str):
    """The company's supervised reply reviews (approvals or changes), as a scalar subquery."""
    return Coalesce(
        Subquery(
            SupervisedCategory.objects.filter(company=company, kind=SupervisedCategory.Kind.REPLY)
            .order_by()
            .values("company")
            .annotate(total=Sum(field))
            .values("total")[:1]
        ),
        0,
    )


def post_reviews(company) -> dict[str, tuple[int, int]]:
    """Supervised post reviews by channel kind: {kind: (approvals, changes)}, one query.

    A post category's key is its channel's id; the loop runs over the company's channels (a
    handful), not over reviews."""
    category = SupervisedCategory.objects.filter(
        company=company, kind=SupervisedCategory.Kind.POST, key=Cast(OuterRef("pk"), CharField())
    )
    rows = (
        ContentChannel.objects.filter(company=company)
        .annotate(
            review_approvals=Subquery(category.values("approvals")[:1]),
            review_changes=Subquery(category.values("changes")[:1]),
        )
        .filter(review_approvals__isnull=False)
        .values_list("kind", "review_approvals", "review_changes")
    )
    result: dict[str, tuple[int, int]] = {}
    for kind, approvals, changes in rows:
        before = result.get(kind, (0, 0))
        result[kind] = (before[0] + approvals, before[1] + changes)
    return result


def plan_for(engagement) -> TrainingPlan | None:
    if engagement.trainee_id is None:
        return None
    return TrainingPlan.objects.filter(engagement=engagement, trainee_id=engagement.trainee_id).first()


def compute(*, company, plan: TrainingPlan | None, items, as_of: date) -> Readiness:
    """Readiness of `items` (handover items of the plan's engagement) as of the end of `as_of`.

    At most six queries: required levels, signed-off levels, competency names (with the
    supervised reply reviews), the inbox share, the content shares and the supervised post
    reviews (the last three only when an item needs them).
    """
    items = list(items)
    codes = sorted({code for item in items for code in (item.competencies or [])})
    start, end = _window(company, as_of)
    required, levels = {}, {}
    if plan is not None and codes:
        required = dict(CompetencyRequirement.objects.filter(plan=plan, code__in=codes).values_list("code", "level"))
        for code, level in (
            Assessment.objects.filter(
                plan=plan, competency__code__in=codes, signed_off_at__isnull=False, signed_off_at__lt=end
            )
            .order_by("competency__code", "-signed_off_at", "-pk")
            .values_list("competency__code", "level")
        ):
            levels.setdefault(code, level)
    names, reply_reviews = {}, (0, 0)
    if codes:
        # The supervised reply reviews ride along with the names: no query of their own.
        competencies = list(
            Competency.objects.filter(code__in=codes)
            .only("code", "name_it", "name_en")
            .annotate(
                reply_approvals=_reply_reviews(company, "approvals"), reply_changes=_reply_reviews(company, "changes")
            )
        )
        names = {c.code: c.name for c in competencies}
        if competencies and plan is not None:
            reply_reviews = (competencies[0].reply_approvals, competencies[0].reply_changes)
    kinds_needed = [_work_kinds(item.competencies or []) for item in items]
    trainee_id = plan.trainee_id if plan is not None else None
    inbox = inbox_share(company, trainee_id, start, end) if any(k[0] for k in kinds_needed) else (0, 0)
    needs_content_work = any(k[2] for k in kinds_needed)
    content = content_shares(company, trainee_id, start, end) if needs_content_work else {}
    posts = post_reviews(company) if needs_content_work and plan is not None else {}
    result = {}
    for item, (needs_inbox, channel_kinds, needs_content) in zip(items, kinds_needed, strict=True):
        readiness = ItemReadiness(item_id=item.pk)
        for code in item.competencies or []:
            readiness.codes.append(
                CodeLevel(
                    code=code,
                    name=names.get(code, code),
                    required=required.get(code, int(DEFAULT_REQUIRED_LEVEL)),
                    level=levels.get(code, 0),
                )
            )
        if needs_inbox:
            readiness.work_mine += inbox[0]
            readiness.work_total += inbox[1]
        if needs_content:
            for kind, (mine, total) in content.items():
                if channel_kinds is None or kind in channel_kinds:
                    readiness.work_mine += mine
                    readiness.work_total += total
        if needs_inbox:
            readiness.approvals += reply_reviews[0]
            readiness.reviews += reply_reviews[0] + reply_reviews[1]
        if needs_content:
            for kind, (approvals, changes) in posts.items():
                if channel_kinds is None or kind in channel_kinds:
                    readiness.approvals += approvals
                    readiness.reviews += approvals + changes
        parts = []
        if readiness.codes:
            parts.append(sum(min(c.level, c.required) / c.required for c in readiness.codes) / len(readiness.codes))
        if readiness.work_total:
            parts.append(min(readiness.work_mine * 100 / readiness.work_total / WORK_SHARE_TARGET, 1))
        if readiness.reviews:
            parts.append(min(readiness.approvals * 100 / readiness.reviews / APPROVAL_RATE_TARGET, 1))
        readiness.percent = round(100 * sum(parts) / len(parts)) if parts else None
        result[item.pk] = readiness
    return Readiness(items=result, as_of=as_of)


def engagement_readiness(engagement, items, as_of: date) -> Readiness:
    """For the handover board: the plan of the engagement's trainee, then `compute`."""
    return compute(company=engagement.company, plan=plan_for(engagement), items=items, as_of=as_of)


def item_readiness(item, as_of: date) -> ItemReadiness:
    """One item's readiness, for the move gate."""
    engagement = item.engagement
    return engagement_readiness(engagement, [item], as_of).items[item.pk]
