"""Reads for the inbox pages: the filtered list with keyset pagination, the neighbours of a
conversation in that list, and what the conversation page shows."""

import base64
import binascii
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Substr
from django.template.defaultfilters import linebreaksbr
from django.utils.dateparse import parse_datetime
from django.utils.safestring import mark_safe

from engagements.roles import Role, role_can
from inbox import sla
from inbox.models import CannedReply, Conversation, Message
from inbox.sanitize import sanitize_html
from inbox.search import search_conversations

Status = Conversation.Status

PAGE_SIZE = 25
EXCERPT_LENGTH = 160
OTHER_CONVERSATIONS_SHOWN = 8
# "Open" in the inbox: everything that still needs someone, whoever's turn it is.
ACTIVE_STATUSES = (Status.NEW, Status.OPEN, Status.WAITING_CUSTOMER, Status.WAITING_COLLEAGUE)
CLOSED_STATUSES = (Status.RESOLVED, Status.SPAM)

SLA_AT_RISK, SLA_BREACHED = "at_risk", "breached"


# --- filters ---------------------------------------------------------------------------------


def worker_roles() -> list[str]:
    return [role for role in Role if role_can(role, "inbox.work")]


def sla_q(state: str, *, now: datetime, cutoff: datetime) -> Q:
    """SQL for "at risk" (due between now and the cutoff) and "breached" (due and unanswered)."""
    waiting = Q(first_response_at__isnull=True, first_response_due_at__isnull=False) & ~Q(status__in=CLOSED_STATUSES)
    if state == SLA_BREACHED:
        return waiting & Q(first_response_due_at__lte=now)
    if state == SLA_AT_RISK:
        return waiting & Q(first_response_due_at__gt=now, first_response_due_at__lt=cutoff)
    return waiting & Q(first_response_due_at__lt=cutoff)


def sla_state(conversation, *, now: datetime, cutoff: datetime) -> str | None:
    """The badge of one row: "on_time", "at_risk", "breached" or None, without a query."""
    if conversation.first_response_due_at is None:
        return None  # the SLA module would compute it from the calendar: a query per row
    return sla.sla_state(conversation, now, cutoff=cutoff)


def inbox_conversations(*, company, membership, filters: dict, now: datetime):
    """The conversations of the list for `filters` (see InboxFilterForm.filters), not ordered."""
    query = filters.get("q") or ""
    if query:
        conversations = search_conversations(company, membership, query)
    else:
        conversations = Conversation.objects.for_company(company).visible_to(membership)
    status = filters.get("status") or ("all" if query else "active")
    if status == "active":
        conversations = conversations.filter(status__in=ACTIVE_STATUSES)
    elif status != "all":
        conversations = conversations.filter(status=status)
    for name, lookup in (("channel", "channel"), ("assignee", "assignee"), ("tag", "tags")):
        if filters.get(name) is not None:
            conversations = conversations.filter(**{lookup: filters[name]})
    if filters.get("department"):
        conversations = conversations.filter(department=filters["department"])
    if filters.get("mine"):
        conversations = conversations.filter(assignee_id=membership.user_id)
    if filters.get("unassigned"):
        conversations = conversations.filter(assignee__isnull=True)
    if filters.get("sla"):
        cutoff = filters.get("sla_cutoff") or sla.at_risk_cutoff(company, now)
        conversations = conversations.filter(sla_q(filters["sla"], now=now, cutoff=cutoff))
    return conversations


def with_list_columns(conversations):
    """Everything a row shows, in one query plus one for the tags — never all the messages."""
    # The automatic acknowledgement says nothing the team needs to see in the list.
    last_message = Message.objects.filter(conversation=OuterRef("pk"), is_automatic=False).order_by(
        "-created_at", "-id"
    )
    return (
        conversations.select_related("contact", "assignee", "channel", "routed_to")
        .prefetch_related("tags")
        .annotate(
            last_message_excerpt=Subquery(last_message.values(excerpt=Substr("body_text", 1, EXCERPT_LENGTH))[:1]),
            last_message_direction=Subquery(last_message.values("direction")[:1]),
        )
    )


# --- keyset pagination -----------------------------------------------------------------------


