"""Demo content calendar (called by `seed_demo`, after the inbox demo).

Officine Berica, month 4 of the engagement: six channels, three cadences, three months of
published items with their history and results, enquiries of the inbox demo attributed to
them through their tracked links, and what comes next — scheduled, approved, waiting for the
owner, drafts, ideas, one item overdue. Tessiture Astico, month 1: a few ideas and drafts.

Everything is dated from today, so the calendar always looks alive; a seeded random
generator makes the same demo every time. Items are written with bulk_create and only when
the company has none: running the seed again changes nothing.
"""

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from dateutil.rrule import rrulestr
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from contentdesk.models import Cadence, ChannelKind, ContentChannel, ContentComment, ContentEvent, ContentItem
from contentdesk.publishing import demo_texts as texts
from contentdesk.publishing.demo_early import seed_demo_early_content
from contentdesk.publishing.demo_inbox import WEBSITE, attribute_demo_enquiries
from engagements.models import Membership
from engagements.roles import Role

S = ContentItem.Status
E = ContentEvent.Kind

# key: (name, kind, needs approval)
CHANNELS = {
    "blog": ("Blog", ChannelKind.BLOG, True),
    "linkedin": ("LinkedIn", ChannelKind.LINKEDIN, True),
    "facebook": ("Facebook", ChannelKind.FACEBOOK, False),
    "instagram": ("Instagram", ChannelKind.INSTAGRAM, False),
    "newsletter": ("Newsletter", ChannelKind.NEWSLETTER, True),
    "google_business": ("Google Business Profile", ChannelKind.GOOGLE_BUSINESS, False),
}
CADENCES = [
    ("linkedin", "LinkedIn martedì e giovedì", "FREQ=WEEKLY;BYDAY=TU,TH", time(10)),
    ("newsletter", "Newsletter il primo lunedì del mese", "FREQ=MONTHLY;BYDAY=1MO", time(9)),
    ("blog", "Blog un mercoledì sì e uno no", "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE", time(8, 30)),
]
# Channels without a cadence still had a rhythm: Facebook every other Friday, Instagram every
# other Wednesday evening, Google Business about once a month.
PAST_RHYTHM = {
    "facebook": ("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", time(12, 30)),
    "instagram": ("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE", time(18)),
    "google_business": ("FREQ=WEEKLY;INTERVAL=4;BYDAY=MO", time(9, 15)),
}
KINDS = {"blog": ContentItem.Kind.ARTICLE, "newsletter": ContentItem.Kind.NEWSLETTER}
REACH = {
    "linkedin": (500, 2600),
    "blog": (150, 900),
    "newsletter": (280, 420),
    "facebook": (250, 1600),
    "instagram": (400, 2400),
    "google_business": (90, 450),
}
HISTORY_DAYS = 91


@dataclass
class _Plan:
    """An item being generated, with its history and comments (written once it has an id)."""

    item: ContentItem
    key: str
    events: list[dict] = field(default_factory=list)
    comments: list[tuple] = field(default_factory=list)

    def event(self, kind, by, at, **values):
        self.events.append({"kind": kind, "by": by, "at": at, **values})

    def move(self, by, at, target, note=""):
        self.event(E.STATUS, by, at, from_status=self.item.status, to_status=target, note=note)
        self.item.status = target


def _people(company) -> dict[str, object]:
    people = {}
    for membership in Membership.objects.for_company(company).select_related("user").order_by("pk"):
        people.setdefault(membership.role, membership.user)
    return people


def _channels(company, keys) -> dict[str, ContentChannel]:
    channels = {}
    for key in keys:
        name, kind, approval = CHANNELS[key]
        channels[key], _created = ContentChannel.objects.get_or_create(
            company=company, name=name, defaults={"kind": kind, "requires_approval": approval}
        )
    return channels


def _occurrences(rule: str, clock: time, first: date, start: datetime, end: datetime, tz) -> list[datetime]:
    """Aware times of `rule` in [start, end), on the wall clock of `tz` (as the calendar reads cadences)."""
    recurrence = rrulestr(rule, dtstart=datetime.combine(first, clock))
    naive = recurrence.between(start.astimezone(tz).replace(tzinfo=None), end.astimezone(tz).replace(tzinfo=None))
    return [moment.replace(tzinfo=tz) for moment in naive if start <= moment.replace(tzinfo=tz) < end]


