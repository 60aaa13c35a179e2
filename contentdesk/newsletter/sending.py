"""Sending a newsletter: from the scheduled item to one email per eligible recipient.

1. The item's page names the list (and segment): `newsletter_send_prepare` keeps a
   NewsletterSend in `queued` (one per item: the one-to-one is the idempotency key).
2. The periodic `sweep` starts the sends whose item is `scheduled` and due: a conditional
   update queued → sending, then one Delivery per `eligible_recipients(send)` — nobody else —
   created with ``ignore_conflicts`` on the (send, subscription) constraint.
3. `deliveries_send_batch` sends at most NEWSLETTER_RATE_PER_MINUTE messages a minute over one
   SMTP connection. Each delivery is CLAIMED by a conditional UPDATE (still queued, not
   claimed, subscription still subscribed with consent) that also stores its Message-ID, then
   handed to the SMTP server, then marked `sent` right away.

At most once: a worker killed between the claim and the `sent` mark leaves a delivery queued
*and claimed*; nothing ever sends a claimed delivery again. That window holds one SMTP
transaction, so such a recipient may or may not have the email — never two. After
CLAIM_STALE the finishing step marks it `failed` with a note saying so, and the send completes.
The killed task itself comes back (acks_late) or the sweep queues the rest: only unclaimed
deliveries are sent.
4. When no delivery is left queued, the send is `sent` and the item `published`
   (published_at = start of the send, published_url = the item's page), with a ContentEvent.
"""

import time
from datetime import datetime, timedelta
from email.utils import formataddr
from smtplib import SMTPRecipientsRefused, SMTPResponseException, SMTPServerDisconnected

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import F, Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from contentdesk.models import ChannelKind, ContentEvent, ContentItem, Delivery, NewsletterSend, Subscription
from contentdesk.newsletter.compose import render_newsletter
from contentdesk.newsletter.headers import newsletter_headers
from contentdesk.newsletter.selectors import eligible_recipients
from contentdesk.services import content_event_record
from inbox.mail.compose import new_message_id, sender_address
from inbox.models import IntakeChannel

DEFAULT_RATE_PER_MINUTE = 120
# A claim older than this belongs to a worker that died: see the module's docstring.
CLAIM_STALE = timedelta(minutes=10)
# A send with no claim for this long has no task working on it: the sweep queues one.
IDLE_AFTER = timedelta(minutes=2)
INTERRUPTED = "Interrupted while sending: the email may or may not have been delivered; not sent again."
NO_LONGER_SUBSCRIBED = "Not sent: unsubscribed or undeliverable before the email left."
D = Delivery.Status
NS = NewsletterSend.Status


def rate_per_minute() -> int:
    return max(1, int(getattr(settings, "NEWSLETTER_RATE_PER_MINUTE", DEFAULT_RATE_PER_MINUTE)))


# Preparing ---------------------------------------------------------------------------------


@transaction.atomic
def newsletter_send_prepare(*, item: ContentItem, newsletter_list, segment=None, subject: str = "") -> NewsletterSend:
    """Choose (or change) the list of a newsletter item before it leaves."""
    if item.channel.kind != ChannelKind.NEWSLETTER:
        raise ValidationError(_("Only items of a newsletter channel are sent by email."))
    if newsletter_list is None:
        raise ValidationError(_("Choose the list to send the newsletter to."))
    if newsletter_list.company_id != item.company_id:
        raise ValidationError(_("Choose one of your lists."))
    if segment is not None and segment.newsletter_list_id != newsletter_list.pk:
        raise ValidationError(_("The segment belongs to another list."))
    send = NewsletterSend.objects.select_for_update().filter(item=item).first()
    if send is not None and send.status != NS.QUEUED:
        raise ValidationError(_("This newsletter is already being sent: the list can no longer change."))
    values = {"newsletter_list": newsletter_list, "segment": segment, "subject": subject.strip()}
    if send is None:
        return NewsletterSend.objects.create(company_id=item.company_id, item=item, **values)
    for name, value in values.items():
        setattr(send, name, value)
    send.save(update_fields=list(values))
    return send


# Starting ----------------------------------------------------------------------------------


def sends_due(now: datetime | None = None) -> list[int]:
    now = now or timezone.now()
    return list(
        NewsletterSend.objects.filter(
            status=NS.QUEUED, item__status=ContentItem.Status.SCHEDULED, item__scheduled_at__lte=now
        ).values_list("pk", flat=True)
    )


