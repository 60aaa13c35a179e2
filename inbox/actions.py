"""State changes of the inbox made by the people who work it: assign, status, priority, tags,
route to a colleague, reply, internal note, bulk changes and canned replies.

Each function runs in a transaction and queues its side effects (sending mail, notifying a
colleague) with `transaction.on_commit`, so that nothing is sent for a change that was rolled
back. Conversations created by intake come from `inbox.services` (INTAKE), not from here.
"""

import re
from datetime import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from activity.log import record, record_many
from activity.verbs import Verb
from inbox.attachments import attachments_store
from inbox.mail import tasks as mail_tasks
from inbox.models import CannedReply, Contact, Conversation, Message, Tag
from inbox.sanitize import text_to_html
from inbox.sla import business_seconds

Status = Conversation.Status

# A note on a conversation that nobody has picked up, or one that was waiting for a colleague,
# means it is someone's turn again; a note on one waiting for the customer changes nothing.
STATUSES_REOPENED_BY_NOTE = (Status.NEW, Status.WAITING_COLLEAGUE)
TAG_MAX_LENGTH = Tag._meta.get_field("name").max_length


def _touch(conversation: Conversation, now: datetime, **changes) -> None:
    """Save `changes` and the new activity time on the row and on the instance."""
    changes["last_activity_at"] = now
    Conversation.objects.filter(pk=conversation.pk).update(**changes)
    for name, value in changes.items():
        setattr(conversation, name, value)


def conversation_assign(*, conversation: Conversation, assignee, actor=None) -> None:
    """Give the conversation to `assignee` (None: nobody). A new conversation becomes open."""
    with transaction.atomic():
        changes = {"assignee": assignee}
        if conversation.status == Status.NEW and assignee is not None:
            changes["status"] = Status.OPEN
        details = _assignment_details(conversation, assignee)
        if "status" in changes:
            details["status"] = {"from": conversation.status, "to": changes["status"]}
        Conversation.objects.filter(pk=conversation.pk).update(**changes)
        for name, value in changes.items():
            setattr(conversation, name, value)
        if actor is not None:
            record(conversation.company_id, actor, Verb.CONVERSATION_ASSIGNED, conversation, **details)


def _assignment_details(conversation: Conversation, assignee) -> dict:
    # Members are named (they are the company's people, not its customers); ids keep the
    # entry meaningful after a rename.
    return {
        "from_id": conversation.assignee_id,
        "to_id": assignee.pk if assignee is not None else None,
        "to": assignee.display_name if assignee is not None else None,
    }


def conversation_set_status(*, conversation: Conversation, status: str, actor=None, now=None) -> None:
    """Change the status; resolving records the resolution time once, reopening clears it."""
    now = now or timezone.now()
    with transaction.atomic():
        previous = conversation.status
        changes = {"status": status}
        if status == Status.RESOLVED:
            # Only the first of two simultaneous "resolve" clicks records the resolution time.
            claimed = (
                Conversation.objects.filter(pk=conversation.pk, resolved_at__isnull=True)
                .exclude(status=Status.RESOLVED)
                .update(resolved_at=now)
            )
            if claimed:
                changes["resolved_at"] = now
                changes["resolution_seconds"] = business_seconds(conversation.company, conversation.created_at, now)
        else:
            changes["resolved_at"] = None
            changes["resolution_seconds"] = None
        Conversation.objects.filter(pk=conversation.pk).update(**changes)
        for name, value in changes.items():
            setattr(conversation, name, value)
        # Changes made by Staffetta itself (a customer's email reopening it) have no actor:
        # the log says what people did.
        if actor is not None and previous != status:
            record(
                conversation.company_id,
                actor,
                Verb.CONVERSATION_STATUS,
                conversation,
                **{"from": previous, "to": status},
            )


def conversation_set_priority(*, conversation: Conversation, priority: int, actor=None) -> None:
    with transaction.atomic():
        Conversation.objects.filter(pk=conversation.pk).update(priority=priority)
        conversation.priority = priority


