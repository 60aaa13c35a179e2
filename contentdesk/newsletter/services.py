"""State changes of the newsletter: lists, segments, subscriptions and their consent.

Every function runs in a transaction and queues its email after the commit. Nobody becomes
`subscribed` without a consent (`consent_require`), and the database checks it again
(constraint subscription_subscribed_has_consent). Subscribing from the public form is a
double opt-in: `subscription_request` makes a pending subscription and emails a link;
`subscription_confirm` records the consent when the link is used.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from contentdesk.models import Delivery, NewsletterList, NewsletterSegment, Subscription, SubscriptionEvent
from contentdesk.newsletter.tokens import BadToken, read_unsubscribe_token, request_stamp
from inbox.intake.queue import enqueue_on_commit
from inbox.models import Contact, Conversation
from inbox.services import contact_upsert

logger = logging.getLogger(__name__)

S = Subscription.Status
E = SubscriptionEvent.Kind
# A second request for the same address within this time sends no second email.
RESEND_AFTER = timedelta(minutes=10)
# Requests never confirmed are forgotten after this (the link expired long before).
PURGE_PENDING_AFTER = timedelta(days=30)


# Lists and segments ----------------------------------------------------------------------


@transaction.atomic
def newsletter_list_create(*, company, name: str, **fields) -> NewsletterList:
    return NewsletterList.objects.create(company=company, name=name.strip(), **fields)


@transaction.atomic
def newsletter_list_update(*, newsletter_list: NewsletterList, **fields) -> NewsletterList:
    for field, value in fields.items():
        setattr(newsletter_list, field, value.strip() if field == "name" else value)
    newsletter_list.save(update_fields=list(fields))
    return newsletter_list


@transaction.atomic
def segment_save(
    *, newsletter_list: NewsletterList, name: str, contact_kind: str, language: str, tags, segment=None
) -> NewsletterSegment:
    """Create a segment of `newsletter_list`, or change `segment`; tags must be the company's."""
    tags = list(tags)
    if any(tag.company_id != newsletter_list.company_id for tag in tags):
        raise ValidationError(_("These tags belong to another company."))
    if segment is None:
        segment = NewsletterSegment(company=newsletter_list.company, newsletter_list=newsletter_list)
    segment.name, segment.contact_kind, segment.language = name.strip(), contact_kind, language
    segment.save()
    segment.tags.set(tags)
    return segment


@transaction.atomic
def segment_delete(*, segment: NewsletterSegment) -> None:
    segment.delete()


# Consent ------------------------------------------------------------------------------------


def consent_require(consent: dict | None) -> dict:
    """The consent as stored ({given_at, text, source}), or ValidationError saying what is missing."""
    consent = consent or {}
    given_at, text = consent.get("given_at"), str(consent.get("text") or "").strip()
    source = str(consent.get("source") or "").strip()[:200]
    problems = []
    if not isinstance(given_at, datetime):
        problems.append(_("when the person agreed"))
    elif given_at > timezone.now() + timedelta(minutes=5):
        raise ValidationError(_("The consent cannot be dated in the future."))
    if not text:
        problems.append(_("the text the person agreed to"))
    if not source:
        problems.append(_("where the consent was collected"))
    if problems:
        raise ValidationError(
            _("Nobody is subscribed without a recorded consent. Missing: %(what)s.") % {"what": ", ".join(problems)}
        )
    if timezone.is_naive(given_at):
        given_at = timezone.make_aware(given_at)
    return {"given_at": given_at, "text": text, "source": source}


def contacts_sync_marketing_consent(contact_ids) -> None:
    """A contact agrees to marketing while it is subscribed to some list, and no longer after."""
    subscribed = Subscription.objects.filter(contact_id=OuterRef("pk"), status=S.SUBSCRIBED)
    contacts = Contact.objects.filter(pk__in=list(contact_ids))
    contacts.filter(Exists(subscribed), marketing_consent=False).update(marketing_consent=True)
    contacts.filter(~Exists(subscribed), marketing_consent=True).update(marketing_consent=False)


def _event(subscription, kind, *, at, ip=None, detail="", consent_text="", by=None) -> SubscriptionEvent:
    return SubscriptionEvent.objects.create(
        subscription=subscription, kind=kind, at=at, ip=ip, detail=detail[:200], consent_text=consent_text, by=by
    )


def contact_by_email(company, email: str) -> Contact | None:
    # Lower(email) and email <> '' as in the inbox's unique index, so that PostgreSQL can use it.
    return (
        Contact.objects.for_company(company)
        .alias(email_lower=Lower("email"))
        .filter(~Q(email=""), email_lower=email.strip().lower())
        .first()
    )


