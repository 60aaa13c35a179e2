"""What the digital manager's Today page gathers: what needs doing this morning, from every app.

Each block reads through its app's own querysets and selectors, a fixed number of queries
whatever the data:

* replies: the conversations waiting for an answer, the unanswered ones first in order of
  their SLA due time (inbox: `needing_reply`, `with_list_columns`, `sla_state`);
* content: items not yet published that are planned up to the end of the coming seven days
  (today included), late ones too (content desk);
* slots: the cadence slots of the same seven days still empty (content desk);
* training: the training tasks due, once the training app offers them (see `training_tasks`);
* spends: the member's own spends waiting for the owner's approval (budgets).

`routed_questions` is the colleague's home: the conversations routed to them, waiting for their answer.
"""

import importlib
import importlib.util
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from contentdesk.calendar.cadence import Slot, cadence_slots, local_day_bounds
from contentdesk.models import Cadence, ContentItem
from engagements.budgets.models import Spend
from inbox.models import Conversation
from inbox.selectors import sla_state, with_list_columns
from inbox.sla import at_risk_cutoff

REPLIES_SHOWN = 6
QUESTIONS_SHOWN = 10
# "This week" is the next seven days rather than Monday to Sunday: on a Friday morning the
# digital manager needs to see Monday's posts and slots too.
DAYS_AHEAD = 7
ITEMS_SHOWN = 8
SLOTS_SHOWN = 8
SPENDS_SHOWN = 5
TASKS_SHOWN = 6
# The training app offers `training_tasks_due(company, user, until)` in this module: a list of
# {"kind": "assignment" | "module", "id", "title", "due_on" (date), "module_title"}. Without it
# the block says that the tasks will appear once the training plan lists them.
TRAINING_TASKS_MODULE = "training.metrics"
TRAINING_TASK_PAGES = {
    "assignment": ("training_assignment", "assignment_id"),
    "module": ("training_module", "module_id"),
}


@dataclass
class Block:
    rows: list = field(default_factory=list)
    total: int = 0

    @property
    def more(self) -> int:
        return max(0, self.total - len(self.rows))


def last_day(today: date) -> date:
    """The last day of the stretch the page looks at, `today` included."""
    return today + timedelta(days=DAYS_AHEAD - 1)


def replies(company, membership, now: datetime) -> Block:
    """Queries: the count, the rows (with contact, channel, assignee, last message), their tags,
    and the SLA cutoff (business hours and presence periods)."""
    waiting = Conversation.objects.for_company(company).visible_to(membership).needing_reply()
    total = waiting.count()
    if not total:
        return Block()
    rows = list(
        with_list_columns(waiting).order_by(
            Case(When(first_response_at__isnull=True, then=Value(0)), default=Value(1), output_field=IntegerField()),
            F("first_response_due_at").asc(nulls_last=True),
            "last_activity_at",
            "pk",
        )[:REPLIES_SHOWN]
    )
    cutoff = at_risk_cutoff(company, now)
    for row in rows:
        row.sla = sla_state(row, now=now, cutoff=cutoff)
    return Block(rows=rows, total=total)


def routed_questions(company, membership) -> Block:
    """The conversations routed to this member and waiting for their answer, the oldest first.
    Queries: the count, the rows (with contact, channel and last message), their tags."""
    waiting = Conversation.objects.for_company(company).filter(
        routed_to_id=membership.user_id, status=Conversation.Status.WAITING_COLLEAGUE
    )
    total = waiting.count()
    if not total:
        return Block()
    rows = list(with_list_columns(waiting).order_by("last_activity_at", "pk")[:QUESTIONS_SHOWN])
    return Block(rows=rows, total=total)


@dataclass
class ContentBlock(Block):
    late: int = 0
    today: int = 0


def content_due(company, now: datetime) -> ContentBlock:
    """Items to publish in the coming days, late ones first. Queries: the counts, the rows."""
    tz = company.tzinfo
    today = timezone.localtime(now, tz).date()
    start_of_today, end_of_today = local_day_bounds(today, today, tz)
    _start, end_of_stretch = local_day_bounds(today, last_day(today), tz)
    due = ContentItem.objects.for_company(company).open().filter(scheduled_at__lt=end_of_stretch)
    counts = due.aggregate(
        total=Count("pk"),
        late=Count("pk", filter=Q(scheduled_at__lt=start_of_today)),
        today=Count("pk", filter=Q(scheduled_at__gte=start_of_today, scheduled_at__lt=end_of_today)),
    )
    if not counts["total"]:
        return ContentBlock()
    rows = list(due.for_calendar()[:ITEMS_SHOWN])
    for item in rows:
        local = timezone.localtime(item.scheduled_at, tz)
        item.when = "late" if local < start_of_today else "today" if local < end_of_today else "week"
    return ContentBlock(rows=rows, total=counts["total"], late=counts["late"], today=counts["today"])


@dataclass
class SlotBlock(Block):
    has_cadences: bool = True


def empty_slots(company, now: datetime) -> SlotBlock:
    """The cadence slots from now to the end of the coming days with nothing planned for them."""
    today = timezone.localtime(now, company.tzinfo).date()
    _start, end_of_stretch = local_day_bounds(today, last_day(today), company.tzinfo)
    slots: list[Slot] = [
        slot for slot in cadence_slots(company=company, start=now, end=end_of_stretch) if not slot.filled
    ]
    if not slots:
        # "All filled" and "no cadence at all" call for different words (and one more query).
        return SlotBlock(has_cadences=Cadence.objects.for_company(company).filter(is_active=True).exists())
    return SlotBlock(rows=slots[:SLOTS_SHOWN], total=len(slots))


@dataclass
class TaskBlock(Block):
    late: int = 0


def training_tasks(company, user, today: date) -> TaskBlock | None:
    """The training tasks due in the coming days (late ones too), or None while the training
    app does not list them."""
    try:
        spec = importlib.util.find_spec(TRAINING_TASKS_MODULE)
    except ModuleNotFoundError:
        return None
    if spec is None:
        return None
    tasks_due = getattr(importlib.import_module(TRAINING_TASKS_MODULE), "training_tasks_due", None)
    if tasks_due is None:
        return None
    tasks = list(tasks_due(company, user, last_day(today)))
    for task in tasks:
        task["url"] = _task_url(company, task)
        task["late"] = task["due_on"] < today
    return TaskBlock(rows=tasks[:TASKS_SHOWN], total=len(tasks), late=sum(task["late"] for task in tasks))


def _task_url(company, task: dict) -> str | None:
    name, argument = TRAINING_TASK_PAGES.get(task.get("kind"), (None, None))
    if name is None:
        return None
    try:
        return reverse(name, kwargs={"company_slug": company.slug, argument: task["id"]})
    except NoReverseMatch:
        return None


def my_pending_spends(company, user) -> Block:
    """The member's own spends waiting for the owner, oldest first. Queries: the count, the rows."""
    pending = Spend.objects.for_company(company).pending().filter(recorded_by=user)
    total = pending.count()
    if not total:
        return Block()
    return Block(rows=list(pending.order_by("spent_on", "recorded_at", "pk")[:SPENDS_SHOWN]), total=total)
