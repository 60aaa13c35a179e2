"""Write services of the content desk. Each runs in a transaction and records what changed,
who changed it and when, as a `ContentEvent` of the item."""

from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from activity.log import record
from activity.verbs import Verb
from contentdesk.models import ChannelKind, ContentChannel, ContentComment, ContentEvent, ContentItem
from contentdesk.workflow import MOVES, find_move
from engagements.models import Company

S = ContentItem.Status

# Fields whose change sends an approved item back to review: what the owner approved.
APPROVED_CONTENT_FIELDS = ("title", "body", "channel_id", "language")

DEFAULT_CHANNELS = [
    (ChannelKind.BLOG, "Blog"),
    (ChannelKind.LINKEDIN, "LinkedIn"),
    (ChannelKind.FACEBOOK, "Facebook"),
    (ChannelKind.INSTAGRAM, "Instagram"),
    (ChannelKind.NEWSLETTER, "Newsletter"),
]


def content_channels_ensure_defaults(*, company: Company) -> list[ContentChannel]:
    """A company that has no channel yet gets the usual ones, so the calendar is usable at once."""
    if ContentChannel.objects.for_company(company).exists():
        return []
    return [ContentChannel.objects.create(company=company, kind=kind, name=name) for kind, name in DEFAULT_CHANNELS]


def content_event_record(item: ContentItem, kind: str, by, **values) -> ContentEvent:
    from contentdesk.items.notifications import queue_notifications

    event = ContentEvent.objects.create(item=item, kind=kind, by=by, **values)
    # Steps of the approval are emailed to the approvers or the author, after commit.
    queue_notifications(event)
    return event


def _check_length(item: ContentItem) -> None:
    limit = item.length_limit
    if limit and len(item.body) > limit:
        raise ValidationError(
            _("The text is %(length)s characters long; %(channel)s accepts %(limit)s.")
            % {"length": len(item.body), "channel": item.channel.name, "limit": limit}
        )


def _check_channel(company: Company, channel: ContentChannel) -> None:
    if channel.company_id != company.pk:
        raise ValidationError(_("That channel belongs to another company."))


@transaction.atomic
def content_item_create(*, company: Company, user, channel: ContentChannel, title: str, **fields) -> ContentItem:
    _check_channel(company, channel)
    fields.setdefault("status", S.DRAFT if fields.get("body") else S.IDEA)
    if fields["status"] not in (S.IDEA, S.DRAFT):
        raise ValidationError(_("A new item starts as an idea or a draft."))
    item = ContentItem.objects.create(company=company, channel=channel, title=title, author=user, **fields)
    content_event_record(item, ContentEvent.Kind.CREATED, user, to_status=item.status, to_time=item.scheduled_at)
    return item


def content_idea_create(*, company: Company, user, title: str, brief: str = "", source_url: str = "") -> ContentItem:
    """An idea from elsewhere in Staffetta (a web mention, an enquiry): on the first active channel."""
    channel = ContentChannel.objects.for_company(company).filter(is_active=True).order_by("pk").first()
    if channel is None:
        channel = content_channels_ensure_defaults(company=company)[0]
    return content_item_create(
        company=company,
        user=user,
        channel=channel,
        title=title[:200],
        brief=brief,
        source_url=source_url[:500],
        status=S.IDEA,
    )


@transaction.atomic
def content_item_update(*, item: ContentItem, user, **fields) -> ContentItem:
    """Save edits; an approved or scheduled item whose text changed goes back for approval."""
    if item.status in (S.PUBLISHED, S.CANCELLED):
        raise ValidationError(_("A published or cancelled item can no longer be edited."))
    if "channel" in fields:
        _check_channel(item.company, fields["channel"])
    before = {name: getattr(item, name) for name in APPROVED_CONTENT_FIELDS}
    old_time = item.scheduled_at
    for name, value in fields.items():
        setattr(item, name, value)
    changed = [name for name in APPROVED_CONTENT_FIELDS if getattr(item, name) != before[name]]
    note = ""
    if changed and item.status in (S.APPROVED, S.SCHEDULED) and item.channel.requires_approval:
        content_event_record(item, ContentEvent.Kind.STATUS, user, from_status=item.status, to_status=S.IN_REVIEW,
                note=_("Edited after approval: needs a new approval."))  # fmt: skip
        item.status = S.IN_REVIEW
        item.approved_by, item.approved_at = None, None
        note = _("Edited after approval.")
    if item.status == S.SCHEDULED and item.scheduled_at is None:
        content_event_record(item, ContentEvent.Kind.STATUS, user, from_status=S.SCHEDULED, to_status=S.APPROVED,
                note=_("Its date was removed."))  # fmt: skip
        item.status = S.APPROVED
    if item.status == S.SCHEDULED:
        # A scheduled item stays publishable: in the future and within the channel's limit.
        if item.scheduled_at != old_time and item.scheduled_at < timezone.now():
            raise ValidationError(_("A scheduled item cannot be moved into the past."))
        _check_length(item)
    item.full_clean()
    item.save()
    if old_time != item.scheduled_at:
        content_event_record(item, ContentEvent.Kind.RESCHEDULED, user, from_time=old_time, to_time=item.scheduled_at)
    content_event_record(item, ContentEvent.Kind.EDITED, user, note=note)
    if item.status == S.IN_REVIEW:
        from training import held_posts

        held_posts.after_edit(item=item, user=user)
    return item