@transaction.atomic
def subscription_subscribe(
    *, newsletter_list: NewsletterList, contact: Contact, consent: dict, method: str, by=None, detail: str = ""
) -> tuple[Subscription, bool]:
    """Subscribe `contact` with a consent recorded elsewhere (a fair's form, a file).

    (subscription, changed). Someone who unsubscribed, bounced or complained is left as they
    are: only they can subscribe again, through the form and its confirmation.
    """
    if contact.company_id != newsletter_list.company_id:
        raise ValidationError(_("This contact belongs to another company."))
    if not contact.email:
        raise ValidationError(_("A contact without an email address cannot be subscribed."))
    consent = consent_require(consent)
    subscription, _created = Subscription.objects.select_for_update().get_or_create(
        newsletter_list=newsletter_list,
        contact=contact,
        defaults={"company": newsletter_list.company, "status": S.SUBSCRIBED, "method": method, **_consent(consent)},
    )
    if not _created:
        if subscription.status != S.PENDING:
            return subscription, False
        for field, value in {"status": S.SUBSCRIBED, "method": method, **_consent(consent)}.items():
            setattr(subscription, field, value)
        subscription.status_changed_at = timezone.now()
        subscription.save()
    _event(
        subscription,
        E.IMPORTED,
        at=timezone.now(),
        detail=detail or consent["source"],
        consent_text=consent["text"],
        by=by,
    )
    contacts_sync_marketing_consent([contact.pk])
    return subscription, True


def _consent(consent: dict) -> dict:
    return {
        "consent_given_at": consent["given_at"],
        "consent_text": consent["text"],
        "consent_source": consent["source"],
    }


# Double opt-in --------------------------------------------------------------------------------


@dataclass(frozen=True)
class RequestOutcome:
    subscription: Subscription
    emailed: bool  # a confirmation email was queued by this request


@transaction.atomic
def subscription_request(
    *,
    newsletter_list: NewsletterList,
    email: str,
    consent_text: str,
    source: str,
    name: str = "",
    organisation: str = "",
    language: str = "",
    ip: str | None = None,
    now: datetime | None = None,
) -> RequestOutcome:
    """Someone asked to subscribe: a pending subscription and, after the commit, an email.

    The answer to the visitor is the same whatever happens here, so that the form never tells
    whether an address is already on the list. An existing contact is not changed by an
    unconfirmed request (anyone may type anyone's address).
    """
    email = (email or "").strip().lower()
    validate_email(email)
    consent_text, source = (consent_text or "").strip(), (source or "").strip()[:200]
    if not consent_text or not source:
        raise ValidationError(_("The consent text shown and the form's address are required."))
    now = now or timezone.now()
    company = newsletter_list.company
    contact = contact_by_email(company, email)
    created_contact = contact is None
    if contact is None:
        contact = contact_upsert(
            company=company, email=email, name=name, organisation=organisation, language=language, update_existing=False
        )
    subscription = (
        Subscription.objects.select_for_update().filter(newsletter_list=newsletter_list, contact=contact).first()
    )
    if subscription is None:
        try:
            with transaction.atomic():
                subscription = Subscription.objects.create(
                    company=company,
                    newsletter_list=newsletter_list,
                    contact=contact,
                    status=S.PENDING,
                    method=Subscription.Method.FORM,
                    language=language,
                    consent_text=consent_text,
                    consent_source=source,
                    requested_at=now,
                    request_ip=ip,
                    created_contact=created_contact,
                    status_changed_at=now,
                    created_at=now,
                )
        except IntegrityError:  # the same address sent twice at once: the other request won
            subscription = Subscription.objects.select_for_update().get(
                newsletter_list=newsletter_list, contact=contact
            )
            return RequestOutcome(subscription, emailed=False)
    else:
        if subscription.status == S.SUBSCRIBED:
            return RequestOutcome(subscription, emailed=False)
        if subscription.status == S.PENDING and subscription.requested_at > now - RESEND_AFTER:
            return RequestOutcome(subscription, emailed=False)
        if subscription.status != S.PENDING:
            subscription.status_changed_at = now
        # A new request: what was shown now is what will be agreed to, and older links stop working.
        subscription.status = S.PENDING
        subscription.method = Subscription.Method.FORM
        subscription.language = language or subscription.language
        subscription.consent_text, subscription.consent_source = consent_text, source
        subscription.consent_given_at = subscription.consent_ip = None
        subscription.requested_at, subscription.request_ip = now, ip
        subscription.save()
    _event(subscription, E.REQUESTED, at=now, ip=ip, detail=source, consent_text=consent_text)
    from contentdesk.newsletter.tasks import send_confirmation

    enqueue_on_commit(send_confirmation, subscription.pk)
    return RequestOutcome(subscription, emailed=True)


class ConfirmResult:
    CONFIRMED = "confirmed"
    ALREADY = "already"  # subscribed already (this link or a newer one was used): nothing to do
    REPLACED = "replaced"  # a newer link was sent, or the person unsubscribed since


def confirm_state(subscription: Subscription, stamp: int) -> str:
    """What a confirmation with this link would do: "" (confirm it), ALREADY or REPLACED."""
    if subscription.status == S.SUBSCRIBED:
        return ConfirmResult.ALREADY
    if subscription.status != S.PENDING or request_stamp(subscription.requested_at) != stamp:
        return ConfirmResult.REPLACED
    return ""