def newsletter_send_start(send_id: int, *, now: datetime | None = None) -> bool:
    """queued → sending with its deliveries, once; False if not due or already started."""
    now = now or timezone.now()
    with transaction.atomic():
        started = NewsletterSend.objects.filter(
            pk=send_id,
            status=NS.QUEUED,
            item__status=ContentItem.Status.SCHEDULED,
            item__scheduled_at__lte=now,
        ).update(status=NS.SENDING, started_at=now)
        if not started:
            return False
        send = NewsletterSend.objects.select_related("segment").get(pk=send_id)
        rows = [
            Delivery(company_id=send.company_id, send=send, subscription_id=sub.pk, email=sub.contact.email)
            for sub in eligible_recipients(send)
        ]
        Delivery.objects.bulk_create(rows, batch_size=500, ignore_conflicts=True)
        total = Delivery.objects.filter(send=send).count()
        NewsletterSend.objects.filter(pk=send_id).update(recipients_total=total)
    return True


# Sending -----------------------------------------------------------------------------------


def reply_to_address(company_id: int) -> str:
    """The company's email channel: a reply reaches the inbox like any email from the contact."""
    channel = (
        IntakeChannel.objects.filter(company_id=company_id, kind=IntakeChannel.Kind.EMAIL, is_active=True)
        .exclude(address="")
        .order_by("pk")
        .first()
    )
    return channel.address if channel else ""


def build_message(send: NewsletterSend, delivery: Delivery, *, reply_to: str = "") -> EmailMultiAlternatives:
    subscription = delivery.subscription
    newsletter_list = send.newsletter_list
    rendered = render_newsletter(
        send.item,
        subject=send.subject,
        sender_name=newsletter_list.sender_name,
        delivery=delivery,
        subscription=subscription,
    )
    message = EmailMultiAlternatives(
        subject=rendered["subject"],
        body=rendered["text"],
        from_email=formataddr((newsletter_list.sender_name, sender_address())),
        to=[delivery.email],
        reply_to=[reply_to] if reply_to else None,
        headers={**newsletter_headers(subscription, delivery), "Message-ID": delivery.message_id},
    )
    message.attach_alternative(rendered["html"], "text/html")
    return message


def _claim(delivery_id: int, now: datetime) -> str | None:
    """The Message-ID if this worker now owns the delivery, else None (someone else has it,
    or the recipient left the list since the deliveries were made: then it is marked failed)."""
    message_id = new_message_id()
    claimed = Delivery.objects.filter(
        pk=delivery_id,
        status=D.QUEUED,
        claimed_at__isnull=True,
        subscription__status=Subscription.Status.SUBSCRIBED,
        subscription__contact__marketing_consent=True,
    ).update(claimed_at=now, attempts=F("attempts") + 1, message_id=message_id)
    if claimed:
        return message_id
    Delivery.objects.filter(pk=delivery_id, status=D.QUEUED, claimed_at__isnull=True).update(
        status=D.FAILED, claimed_at=now, error=NO_LONGER_SUBSCRIBED
    )
    return None


def deliveries_send_batch(send_id: int, *, limit: int | None = None) -> dict:
    """Send up to one minute's worth of the send's unclaimed deliveries, paced evenly.

    Returns {"sent", "failed", "more"}: `more` tells the task to queue the next batch.
    """
    send = (
        NewsletterSend.objects.select_related("item__company", "item__channel", "newsletter_list__company")
        .filter(pk=send_id, status=NS.SENDING)
        .first()
    )
    outcome = {"sent": 0, "failed": 0, "more": False}
    if send is None:
        return outcome
    rate = rate_per_minute()
    pending = Delivery.objects.filter(send=send, status=D.QUEUED, claimed_at__isnull=True).order_by("pk")
    ids = list(pending.values_list("pk", flat=True)[: limit or rate])
    if not ids:
        return outcome
    reply_to = reply_to_address(send.company_id)
    interval, started = 60.0 / rate, time.monotonic()
    connection = get_connection()
    connection.open()  # a refused connection raises before anything is claimed: the task retries
    try:
        for position, delivery_id in enumerate(ids):
            wait = started + position * interval - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            message_id = _claim(delivery_id, timezone.now())
            if message_id is None:
                continue
            delivery = Delivery.objects.select_related(
                "subscription__newsletter_list__company", "subscription__contact"
            ).get(pk=delivery_id)
            try:
                connection.send_messages([build_message(send, delivery, reply_to=reply_to)])
            except (SMTPRecipientsRefused, SMTPResponseException, SMTPServerDisconnected, OSError) as error:
                Delivery.objects.filter(pk=delivery_id).update(status=D.FAILED, error=str(error)[:1000])
                outcome["failed"] += 1
                if isinstance(error, (SMTPServerDisconnected, ConnectionError)):
                    break  # the server went away: the rest waits for the next batch
                continue
            Delivery.objects.filter(pk=delivery_id, status=D.QUEUED).update(status=D.SENT, sent_at=timezone.now())
            outcome["sent"] += 1
    finally:
        connection.close()
    outcome["more"] = pending.exists()
    return outcome