def tag_get_or_create(*, company, name: str) -> Tag:
    """The company's tag called `name` (case does not matter), created if missing."""
    name = " ".join(name.split())[:TAG_MAX_LENGTH]
    existing = Tag.objects.for_company(company).filter(name__iexact=name).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return Tag.objects.create(company=company, name=name)
    except IntegrityError:  # created by someone else in the meantime
        return Tag.objects.for_company(company).get(name__iexact=name)


def conversation_tag(*, conversation: Conversation, add: list[str] = (), remove: list[Tag] = (), actor=None) -> None:
    """Add tags by name (creating them for the company) and remove tags of the conversation."""
    with transaction.atomic():
        for name in add:
            if name.strip():
                conversation.tags.add(tag_get_or_create(company=conversation.company, name=name))
        if remove:
            conversation.tags.remove(*[tag for tag in remove if tag.company_id == conversation.company_id])


def conversation_route(
    *, conversation: Conversation, department: str, colleague=None, note: str = "", actor=None, now=None
) -> None:
    """Hand the conversation to a department and, optionally, to one colleague of it.

    The conversation waits on the colleague; the colleague is told by email after commit.
    An optional note for the colleague is kept as an internal note.
    """
    now = now or timezone.now()
    with transaction.atomic():
        details = {
            "department": department,
            "to_id": colleague.pk if colleague is not None else None,
            "to": colleague.display_name if colleague is not None else None,
            "status": {"from": conversation.status, "to": Status.WAITING_COLLEAGUE},
        }
        _touch(
            conversation,
            now,
            department=department,
            routed_to=colleague,
            status=Status.WAITING_COLLEAGUE,
        )
        if note.strip():
            Message.objects.create(
                company_id=conversation.company_id,
                conversation=conversation,
                direction=Message.Direction.NOTE,
                author=actor,
                body_text=note.strip(),
                created_at=now,
            )
        if actor is not None:
            record(conversation.company_id, actor, Verb.CONVERSATION_ROUTED, conversation, **details)
        if colleague is not None:
            conversation_id, user_id = conversation.pk, colleague.pk
            transaction.on_commit(lambda: mail_tasks.notify_routed.delay(conversation_id, user_id))


def conversation_reply(*, conversation: Conversation, author, body_text: str, files=(), now=None) -> Message:
    """Answer the customer: an outgoing message, sent by email after commit.

    The first reply records the first-response time (in business seconds); the conversation
    then waits on the customer.
    """
    now = now or timezone.now()
    body_text = body_text.strip()
    with transaction.atomic():
        message = Message.objects.create(
            company_id=conversation.company_id,
            conversation=conversation,
            direction=Message.Direction.OUT,
            author=author,
            body_text=body_text,
            body_html=text_to_html(body_text),
            created_at=now,
        )
        stored = attachments_store(message=message, files=files)
        # The text is the customer's conversation: only that a reply went out, and how much came with it.
        record(conversation.company_id, author, Verb.REPLY_SENT, conversation, attachments=len(stored or ()))
        # Conditional, so that of two colleagues answering at once only the first counts.
        first = Conversation.objects.filter(pk=conversation.pk, first_response_at__isnull=True).update(
            first_response_at=now
        )
        changes = {"status": Status.WAITING_CUSTOMER}
        if first:
            changes["first_response_at"] = now
            changes["first_response_seconds"] = business_seconds(conversation.company, conversation.created_at, now)
        _touch(conversation, now, **changes)
        message_id = message.pk
        transaction.on_commit(lambda: mail_tasks.send_message.delay(message_id))
    return message


def conversation_add_note(*, conversation: Conversation, author, body_text: str, now=None) -> Message:
    """An internal note, never sent to the customer."""
    now = now or timezone.now()
    with transaction.atomic():
        message = Message.objects.create(
            company_id=conversation.company_id,
            conversation=conversation,
            direction=Message.Direction.NOTE,
            author=author,
            body_text=body_text.strip(),
            created_at=now,
        )
        changes = {}
        if conversation.status in STATUSES_REOPENED_BY_NOTE:
            changes["status"] = Status.OPEN
        _touch(conversation, now, **changes)
    return message