@transaction.atomic
def content_item_move(
    *,
    item: ContentItem,
    membership,
    target: str,
    note: str = "",
    published_url: str = "",
    published_at: datetime | None = None,
) -> ContentItem:
    """Move `item` to `target` if the workflow allows it to this member; raise otherwise.

    PermissionDenied for a move this role may not make, ValidationError for a move that is not
    possible now or misses what it needs (a note, a time, a published address).
    """
    from training import held_posts

    item = ContentItem.objects.select_for_update().select_related("channel", "company").get(pk=item.pk)
    user = membership.user
    supervised = held_posts.post_step_supervised(item, user)
    move = find_move(item, target, membership, supervised=supervised)
    if move is None:
        if supervised and item.status == S.DRAFT and target == S.APPROVED:
            raise ValidationError(_("Your posts on this channel still need the consultant's approval: submit it."))
        if supervised and item.status == S.IN_REVIEW and target in (S.APPROVED, S.DRAFT):
            raise PermissionDenied(_("The trainee's post waits for the consultant's review."))
        if any(m.target == target for m in _moves_for_any_role(item)):
            raise PermissionDenied(_("Your role may not make this change."))
        raise ValidationError(
            _("An item that is “%(status)s” cannot become “%(target)s”.")
            % {"status": item.get_status_display(), "target": S(target).label if target in S.values else target}
        )
    note = note.strip()
    if move.needs_note and not note:
        raise ValidationError(_("Please say why in a comment."))
    now = timezone.now()
    if target == S.SCHEDULED:
        if item.scheduled_at is None:
            raise ValidationError(_("Choose the date and time first."))
        if item.scheduled_at < now:
            raise ValidationError(_("The planned time has passed: choose a time in the future."))
        _check_length(item)
    if target == S.APPROVED and item.status in (S.IN_REVIEW, S.DRAFT):
        item.approved_by, item.approved_at = user, now
    if target in (S.IDEA, S.DRAFT, S.IN_REVIEW):
        # Back to writing: what is approved next is a new text, with a new approval.
        item.approved_by, item.approved_at = None, None
    if item.status == S.IN_REVIEW and target == S.DRAFT and move.permission == "content.approve":
        item.changes_requested += 1
    if target == S.PUBLISHED:
        if not published_url:
            raise ValidationError(_("Give the address where the item was published."))
        URLValidator(
            schemes=["http", "https"], message=_("Enter a full web address, such as https://www.linkedin.com/…")
        )(published_url)
        published_at = published_at or now
        if published_at > now + timedelta(minutes=5):
            raise ValidationError(_("The publication time cannot be in the future."))
        item.published_url, item.published_at = published_url, published_at
    content_event_record(item, ContentEvent.Kind.STATUS, user, from_status=item.status, to_status=target, note=note)
    source, item.status = item.status, target
    item.save()
    verb = Verb.CONTENT_APPROVED if target == S.APPROVED and source in (S.IN_REVIEW, S.DRAFT) else Verb.CONTENT_MOVED
    record(item.company_id, user, verb, item, **{"from": source, "to": target})
    held_posts.after_move(
        item=item,
        user=user,
        source=source,
        target=target,
        by_approver=move.permission == "content.approve",
        note=note,
        supervised=supervised,
    )
    if note:
        ContentComment.objects.create(item=item, author=user, body=note)
    return item


def _moves_for_any_role(item: ContentItem):
    # The channel's approval setting decides what is possible at all, whatever the role.
    needs_approval = item.channel.requires_approval
    return [
        m for m in MOVES if m.source == item.status and (m.when_approval is None or m.when_approval == needs_approval)
    ]


@transaction.atomic
def content_item_reschedule(*, item: ContentItem, user, when: datetime) -> ContentItem:
    """Move an item to another day or time (the calendar's drag and drop)."""
    if item.status in (S.PUBLISHED, S.CANCELLED):
        raise ValidationError(_("A published or cancelled item keeps its date."))
    if item.status == S.SCHEDULED and when < timezone.now():
        raise ValidationError(_("A scheduled item cannot be moved into the past."))
    old = item.scheduled_at
    if old == when:
        return item
    item.scheduled_at = when
    item.save(update_fields=["scheduled_at", "updated_at"])
    content_event_record(item, ContentEvent.Kind.RESCHEDULED, user, from_time=old, to_time=when)
    return item


@transaction.atomic
def content_comment_add(*, item: ContentItem, user, body: str) -> ContentComment:
    body = body.strip()
    if not body:
        raise ValidationError(_("The comment is empty."))
    return ContentComment.objects.create(item=item, author=user, body=body)


@transaction.atomic
def content_results_set(
    *, item: ContentItem, user, reach: int | None, clicks: int | None, enquiries: int | None, note: str = ""
) -> ContentItem:
    item.reach, item.clicks, item.enquiries = reach, clicks, enquiries
    item.results_updated_at = timezone.now()
    item.save(update_fields=["reach", "clicks", "enquiries", "results_updated_at", "updated_at"])
    content_event_record(item, ContentEvent.Kind.RESULTS, user, note=note)
    return item