class _Berica:
    def __init__(self, company, today: date):
        self.company, self.tz = company, company.tzinfo
        self.rng = random.Random(f"content-demo-{company.slug}")
        real_now = timezone.now()
        self.now = real_now if timezone.localdate(real_now, self.tz) == today else _at(today, time(18), self.tz)
        self.today = today
        self.first_day = today - timedelta(days=HISTORY_DAYS)
        self.first_day -= timedelta(days=(self.first_day.weekday() - 2) % 7)  # a Wednesday, for the blog
        people = _people(company)
        self.owner = people.get(Role.OWNER)
        self.writer = people.get(Role.DIGITAL_MANAGER) or people.get(Role.CONSULTANT)
        self.consultant = people.get(Role.CONSULTANT) or self.owner
        self.colleague = people.get(Role.COLLEAGUE) or self.owner
        self.who = {
            "owner": self.owner,
            "consultant": self.consultant,
            "digital_manager": self.writer,
            "colleague": self.colleague,
        }
        self.plans: list[_Plan] = []

    def run(self) -> int:
        self.channels = _channels(self.company, CHANNELS)
        self.cadences = {}
        for key, label, rule, clock in CADENCES:
            self.cadences[key], _created = Cadence.objects.get_or_create(
                company=self.company,
                channel=self.channels[key],
                label=label,
                defaults={"rule": rule, "time_of_day": clock, "starts_on": self.first_day},
            )
        # Before the planned history: what the company posted on its own (idempotent itself).
        seed_demo_early_content(self.company, until=self.first_day, today=self.today)
        if _already_seeded(self.company, [title for entries in texts.PAST.values() for title, *_rest in entries]):
            return 0
        self.past()
        self.upcoming()
        self.save()
        attribute_demo_enquiries(self.company, [p.item for p in self.plans], now=self.now)
        return len(self.plans)

    # Slots ---------------------------------------------------------------------------------

    def past_slots(self, key) -> list[datetime]:
        if key in self.cadences:
            cadence = self.cadences[key]
            rule, clock, first = cadence.rule, cadence.time_of_day, cadence.starts_on
        else:
            (rule, clock), first = PAST_RHYTHM[key], self.first_day
        start = _at(self.first_day, time(0), self.tz)
        return _occurrences(rule, clock, first, start, self.now - timedelta(minutes=40), self.tz)

    def future_slots(self, key) -> list[datetime]:
        cadence = self.cadences[key]
        start = _at(self.today + timedelta(days=1), time(0), self.tz)
        return _occurrences(
            cadence.rule, cadence.time_of_day, cadence.starts_on, start, start + timedelta(days=70), self.tz
        )

    # Items ---------------------------------------------------------------------------------

    def new(self, key, title, tag, body, status, when, author) -> _Plan:
        kind = KINDS.get(key, ContentItem.Kind.VIDEO if title.startswith("Reel") else ContentItem.Kind.POST)
        item = ContentItem(
            company=self.company,
            channel=self.channels[key],
            title=title,
            brief=texts.BRIEFS.get(tag, ""),
            body=body,
            kind=kind,
            status=status,
            scheduled_at=when,
            author=author,
            tag=tag,
        )
        plan = _Plan(item, key)
        self.plans.append(plan)
        return plan

    def approve(self, plan: _Plan, at: datetime, *, changes: str = "") -> datetime:
        """From draft to approved: through the owner when the channel needs it; returns the time."""
        item, author = plan.item, plan.item.author
        if not item.channel.requires_approval:
            plan.move(author, at, S.APPROVED)
            item.approved_by, item.approved_at = author, at
            return at
        plan.move(author, at, S.IN_REVIEW)
        if changes:
            at += timedelta(hours=self.rng.randint(2, 5))
            plan.move(self.owner, at, S.DRAFT, note=changes)
            plan.comments.append((self.owner, changes, at))
            item.changes_requested += 1
            at += timedelta(hours=self.rng.randint(18, 26))
            plan.move(author, at, S.IN_REVIEW)
        at += timedelta(hours=self.rng.randint(2, 20))
        # Now and then the consultant approves, never what he wrote himself.
        approver = self.consultant if self.rng.random() < 0.2 and author != self.consultant else self.owner
        plan.move(approver, at, S.APPROVED)
        item.approved_by, item.approved_at = approver, at
        return at

    def past(self):
        coaching_until = _at(self.first_day + timedelta(days=21), time(0), self.tz)
        for key, entries in texts.PAST.items():
            slots = self.past_slots(key)[-len(entries) :]
            for (title, tag, body), slot in zip(entries[len(entries) - len(slots) :], slots, strict=True):
                author = self.consultant if slot < coaching_until and key in ("blog", "newsletter") else self.writer
                plan = self.new(key, title, tag, body, S.DRAFT, slot, author)
                self.history_until_published(plan, slot)
        for title, who, text in texts.COMMENTS:
            plan = next((p for p in self.plans if p.item.title == title), None)
            if plan is not None and plan.item.published_at:
                at = min(self.now, plan.item.published_at + timedelta(hours=self.rng.randint(3, 50)))
                plan.comments.append((self.who[who], text, at))

    def history_until_published(self, plan: _Plan, slot: datetime):
        item, rng = plan.item, self.rng
        published_at = min(slot + timedelta(minutes=rng.randint(0, 25)), self.now - timedelta(minutes=5))
        created = _at(_workday(slot - timedelta(days=rng.randint(8, 15))), time(9, rng.randint(0, 59)), self.tz)
        as_idea = rng.random() < 0.3
        item.status = S.IDEA if as_idea else S.DRAFT
        item.created_at = created
        plan.event(E.CREATED, item.author, created, to_status=item.status, to_time=slot)
        if as_idea:
            plan.move(item.author, created + timedelta(days=1, hours=rng.randint(0, 4)), S.DRAFT)
        submitted = _at(_workday(slot - timedelta(days=rng.randint(3, 5))), time(rng.randint(9, 12)), self.tz)
        approved = self.approve(plan, submitted, changes=texts.CHANGES_REQUESTED.get(item.title, ""))
        plan.move(item.author, approved + timedelta(minutes=rng.randint(20, 90)), S.SCHEDULED)
        plan.move(item.author, published_at, S.PUBLISHED)
        item.published_at = published_at
        item.published_url = self.published_url(plan)
        if published_at < self.now - timedelta(days=4):
            low, high = REACH[plan.key]
            boost = 1.8 if item.tag == texts.NOVITA else 1.0
            item.reach = int(rng.randint(low, high) * boost)
            share = (0.08, 0.18) if plan.key == "newsletter" else (0.01, 0.06)
            item.clicks = max(1, round(item.reach * rng.uniform(*share)))
            item.enquiries = rng.choice([0, 0, 0, 1, 1, 2]) + (1 if item.tag == texts.CASI else 0)
            item.results_updated_at = min(self.now, published_at + timedelta(days=7, hours=rng.randint(0, 6)))
            plan.event(E.RESULTS, item.author, item.results_updated_at)

    def published_url(self, plan: _Plan) -> str:
        slug, rng = slugify(plan.item.title)[:60], self.rng
        return {
            "linkedin": f"https://www.linkedin.com/posts/officine-berica_{slug}-activity-{rng.randrange(10**18, 10**19)}",
            "blog": f"{WEBSITE}/blog/{slug}/",
            "newsletter": f"{WEBSITE}/newsletter/{slug}/",
            "facebook": f"https://www.facebook.com/officineberica/posts/{rng.randrange(10**15, 10**16)}",
            "instagram": f"https://www.instagram.com/p/{''.join(rng.choices('ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789', k=11))}/",
            "google_business": f"https://posts.gle/{''.join(rng.choices('ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789', k=6))}",
        }[plan.key]  # fmt: skip

    def upcoming(self):
        rng, now = self.rng, self.now
        slots = {key: self.future_slots(key) for key in self.cadences}
        for status, key, title, tag, body, when in texts.UPCOMING:
            if when is None:
                moment = None
            elif when[0] == "slot":
                moment = slots[key][when[1]]
            else:
                hour, minute = map(int, when[2].split(":"))
                moment = _at(self.today + timedelta(days=when[1]), time(hour, minute), self.tz)
            plan = self.new(key, title, tag, body, S.IDEA, moment, self.writer)
            plan.item.source_url = texts.IDEA_SOURCES.get(title, "")
            created = now - timedelta(days=rng.randint(6, 20), hours=rng.randint(0, 6))
            plan.item.created_at = created
            start = S.IDEA if status == S.IDEA else S.DRAFT
            plan.item.status = start
            plan.event(E.CREATED, self.writer, created, to_status=start, to_time=moment)
            if status in (S.IN_REVIEW, S.APPROVED, S.SCHEDULED):
                self.approve_upcoming(plan, status)
        if texts.UPCOMING:
            waiting = next(p for p in self.plans if p.item.status == S.IN_REVIEW)
            note = "Titolo ok. Aggiungerei dove siamo e il link alla pagina Lavora con noi."
            waiting.comments.append((self.consultant, note, now - timedelta(hours=rng.randint(2, 20))))
        self.overdue_and_cancelled()

    def approve_upcoming(self, plan: _Plan, status):
        submitted = self.now - timedelta(days=2, hours=self.rng.randint(0, 20))
        if status == S.IN_REVIEW and plan.item.channel.requires_approval:
            plan.move(plan.item.author, submitted, S.IN_REVIEW)
            return
        approved = self.approve(plan, submitted - timedelta(days=2))
        if status == S.SCHEDULED:
            plan.move(plan.item.author, approved + timedelta(hours=1), S.SCHEDULED)

    def overdue_and_cancelled(self):
        key, title, tag, body = texts.OVERDUE
        when = _at(self.today - timedelta(days=2), time(18), self.tz)
        plan = self.new(key, title, tag, body, S.DRAFT, when, self.writer)
        plan.item.created_at = when - timedelta(days=6)
        plan.event(E.CREATED, self.writer, plan.item.created_at, to_status=S.DRAFT, to_time=when)
        self.approve(plan, when - timedelta(days=3))

        key, title, tag, note = texts.CANCELLED
        when = _at(self.today - timedelta(days=20), time(17), self.tz)
        plan = self.new(key, title, tag, "Un'ora online con il nostro ufficio tecnico: iscrizioni dal sito.", S.DRAFT, when, self.writer)  # fmt: skip
        plan.item.created_at = when - timedelta(days=25)
        plan.event(E.CREATED, self.writer, plan.item.created_at, to_status=S.DRAFT, to_time=when)
        approved = self.approve(plan, when - timedelta(days=18))
        cancelled = approved + timedelta(days=10)
        plan.move(self.writer, cancelled, S.CANCELLED, note=note)
        plan.comments.append((self.writer, note, cancelled))

    # Writing -------------------------------------------------------------------------------

    def save(self):
        for plan in self.plans:
            item = plan.item
            item.updated_at = max((e["at"] for e in plan.events), default=item.created_at)
        created_at = {id(p.item): p.item.created_at for p in self.plans}
        ContentItem.objects.bulk_create([p.item for p in self.plans])
        # auto_now_add and auto_now stamped today on the way in: put back the history's times.
        for plan in self.plans:
            plan.item.created_at = created_at[id(plan.item)]
        ContentItem.objects.bulk_update([p.item for p in self.plans], ["created_at", "updated_at"])
        ContentEvent.objects.bulk_create(ContentEvent(item=p.item, **values) for p in self.plans for values in p.events)
        ContentComment.objects.bulk_create(
            ContentComment(item=p.item, author=author, body=body, created_at=at)
            for p in self.plans
            for author, body, at in p.comments
        )


