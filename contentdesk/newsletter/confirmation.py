"""The email with the link that confirms a subscription (the second step of the double opt-in).

Sent at most once per request: the worker claims the request by setting
`confirmation_sent_at` with a conditional update before sending, so a task run twice (a
retry, the sweep, a second worker) sends nothing more. A failed send gives the claim back and
raises, and the task retries. A worker killed between the claim and the send leaves that one
request without an email; the person can ask again from the form.
"""

import logging
from datetime import timedelta
from email.utils import formataddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from contentdesk.models import Subscription
from contentdesk.newsletter.tokens import CONFIRM_DAYS, confirm_token
from inbox.mail.compose import sender_address

logger = logging.getLogger(__name__)

S = Subscription.Status
EMAIL_LANGUAGES = ("it", "en")
# Requests younger than this are still in the hands of the task queued by their request.
SWEEP_AFTER = timedelta(minutes=2)
SWEEP_BATCH = 200


def confirm_url(subscription: Subscription) -> str:
    return settings.SITE_URL + reverse("newsletter_confirm", kwargs={"token": confirm_token(subscription)})


def email_language(subscription: Subscription) -> str:
    for code in (subscription.language, subscription.contact.language):
        code = (code or "")[:2].lower()
        if code in EMAIL_LANGUAGES:
            return code
    return subscription.newsletter_list.company.language


def build_confirmation_email(subscription: Subscription) -> EmailMultiAlternatives:
    newsletter_list = subscription.newsletter_list
    company = newsletter_list.company
    language = email_language(subscription)
    with translation.override(language):
        context = {
            "company": company,
            "newsletter_list": newsletter_list,
            "name": subscription.contact.name,
            "url": confirm_url(subscription),
            "days": CONFIRM_DAYS,
            "consent_text": subscription.consent_text,
            "language": language,
        }
        subject = _("Confirm your subscription to the newsletter of %(company)s") % {"company": company.name}
        text = render_to_string("contentdesk/newsletter/mail/confirm.txt", context)
        html = render_to_string("contentdesk/newsletter/mail/confirm.html", context)
    email = EmailMultiAlternatives(
        " ".join(subject.split()),
        text,
        from_email=formataddr((newsletter_list.sender_name, sender_address())),
        to=[subscription.contact.email],
        headers={"Auto-Submitted": "auto-generated"},
    )
    email.attach_alternative(html, "text/html")
    return email


def _unsent():
    return Q(confirmation_sent_at__isnull=True) | Q(confirmation_sent_at__lt=F("requested_at"))


def subscription_confirmation_send(subscription_id: int) -> bool:
    """Email the confirmation link of the subscription's latest request, once. True if sent now."""
    subscription = (
        Subscription.objects.select_related("newsletter_list__company", "contact")
        .filter(pk=subscription_id, status=S.PENDING)
        .first()
    )
    if subscription is None or not subscription.contact.email:
        return False
    previous, now = subscription.confirmation_sent_at, timezone.now()
    claimed = (
        Subscription.objects.filter(pk=subscription.pk, status=S.PENDING, requested_at=subscription.requested_at)
        .filter(_unsent())
        .update(confirmation_sent_at=now)
    )
    if not claimed:
        return False
    try:
        build_confirmation_email(subscription).send()
    except Exception:
        Subscription.objects.filter(pk=subscription.pk, confirmation_sent_at=now).update(confirmation_sent_at=previous)
        raise
    return True


def confirmations_due(*, now=None) -> list[int]:
    """Requests whose email was never sent (the broker was down, the task gave up)."""
    now = now or timezone.now()
    return list(
        Subscription.objects.filter(
            status=S.PENDING,
            requested_at__lt=now - SWEEP_AFTER,
            requested_at__gt=now - timedelta(days=CONFIRM_DAYS),
        )
        .filter(_unsent())
        .order_by("requested_at")
        .values_list("pk", flat=True)[:SWEEP_BATCH]
    )
