"""Emails about the approval of content: who is told, in which language, and only once.

An item sent for approval (or back to approval by an edit) → the approvers (the owners and the
consultant), except whoever sent it. Approved, or changes requested → its author. Each email
is one `ContentNotification` row, so a retried task never sends the same email twice.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from contentdesk.models import ContentEvent, ContentItem, ContentNotification
from engagements.models import Membership
from engagements.roles import role_can

logger = logging.getLogger(__name__)

S = ContentItem.Status
REVIEW, APPROVED, CHANGES = "review", "approved", "changes"


def may_need_notice(event: ContentEvent) -> bool:
    """Cheap test made in the request: could this event call for an email?"""
    return event.kind == ContentEvent.Kind.STATUS and (
        event.to_status == S.IN_REVIEW or event.from_status == S.IN_REVIEW
    )


def queue_notifications(event: ContentEvent) -> None:
    """After the change is committed, let a worker send the emails (a broker failure does not
    undo the change: it is logged, and the item page shows the new state anyway)."""
    if not may_need_notice(event):
        return
    from contentdesk.items.tasks import notify_content_event

    event_id = event.pk
    transaction.on_commit(lambda: notify_content_event.delay(event_id), robust=True)


def _notice_kind(event: ContentEvent, memberships: dict[int, Membership]) -> str | None:
    if event.kind != ContentEvent.Kind.STATUS:
        return None
    if event.to_status == S.IN_REVIEW:
        return REVIEW
    if event.from_status == S.IN_REVIEW and event.to_status == S.APPROVED:
        return APPROVED
    if event.from_status == S.IN_REVIEW and event.to_status == S.DRAFT:
        # The same move is "withdraw" for a writer and "request changes" for an approver;
        # the workflow gives an approver the second (see contentdesk.workflow.MOVES).
        by = memberships.get(event.by_id)
        if by is not None and role_can(by.role, "content.approve"):
            return CHANGES
    return None


def _recipients(kind: str, event: ContentEvent, memberships: dict[int, Membership]) -> list[Membership]:
    if kind == REVIEW:
        chosen = [m for m in memberships.values() if role_can(m.role, "content.approve")]
    else:
        author = memberships.get(event.item.author_id)
        chosen = [author] if author is not None else []
    return sorted((m for m in chosen if m.user_id != event.by_id), key=lambda m: m.user_id)


def item_url(item: ContentItem) -> str:
    path = reverse("content_item", kwargs={"company_slug": item.company.slug, "item_id": item.pk})
    return settings.SITE_URL + path


def _subject(kind: str, item: ContentItem) -> str:
    values = {"company": item.company.name, "title": item.title}
    if kind == REVIEW:
        text = _("[%(company)s] To approve: %(title)s") % values
    elif kind == APPROVED:
        text = _("[%(company)s] Approved: %(title)s") % values
    else:
        text = _("[%(company)s] Changes requested: %(title)s") % values
    return " ".join(text.split())


def build_email(kind: str, event: ContentEvent, user) -> EmailMultiAlternatives:
    item = event.item
    company = item.company
    language = user.language or company.language
    with translation.override(language), timezone.override(company.tzinfo):
        context = {
            "kind": kind,
            "user": user,
            "name": user.first_name or user.display_name,
            "by": (event.by.first_name or event.by.display_name) if event.by else _("Someone"),
            "item": item,
            "channel": item.channel.name,
            "company": company,
            "event": event,
            "note": event.note,
            "url": item_url(item),
            "language": language,
        }
        subject = _subject(kind, item)
        text = render_to_string("contentdesk/items/mail/notice.txt", context)
        html = render_to_string("contentdesk/items/mail/notice.html", context)
    email = EmailMultiAlternatives(subject, text, to=[user.email])
    email.attach_alternative(html, "text/html")
    return email


def _claim(event: ContentEvent, user_id: int) -> ContentNotification | None:
    try:
        with transaction.atomic():
            return ContentNotification.objects.create(event=event, user_id=user_id)
    except IntegrityError:
        return None


def content_event_notify(event_id: int) -> int:
    """Send the emails that `event` calls for, each once; the number sent by this call.

    An SMTP failure releases that recipient's claim and is raised again, so the task retries
    and sends only what was not sent yet.
    """
    event = ContentEvent.objects.filter(pk=event_id).select_related("item__company", "item__channel", "by").first()
    if event is None:
        return 0
    item = event.item
    memberships = {
        m.user_id: m
        for m in Membership.objects.filter(company_id=item.company_id, user__is_active=True).select_related("user")
    }
    kind = _notice_kind(event, memberships)
    if kind is None:
        return 0
    if kind == REVIEW and item.status != S.IN_REVIEW:
        logger.info("Item %s is no longer in review: no request for approval sent.", item.pk)
        return 0
    sent = 0
    for membership in _recipients(kind, event, memberships):
        claim = _claim(event, membership.user_id)
        if claim is None:
            continue
        try:
            build_email(kind, event, membership.user).send()
        except Exception:
            claim.delete()
            raise
        ContentNotification.objects.filter(pk=claim.pk).update(sent_at=timezone.now())
        sent += 1
    return sent