def _already_seeded(company, titles) -> bool:
    # Items that people (or other demos, such as ideas from web mentions) added do not count.
    return ContentItem.objects.for_company(company).filter(title__in=titles).exists()


def _at(day: date, clock: time, tz) -> datetime:
    return datetime.combine(day, clock, tzinfo=tz)


def _workday(moment: datetime) -> date:
    """The day of `moment`, or the Friday before when it falls on a weekend: people work Monday to Friday."""
    day = moment.date()
    return day - timedelta(days=max(0, day.weekday() - 4))


def _seed_astico(company, today: date) -> int:
    channels = _channels(company, ["linkedin", "instagram", "blog"])
    if _already_seeded(company, [title for _status, _key, title, _body in texts.ASTICO_ITEMS]):
        return 0
    people = _people(company)
    consultant = people.get(Role.CONSULTANT) or people.get(Role.OWNER)
    tz, now = company.tzinfo, timezone.now()
    plans = []
    for index, (status, key, title, body) in enumerate(texts.ASTICO_ITEMS):
        when = _at(today + timedelta(days=12 + 7 * index), time(10), tz) if status == S.DRAFT else None
        created = now - timedelta(days=6 - index // 2, hours=index)
        item = ContentItem(
            company=company, channel=channels[key], title=title, body=body, status=status, scheduled_at=when,
            author=consultant, kind=KINDS.get(key, ContentItem.Kind.POST), created_at=created, updated_at=created,
        )  # fmt: skip
        plans.append(
            _Plan(item, key, events=[{"kind": E.CREATED, "by": consultant, "at": created, "to_status": status}])
        )
    ContentItem.objects.bulk_create([p.item for p in plans])
    for plan in plans:
        plan.item.created_at = plan.item.updated_at = plan.events[0]["at"]
    ContentItem.objects.bulk_update([p.item for p in plans], ["created_at", "updated_at"])
    ContentEvent.objects.bulk_create(ContentEvent(item=p.item, **e) for p in plans for e in p.events)
    return len(plans)


def seed_demo_content(company, *, today: date | None = None) -> int:
    """The demo calendar of `company` (Officine Berica or Tessiture Astico); returns the items created.

    Call it after the inbox demo, whose website enquiries it attributes to published items.
    """
    today = today or timezone.localdate(timezone=company.tzinfo)
    with transaction.atomic():
        if company.slug == "officine-berica":
            return _Berica(company, today).run()
        if company.slug == "tessiture-astico":
            return _seed_astico(company, today)
    return 0
