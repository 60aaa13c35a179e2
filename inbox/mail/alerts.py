"""SLA alerts: enquiries about to miss (or past) their first-response target, and urgent ones
that arrived while the trainee was off duty, reported to the consultant — or, when the
company has no current engagement, to its owners — in one digest email per person per run.

Each conversation is alerted once: it is claimed by setting `sla_alerted_at` with a
conditional update before the emails go out, so two runs at the same time alert it once. A
claim whose every email failed is released, and the next run tries again.
"""

import logging
from dataclasses import dataclass
from datetime import datetime

from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from engagements.models import Company, Membership, User
from engagements.plan.models import Engagement
from engagements.roles import Role
from engagements.schedule.selectors import PresenceSchedule
from inbox.mail.compose import conversation_url, local_text
from inbox.mail.rendering import render, render_subject
from inbox.models import Conversation
from inbox.sla import AT_RISK, BREACHED, at_risk_cutoff

logger = logging.getLogger(__name__)

URGENT_OFF_DUTY = "urgent_off_duty"
# A digest lists at most this many conversations per company; the rest wait for the next run.
MAX_PER_COMPANY = 50


@dataclass
class AlertItem:
    conversation: Conversation
    kind: str  # BREACHED, AT_RISK or URGENT_OFF_DUTY


def _waiting(queryset):
    """Not answered, not closed, not alerted yet."""
    return queryset.filter(sla_alerted_at__isnull=True, first_response_at__isnull=True).exclude(
        status__in=[Conversation.Status.RESOLVED, Conversation.Status.SPAM]
    )


def alert_candidates(company: Company, now: datetime) -> list[AlertItem]:
    """What to alert about in one company (a handful of queries, whatever the inbox size)."""
    cutoff = at_risk_cutoff(company, now)
    conversations = list(
        _waiting(Conversation.objects.for_company(company))
        .filter(Q(first_response_due_at__lt=cutoff) | Q(priority=Conversation.Priority.URGENT))
        .select_related("contact")
        .order_by("first_response_due_at", "pk")[:MAX_PER_COMPANY]
    )
    urgent = [c for c in conversations if c.priority == Conversation.Priority.URGENT]
    schedule = None
    if urgent:
        tz = company.tzinfo
        days = [c.created_at.astimezone(tz).date() for c in urgent]
        schedule = PresenceSchedule.load(company, from_day=min(days), to_day=max(days))
    items = []
    for conversation in conversations:
        due = conversation.first_response_due_at
        if due is not None and due <= now:
            items.append(AlertItem(conversation, BREACHED))
        elif due is not None and due < cutoff:
            items.append(AlertItem(conversation, AT_RISK))
        elif (
            schedule is not None
            and conversation.priority == Conversation.Priority.URGENT
            and not schedule.on_duty(conversation.created_at)
        ):
            items.append(AlertItem(conversation, URGENT_OFF_DUTY))
    return items


def alert_recipients(company: Company) -> list[User]:
    """The consultant of the current engagement, else the company's owners."""
    engagement = (
        Engagement.objects.for_company(company)
        .current()
        .filter(consultant__is_active=True)
        .select_related("consultant")
        .order_by("-starts_on")
        .first()
    )
    if engagement is not None:
        return [engagement.consultant]
    owners = Membership.objects.for_company(company).filter(role=Role.OWNER, user__is_active=True)
    return [membership.user for membership in owners.select_related("user").order_by("user__email")]


def _claim(items: list[AlertItem], now: datetime) -> list[AlertItem]:
    ids = [item.conversation.pk for item in items]
    Conversation.objects.filter(pk__in=ids, sla_alerted_at__isnull=True).update(sla_alerted_at=now)
    # `now` marks this run's claims: a concurrent run claimed the others at another moment.
    mine = set(Conversation.objects.filter(pk__in=ids, sla_alerted_at=now).values_list("pk", flat=True))
    return [item for item in items if item.conversation.pk in mine]


def _reason(item: AlertItem, company: Company) -> str:
    due = item.conversation.first_response_due_at
    if item.kind == BREACHED:
        return _("Overdue: the answer was due by %(when)s.") % {"when": local_text(due, company.tzinfo, "l j F, H:i")}
    if item.kind == AT_RISK:
        return _("At risk: the answer is due by %(when)s.") % {"when": local_text(due, company.tzinfo, "l j F, H:i")}
    return _("Urgent, and it arrived while the digital manager was off duty.")


def _digest(user: User, entries: list[tuple[Company, AlertItem]]) -> EmailMultiAlternatives:
    language = user.language or entries[0][0].language
    by_company: dict[int, dict] = {}
    with translation.override(language):
        for company, item in entries:
            group = by_company.setdefault(company.pk, {"company": company, "items": []})
            group["items"].append(
                {
                    "conversation": item.conversation,
                    "kind": item.kind,
                    "reason": _reason(item, company),
                    "url": conversation_url(item.conversation),
                }
            )
        context = {"user": user, "groups": list(by_company.values()), "total": len(entries), "language": language}
        email = EmailMultiAlternatives(
            render_subject("inbox/mail/sla_alert_subject.txt", context),
            render("inbox/mail/sla_alert.txt", context),
            to=[user.email],
        )
        email.attach_alternative(render("inbox/mail/sla_alert.html", context), "text/html")
    return email


def sla_alerts_send(now: datetime | None = None) -> int:
    """One run of the SLA alerts; returns the number of digests sent."""
    now = now or timezone.now()
    waiting = _waiting(Conversation.objects.filter(company__is_active=True))
    companies = Company.objects.filter(pk__in=waiting.values("company_id")).order_by("pk")
    digests: dict[int, tuple[User, list]] = {}
    for company in companies:
        items = alert_candidates(company, now)
        recipients = alert_recipients(company) if items else []
        if not recipients:
            continue
        for item in _claim(items, now):
            item.conversation.company = company  # the links need its slug: no query per row
            for user in recipients:
                digests.setdefault(user.pk, (user, []))[1].append((company, item))

    delivered: set[int] = set()
    failed: set[int] = set()
    sent = 0
    for user, entries in digests.values():
        ids = {item.conversation.pk for _company, item in entries}
        try:
            _digest(user, entries).send()
        except Exception:
            logger.exception("SLA alert to %s failed; the next run tries again.", user.email)
            failed |= ids
            continue
        delivered |= ids
        sent += 1
    if failed - delivered:
        Conversation.objects.filter(pk__in=failed - delivered, sla_alerted_at=now).update(sla_alerted_at=None)
    return sent