@dataclass(frozen=True)
class Cursor:
    """A position in the list: the last row shown, by activity time and id."""

    last_activity_at: datetime
    id: int

    def encode(self) -> str:
        raw = f"{self.last_activity_at.isoformat()}|{self.id}"
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, value: str | None) -> "Cursor | None":
        """A cursor from `?after=`, or None when it is missing or not one of ours."""
        if not value or len(value) > 100:
            return None
        try:
            raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode()
            moment, pk = raw.rsplit("|", 1)
            when = parse_datetime(moment)
            pk = int(pk)
        except (ValueError, binascii.Error, UnicodeDecodeError):
            return None
        if when is None or when.tzinfo is None or pk < 1:
            return None
        return cls(when, pk)

    @classmethod
    def of(cls, conversation) -> "Cursor":
        return cls(conversation.last_activity_at, conversation.pk)


def after(conversations, cursor: Cursor):
    """Rows below `cursor` in newest-activity order."""
    return conversations.filter(
        Q(last_activity_at__lt=cursor.last_activity_at) | Q(last_activity_at=cursor.last_activity_at, id__lt=cursor.id)
    )


def before(conversations, cursor: Cursor):
    return conversations.filter(
        Q(last_activity_at__gt=cursor.last_activity_at) | Q(last_activity_at=cursor.last_activity_at, id__gt=cursor.id)
    )


@dataclass
class Page:
    rows: list = field(default_factory=list)
    next_cursor: Cursor | None = None
    is_first: bool = True


def keyset_page(conversations, *, cursor: Cursor | None, size: int = PAGE_SIZE) -> Page:
    """One page in newest-activity order: LIMIT size+1, no OFFSET and no COUNT."""
    if cursor is not None:
        conversations = after(conversations, cursor)
    rows = list(conversations.order_by("-last_activity_at", "-id")[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    return Page(rows=rows, next_cursor=Cursor.of(rows[-1]) if more else None, is_first=cursor is None)


def neighbours(conversations, conversation) -> tuple[int | None, int | None]:
    """The ids just above (newer) and just below (older) `conversation` in the list order."""
    here = Cursor.of(conversation)
    newer = before(conversations, here).order_by("last_activity_at", "id").values_list("pk", flat=True).first()
    older = after(conversations, here).order_by("-last_activity_at", "-id").values_list("pk", flat=True).first()
    return newer, older


# --- the conversation page -------------------------------------------------------------------


def conversation_queryset(company, membership):
    return (
        Conversation.objects.for_company(company)
        .visible_to(membership)
        .select_related("company", "contact", "channel", "assignee", "routed_to")
    )


def rendered_body(message) -> str:
    """The message as HTML: its sanitized HTML when there is some, else its text."""
    if message.body_html:
        # Sanitized when stored; sanitized again here, so that only sanitize_html's output is
        # ever marked safe.
        return mark_safe(sanitize_html(message.body_html))
    return linebreaksbr(message.body_text, autoescape=True)


def thread(conversation) -> list[Message]:
    messages = list(
        conversation.messages.select_related("author").prefetch_related("attachments").order_by("created_at", "id")
    )
    for message in messages:
        message.rendered = rendered_body(message)
    return messages


def other_conversations(conversation, membership):
    return list(
        Conversation.objects.for_company(conversation.company_id)
        .visible_to(membership)
        .filter(contact_id=conversation.contact_id)
        .exclude(pk=conversation.pk)
        .order_by("-last_activity_at", "-id")
        .only("pk", "subject", "status", "last_activity_at")[:OTHER_CONVERSATIONS_SHOWN]
    )


def reply_language(conversation) -> str:
    """The language to answer in, when it is one we have canned replies for; else ""."""
    languages = {code for code, _name in settings.LANGUAGES}
    for language in (conversation.language, conversation.contact.language):
        if language in languages:
            return language
    return ""


def canned_replies_for(conversation) -> list[CannedReply]:
    replies = CannedReply.objects.for_company(conversation.company_id).only("pk", "title", "language")
    language = reply_language(conversation)
    if language:
        replies = replies.filter(language=language)
    return list(replies.order_by("title"))


def canned_reply_text(canned: CannedReply, *, conversation, agent) -> str:
    """The canned text with its placeholders filled in for this conversation."""
    values = {
        "{name}": conversation.contact.name or conversation.contact.email,
        "{company}": conversation.company.name,
        "{agent}": agent.display_name,
        "{subject}": conversation.subject,
    }
    text = canned.body
    for placeholder, value in values.items():
        text = text.replace(placeholder, value)
    return text