def contact_set_kind(*, contact: Contact, kind: str) -> None:
    """Prospect or existing customer."""
    Contact.objects.filter(pk=contact.pk).update(kind=kind, updated_at=timezone.now())
    contact.kind = kind


def _generalise(text: str, replacements: dict[str, str]) -> str:
    for value, placeholder in replacements.items():
        if len(value) >= 3:
            text = re.sub(re.escape(value), placeholder, text, flags=re.IGNORECASE)
    return text


def canned_reply_from_message(*, message: Message, created_by) -> CannedReply:
    """Keep a good answer as a canned reply in the conversation's language (once per message).

    The contact's, the company's and the author's names become placeholders, so that the text
    fits the next customer.
    """
    conversation = message.conversation
    company = conversation.company
    languages = {code for code, _name in settings.LANGUAGES}
    language = next(
        (
            lang
            for lang in (conversation.language, conversation.contact.language, company.language)
            if lang in languages
        ),
        settings.LANGUAGE_CODE,
    )
    body = _generalise(
        message.body_text,
        {
            conversation.contact.name: "{name}",
            company.name: "{company}",
            message.author.display_name if message.author else "": "{agent}",
        },
    )
    with transaction.atomic():
        existing = CannedReply.objects.for_company(company).filter(source_message=message).first()
        if existing is not None:
            return existing
        return CannedReply.objects.create(
            company=company,
            title=conversation.subject[: CannedReply._meta.get_field("title").max_length],
            language=language,
            body=body,
            topic=conversation.topic,
            source_message=message,
            created_by=created_by,
        )


def canned_reply_used(*, company, canned_id: int) -> None:
    """Count a use of a canned reply of `company` (an id of another company changes nothing)."""
    CannedReply.objects.for_company(company).filter(pk=canned_id).update(use_count=F("use_count") + 1)


class BulkAction:
    ASSIGN_ME = "assign_me"
    ASSIGN = "assign"
    STATUS = "status"
    TAG = "tag"
    SPAM = "spam"


def conversations_bulk_update(
    *, conversations, action: str, actor, assignee=None, status: str = "", tag_name: str = "", now=None
) -> int:
    """Apply one action to many conversations; `conversations` is already scoped to the company
    and to what the actor may see. Answers how many conversations were changed."""
    now = now or timezone.now()
    with transaction.atomic():
        selected = list(conversations.select_related("company"))
        if not selected:
            return 0
        ids = [c.pk for c in selected]
        rows = Conversation.objects.filter(pk__in=ids)
        company_id = selected[0].company_id
        if action in (BulkAction.ASSIGN_ME, BulkAction.ASSIGN):
            who = actor if action == BulkAction.ASSIGN_ME else assignee
            rows.update(assignee=who)
            if who is not None:
                rows.filter(status=Status.NEW).update(status=Status.OPEN)
            details = _assignment_details(selected[0], who)
            del details["from_id"]  # each conversation had its own
            record_many(company_id, actor, Verb.CONVERSATION_ASSIGNED, selected, bulk=True, **details)
        elif action == BulkAction.SPAM:
            rows.update(status=Status.SPAM)
            changed = [c for c in selected if c.status != Status.SPAM]
            record_many(company_id, actor, Verb.CONVERSATION_STATUS, changed, bulk=True, to=Status.SPAM)
        elif action == BulkAction.STATUS:
            for conversation in selected:
                conversation_set_status(conversation=conversation, status=status, actor=actor, now=now)
        elif action == BulkAction.TAG:
            tag = tag_get_or_create(company=selected[0].company, name=tag_name)
            Conversation.tags.through.objects.bulk_create(
                [Conversation.tags.through(conversation_id=pk, tag_id=tag.pk) for pk in ids], ignore_conflicts=True
            )
        else:
            raise ValueError(f"Unknown bulk action {action!r}.")
    return len(selected)