# Finishing ---------------------------------------------------------------------------------


def item_page_url(item: ContentItem) -> str:
    return settings.SITE_URL + reverse("content_item", kwargs={"company_slug": item.company.slug, "item_id": item.pk})


def newsletter_send_finish(send_id: int, *, now: datetime | None = None) -> bool:
    """sending → sent and the item published, once nothing is left to send; else False."""
    now = now or timezone.now()
    Delivery.objects.filter(send_id=send_id, status=D.QUEUED, claimed_at__lt=now - CLAIM_STALE).update(
        status=D.FAILED, error=INTERRUPTED
    )
    if Delivery.objects.filter(send_id=send_id, status=D.QUEUED).exists():
        return False
    with transaction.atomic():
        if not NewsletterSend.objects.filter(pk=send_id, status=NS.SENDING).update(status=NS.SENT, finished_at=now):
            return False
        send = NewsletterSend.objects.select_related("item__company").get(pk=send_id)
        item = ContentItem.objects.select_for_update().select_related("company").get(pk=send.item_id)
        if item.status == ContentItem.Status.SCHEDULED:
            note = _("Newsletter sent to %(count)s recipients.") % {"count": send.recipients_total}
            content_event_record(
                item,
                ContentEvent.Kind.STATUS,
                None,
                from_status=item.status,
                to_status=ContentItem.Status.PUBLISHED,
                note=note,
            )
            item.status = ContentItem.Status.PUBLISHED
            item.published_at = send.started_at or now
            item.published_url = item_page_url(item)
            item.save(update_fields=["status", "published_at", "published_url"])
    return True


def sends_idle(now: datetime | None = None) -> list[int]:
    """Sends in progress that no task seems to be working on (killed worker, lost message)."""
    now = now or timezone.now()
    rows = NewsletterSend.objects.filter(status=NS.SENDING).annotate(last_claim=Max("deliveries__claimed_at"))
    return [send.pk for send in rows if (send.last_claim or send.started_at or send.created_at) < now - IDLE_AFTER]


# Test send -----------------------------------------------------------------------------------


def newsletter_test_check(*, item: ContentItem, user) -> None:
    """Raise ValidationError (shown to the user) if a test send cannot go out."""
    if item.channel.kind != ChannelKind.NEWSLETTER:
        raise ValidationError(_("Only items of a newsletter channel are sent by email."))
    if not (user.email or "").strip():
        raise ValidationError(_("Your account has no email address: add it in your profile to receive the test."))
    if not item.body.strip():
        raise ValidationError(_("Write the newsletter's text first."))


def newsletter_test_send(item_id: int, user_id: int) -> bool:
    """The newsletter to its writer, with direct links: no delivery, so no results counted."""
    from django.contrib.auth import get_user_model

    item = ContentItem.objects.select_related("company", "channel").get(pk=item_id)
    user = get_user_model().objects.get(pk=user_id)
    newsletter_test_check(item=item, user=user)
    send = NewsletterSend.objects.select_related("newsletter_list").filter(item=item).first()
    sender_name = send.newsletter_list.sender_name if send else item.company.name
    rendered = render_newsletter(item, subject=send.subject if send else "", sender_name=sender_name)
    message = EmailMultiAlternatives(
        subject=_("[Test] %(subject)s") % {"subject": rendered["subject"]},
        body=rendered["text"],
        from_email=formataddr((sender_name, sender_address())),
        to=[user.email],
        headers={"Message-ID": new_message_id()},
    )
    message.attach_alternative(rendered["html"], "text/html")
    return message.send() == 1
