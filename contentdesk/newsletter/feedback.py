"""What the email channel hears back about a newsletter: bounces, spam complaints, mailto unsubscribes.

Called by the email intake (inbox.email_in.services) for every stored email; it never raises
into the intake (the email is already safe in the inbox; a failure here is logged).

* ``unsubscribe+<token>@`` among the recipients: the List-Unsubscribe mailto of one email.
* A bounce (the intake already recognises them and reads the undeliverable address): the
  delivery it reports — found by the Message-ID of the original email quoted in the report,
  else the latest sent delivery to that address — becomes `bounced`, and every subscription
  of the address in the company stops (`subscriptions_mark_undeliverable`).
* An ARF feedback report (RFC 5965, ``multipart/report; report-type=feedback-report``), what
  mailbox providers send when a reader presses "spam": the same, with `complained`.
"""

import email
import email.policy
import logging
import re

from django.db import transaction
from django.utils import timezone

from contentdesk.models import Delivery, Subscription
from contentdesk.newsletter.headers import mailto_unsubscribe_token
from contentdesk.newsletter.services import subscription_unsubscribe_by_token, subscriptions_mark_undeliverable

logger = logging.getLogger(__name__)
ORIGINAL_RCPT = re.compile(r"^Original-Rcpt-To:\s*<?([^>\s]+@[^>\s]+)>?", re.IGNORECASE | re.MULTILINE)
MESSAGE_ID = re.compile(r"^Message-ID:\s*(<[^>]+>)", re.IGNORECASE | re.MULTILINE)


def complaint_of(raw: bytes) -> tuple[str, list[str]] | None:
    """(complaining address, Message-IDs of the original) of an ARF report, else None."""
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    if message.get_content_type() != "multipart/report":
        return None
    if (message.get_param("report-type") or "").lower() != "feedback-report":
        return None
    address, ids = "", []
    for part in message.walk():
        kind = part.get_content_type()
        if kind == "message/feedback-report":
            text = _text(part)
            found = ORIGINAL_RCPT.search(text)
            address = address or (found.group(1) if found else "")
        elif kind in ("message/rfc822", "text/rfc822-headers"):
            text = _text(part)
            ids += MESSAGE_ID.findall(text)
            if not address:
                to = re.search(r"^To:\s*(.+)$", text, re.IGNORECASE | re.MULTILINE)
                address = email.utils.parseaddr(to.group(1))[1] if to else ""
    return (address.lower(), ids) if address else None


def _text(part) -> str:
    payload = part.get_payload()
    if isinstance(payload, list):  # message/* parsed as a sub-message
        return "\n".join(str(sub) for sub in payload)
    data = part.get_payload(decode=True)
    if data is None:
        return str(payload or "")
    return data.decode("utf-8", "replace")


def deliveries_mark(*, company, email_address: str, message_ids: list[str], status: str) -> Delivery | None:
    """The delivery a bounce or complaint is about; marked bounced (a complaint leaves it sent)."""
    deliveries = Delivery.objects.for_company(company).filter(email__iexact=email_address).exclude(message_id="")
    candidates = set(message_ids) | {f"<{m.strip('<>')}>" for m in message_ids}
    delivery = deliveries.filter(message_id__in=candidates).first() if candidates else None
    delivery = delivery or deliveries.filter(status=Delivery.Status.SENT).order_by("-sent_at", "-pk").first()
    if delivery is not None and status == Subscription.Status.BOUNCED:
        Delivery.objects.filter(pk=delivery.pk, status__in=[Delivery.Status.SENT, Delivery.Status.QUEUED]).update(
            status=Delivery.Status.BOUNCED, bounced_at=timezone.now()
        )
    return delivery


def newsletter_feedback(*, company, raw: bytes, recipient: str = "") -> str:
    """What the email meant for the newsletter: "unsubscribed", "bounced", "complained" or ""."""
    from inbox.email_in.parser import parse_email

    try:
        with transaction.atomic():
            return _feedback(company, raw, parse_email(raw), recipient)
    except Exception:  # the email is stored; the newsletter part must not lose it
        logger.exception("Reading newsletter feedback for company %s failed.", company.pk)
        return ""


def _feedback(company, raw: bytes, parsed, recipient: str) -> str:
    for address in [recipient, *parsed.recipients]:
        token = mailto_unsubscribe_token(address)
        if token and subscription_unsubscribe_by_token(token=token, source="mailto") is not None:
            return "unsubscribed"
    complaint = complaint_of(raw)
    if complaint is not None:
        address, ids = complaint
        deliveries_mark(company=company, email_address=address, message_ids=ids, status=Subscription.Status.COMPLAINED)
        subscriptions_mark_undeliverable(
            company=company, email=address, status=Subscription.Status.COMPLAINED, detail="feedback report"
        )
        return "complained"
    if parsed.auto_kind == "bounce" and parsed.bounced_address:
        address = parsed.bounced_address.lower()
        delivery = deliveries_mark(
            company=company, email_address=address, message_ids=parsed.thread_ids, status=Subscription.Status.BOUNCED
        )
        if delivery is not None:  # a bounce of a newsletter; other bounces are the inbox's business
            subscriptions_mark_undeliverable(
                company=company, email=address, status=Subscription.Status.BOUNCED, detail="bounce"
            )
            return "bounced"
    return ""
