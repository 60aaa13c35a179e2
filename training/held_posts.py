"""Supervised posts: on a supervised channel the trainee's post needs the consultant's approval
before it can be scheduled or published, even where the channel does not ask for approval.

The content desk's workflow stays the one table of moves (`contentdesk.workflow`): a
supervised step simply needs approval, and only the consultant may give it. This module says
when a step is supervised and keeps the record of each review (`HeldPost`): the text as the
trainee submitted it, the text the consultant approved, and the comment. Reviews feed the
channel's `SupervisedCategory` (approved as submitted: an approval; edited or sent back: a
change), which readiness reads.
"""

from django.db import transaction
from django.utils import timezone

from contentdesk.models import ContentItem
from training.held_replies import is_trainee
from training.supervision import category_review_record, is_supervised
from training.supervision_models import HeldPost, SupervisedCategory

S = ContentItem.Status
Status = HeldPost.Status
POST = SupervisedCategory.Kind.POST


def channel_key(channel_id) -> str:
    return str(channel_id)


def post_step_supervised(item: ContentItem, user, latest: HeldPost | bool | None = False) -> bool:
    """Is the next step of `item`, taken by `user`, under supervision?

    In review: when the trainee's submission waits for the consultant (`latest`: the item's
    latest review record when the caller has it already). Before review: when `user` is the
    trainee and the channel is supervised (the post must go to review).
    """
    if item.status == S.IN_REVIEW:
        if latest is not False:
            return latest is not None and latest.status == Status.PENDING
        return HeldPost.objects.filter(item=item, status=Status.PENDING).exists()
    if item.status in (S.IDEA, S.DRAFT):
        return is_trainee(item.company, user) and is_supervised(
            company=item.company, kind=POST, key=channel_key(item.channel_id)
        )
    return False


def after_move(*, item: ContentItem, user, source: str, target: str, by_approver: bool, note: str, supervised: bool):
    """Keep the review record in step with a move the workflow just made (inside its transaction)."""
    if source == S.DRAFT and target == S.IN_REVIEW and supervised:
        HeldPost.objects.create(
            company_id=item.company_id,
            item=item,
            channel_id=item.channel_id,
            author=user,
            title=item.title,
            body=item.body,
        )
        return
    if source != S.IN_REVIEW:
        return
    held = HeldPost.objects.select_for_update().filter(item=item, status=Status.PENDING).first()
    if held is None:
        return
    if target == S.APPROVED or (target == S.DRAFT and by_approver):
        _review(held, item=item, reviewer=user, approved=target == S.APPROVED, comment=note)
    else:
        # Withdrawn by the trainee or cancelled: not a review, nothing to count.
        held.delete()


def _review(held: HeldPost, *, item: ContentItem, reviewer, approved: bool, comment: str):
    edited = (item.title, item.body) != (held.title, held.body)
    if approved:
        held.status = Status.EDITED if edited else Status.APPROVED
    else:
        held.status = Status.RETURNED
    held.approved_title, held.approved_body = (item.title, item.body) if approved else ("", "")
    held.comment = comment.strip()
    held.reviewed_by, held.reviewed_at = reviewer, timezone.now()
    held.save()
    category_review_record(
        company=item.company, kind=POST, key=channel_key(held.channel_id), changed=held.status != Status.APPROVED
    )


def after_edit(*, item: ContentItem, user):
    """The trainee revising their own post while it waits: the submitted text follows, so only
    the consultant's edits count as changes."""
    with transaction.atomic():
        HeldPost.objects.filter(item=item, status=Status.PENDING, author=user).update(title=item.title, body=item.body)


def latest_for(item: ContentItem) -> HeldPost | None:
    """The item's latest review record, for the feedback panel on the item page."""
    return HeldPost.objects.filter(item=item).select_related("author", "reviewed_by").first()
