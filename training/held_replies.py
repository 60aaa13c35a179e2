"""Supervised replies: the trainee's reply in a supervised topic is held, the consultant
approves it (as written or edited) or sends it back with a comment.

The approved reply goes out through the inbox's normal path (`conversation_reply`) in the
trainee's name: it is their work, and readiness counts it as such. Reviews feed the topic's
`SupervisedCategory` (approved as written: an approval; edited or sent back: a change).
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from activity.log import record
from activity.verbs import Verb
from engagements.plan.models import Engagement
from inbox import actions as inbox_actions
from training.models import TrainingPlan
from training.supervision import category_review_record, is_supervised
from training.supervision_models import HeldReply, SupervisedCategory

Status = HeldReply.Status


class ReviewError(Exception):
    """The reply cannot be reviewed (already reviewed, or by its own author)."""


def is_trainee(company, user) -> bool:
    return (
        TrainingPlan.objects.filter(company=company, trainee=user, engagement__company=company)
        .exclude(engagement__status=Engagement.Status.CLOSED)
        .exists()
    )


def reply_needs_approval(*, conversation, author) -> bool:
    return is_trainee(conversation.company, author) and is_supervised(
        company=conversation.company, kind=SupervisedCategory.Kind.REPLY, key=conversation.topic
    )


def reply_hold(*, conversation, author, body_text: str) -> HeldReply:
    with transaction.atomic():
        return HeldReply.objects.create(
            company_id=conversation.company_id,
            conversation=conversation,
            topic=conversation.topic,
            author=author,
            body_text=body_text.strip(),
        )


def _claim(held: HeldReply, reviewer) -> HeldReply:
    if held.author_id == reviewer.pk:
        raise PermissionDenied(_("You cannot approve your own reply."))
    locked = HeldReply.objects.select_for_update().select_related("conversation__company").get(pk=held.pk)
    if locked.status != Status.PENDING:
        raise ReviewError(_("This reply has already been reviewed."))
    return locked


def held_reply_approve(*, held: HeldReply, reviewer, body_text: str, comment: str = "", now=None):
    """Send the reply (as edited by the consultant); returns (held reply, category became autonomous)."""
    now = now or timezone.now()
    body_text = body_text.strip()
    with transaction.atomic():
        held = _claim(held, reviewer)
        changed = body_text != held.body_text
        held.message = inbox_actions.conversation_reply(
            conversation=held.conversation, author=held.author, body_text=body_text, now=now
        )
        held.status = Status.EDITED if changed else Status.APPROVED
        held.sent_text = body_text
        held.comment = comment.strip()
        held.reviewed_by, held.reviewed_at = reviewer, now
        held.save()
        _category, became_autonomous = category_review_record(
            company=held.conversation.company, kind=SupervisedCategory.Kind.REPLY, key=held.topic, changed=changed
        )
        record(held.company_id, reviewer, Verb.HELD_REPLY_APPROVED, held.conversation, edited=changed)
    return held, became_autonomous


def held_reply_return(*, held: HeldReply, reviewer, comment: str, now=None) -> HeldReply:
    """Send the reply back to the trainee, unsent, with the consultant's comment."""
    now = now or timezone.now()
    with transaction.atomic():
        held = _claim(held, reviewer)
        held.status = Status.RETURNED
        held.comment = comment.strip()
        held.reviewed_by, held.reviewed_at = reviewer, now
        held.save()
        record(held.company_id, reviewer, Verb.HELD_REPLY_RETURNED, held.conversation)
        category_review_record(
            company=held.conversation.company, kind=SupervisedCategory.Kind.REPLY, key=held.topic, changed=True
        )
    return held


def held_replies_for(conversation) -> list[HeldReply]:
    """The conversation's replies still waiting, and the last one if it was sent back (until
    the trainee writes again): one query."""
    recent = list(
        HeldReply.objects.filter(conversation=conversation).select_related("author").order_by("-created_at", "-id")[:20]
    )
    shown = [held for held in recent if held.status == Status.PENDING]
    if recent and recent[0].status == Status.RETURNED:
        shown.insert(0, recent[0])
    return shown[::-1]


def held_replies_exist():
    """Annotation for a conversation queryset: does it have held replies? (saves a query when not)."""
    return Exists(HeldReply.objects.filter(conversation=OuterRef("pk")))