@transaction.atomic
def subscription_confirm(
    *, subscription_id: int, stamp: int, ip: str | None = None, now: datetime | None = None
) -> tuple[str, Subscription]:
    """The link of the confirmation email was used: record the consent and subscribe.

    Subscription.DoesNotExist if the subscription is gone (a forgotten request).
    """
    now = now or timezone.now()
    subscription = (
        Subscription.objects.select_for_update()
        .select_related("newsletter_list__company", "contact")
        .get(pk=subscription_id)
    )
    result = confirm_state(subscription, stamp)
    if result:
        return result, subscription
    consent = consent_require(
        {"given_at": now, "text": subscription.consent_text, "source": subscription.consent_source}
    )
    subscription.status = S.SUBSCRIBED
    subscription.consent_given_at, subscription.consent_ip = consent["given_at"], ip
    subscription.status_changed_at = now
    subscription.save(update_fields=["status", "consent_given_at", "consent_ip", "status_changed_at"])
    _event(subscription, E.CONFIRMED, at=now, ip=ip, detail=subscription.consent_source, consent_text=consent["text"])
    contact = subscription.contact
    if not contact.language and subscription.language:
        Contact.objects.filter(pk=contact.pk, language="").update(language=subscription.language[:8])
    contacts_sync_marketing_consent([contact.pk])
    return ConfirmResult.CONFIRMED, subscription


# Leaving the list -------------------------------------------------------------------------------


@transaction.atomic
def subscription_unsubscribe(
    *, subscription: Subscription, source: str, delivery_id: int | None = None, ip: str | None = None, by=None
) -> bool:
    """The person leaves the list (or a colleague removes them on request). False if already out.

    From now on `eligible_recipients` never returns them for this list; only a new confirmed
    request from the form brings them back.
    """
    now = timezone.now()
    locked = Subscription.objects.select_for_update().get(pk=subscription.pk)
    if delivery_id:
        Delivery.objects.filter(pk=delivery_id, subscription_id=locked.pk, unsubscribed_at__isnull=True).update(
            unsubscribed_at=now
        )
    if locked.status == S.UNSUBSCRIBED:
        return False
    Subscription.objects.filter(pk=locked.pk).update(status=S.UNSUBSCRIBED, status_changed_at=now)
    subscription.status, subscription.status_changed_at = S.UNSUBSCRIBED, now
    _event(locked, E.UNSUBSCRIBED, at=now, ip=ip, detail=source, by=by)
    contacts_sync_marketing_consent([locked.contact_id])
    return True


def subscription_unsubscribe_by_token(*, token: str, source: str, ip: str | None = None) -> Subscription | None:
    """For the email intake's ``unsubscribe+<token>@`` messages: None if the token is not ours."""
    try:
        subscription_id, delivery_id = read_unsubscribe_token(token)
    except BadToken:
        return None
    subscription = Subscription.objects.filter(pk=subscription_id).first()
    if subscription is None:
        return None
    subscription_unsubscribe(subscription=subscription, source=source, delivery_id=delivery_id, ip=ip)
    return subscription


@transaction.atomic
def subscriptions_mark_undeliverable(*, company, email: str, status: str, detail: str = "") -> int:
    """A bounce or a spam complaint about `email`: every list of the company stops writing to it.

    For the sending part and the email intake; the number of subscriptions changed.
    """
    if status not in (S.BOUNCED, S.COMPLAINED):
        raise ValueError(f"Not an undeliverable status: {status!r}")
    contact = contact_by_email(company, email)
    if contact is None:
        return 0
    now = timezone.now()
    changed = list(
        Subscription.objects.select_for_update()
        .filter(contact=contact)
        .filter(status__in=[S.SUBSCRIBED, S.PENDING] + ([S.BOUNCED] if status == S.COMPLAINED else []))
    )
    for subscription in changed:
        Subscription.objects.filter(pk=subscription.pk).update(status=status, status_changed_at=now)
        _event(subscription, E.BOUNCED if status == S.BOUNCED else E.COMPLAINED, at=now, detail=detail)
    if status == S.COMPLAINED:
        contacts_sync_marketing_consent([contact.pk])
    return len(changed)


# Housekeeping ----------------------------------------------------------------------------------


@transaction.atomic
def subscriptions_purge_stale(*, now: datetime | None = None) -> int:
    """Forget requests never confirmed, and the contacts that only they had made.

    Safe to run twice: what is deleted is gone, and what is kept is kept again.
    """
    now = now or timezone.now()
    stale = Subscription.objects.filter(status=S.PENDING, requested_at__lt=now - PURGE_PENDING_AFTER)
    contact_ids = set(stale.filter(created_contact=True).values_list("contact_id", flat=True))
    _total, by_model = stale.delete()
    if contact_ids:
        # Only contacts nothing else refers to: no conversation, no other list.
        Contact.objects.filter(pk__in=contact_ids).exclude(
            Exists(Conversation.objects.filter(contact_id=OuterRef("pk")))
        ).exclude(Exists(Subscription.objects.filter(contact_id=OuterRef("pk")))).delete()
    return by_model.get(Subscription._meta.label, 0)
