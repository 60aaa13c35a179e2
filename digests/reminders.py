"""Reminders of what is late: content items past their planned time, milestones past their due day.

Content: an item planned for a time that has passed and neither published nor cancelled is
reminded to its author (the digital managers when the author is no longer a member), at most
once per item and local day, from 07:00 in the company's time zone, for `CONTENT_REMINDED_FOR`
days; after that it stays red on the calendar without more emails.

Milestones: an open milestone past its due day (in the company's time zone) of an engagement not
closed is reminded to the engagement's consultant and the company's owners, and again each
time a week has passed since the last reminder.

One email per person and company per run. Every line is claimed first (digests.models), so a
rerun or a second worker sends nothing twice; the lines of a failed email are given back.
"""

import logging
from collections import defaultdict
from datetime import UTC, datetime, timedelta

from django.utils import timezone

from contentdesk.models import ContentItem
from digests.claims import dispatch_claim, dispatch_finish, dispatch_release, new_claim_token
from digests.mail import absolute_url, email_build, recipient_language
from digests.models import Dispatch
from digests.morning import digest_day
from engagements.models import Membership
from engagements.plan.models import Engagement, Milestone
from engagements.roles import Role

logger = logging.getLogger(__name__)

CONTENT_REMINDED_FOR = timedelta(days=14)
MILESTONE_REMIND_EVERY_DAYS = 7


def _members_by_company(company_ids) -> dict[int, list[Membership]]:
    members = defaultdict(list)
    for membership in (
        Membership.objects.filter(company_id__in=company_ids, user__is_active=True)
        .select_related("user")
        .order_by("user__email")
    ):
        members[membership.company_id].append(membership)
    return members


def _send_group(*, kind, template, recipient, company, lines, now, token, context) -> bool:
    """Claim each line of one email, send what this run claimed; True when an email went."""
    claimed = [
        line
        for line in lines
        if dispatch_claim(
            kind=kind, recipient_id=recipient.pk, key=line.reminder_key, company_id=company.pk, now=now, token=token
        )
    ]
    if not claimed:
        return False
    lookup = {"kind": kind, "recipient_id": recipient.pk, "key__in": [line.reminder_key for line in claimed]}
    language = recipient_language(recipient, company)
    try:
        email_build(
            template=template,
            context={**context, "company": company, "user": recipient, "lines": claimed},
            to=recipient.email,
            language=language,
            tz=company.tzinfo,
        ).send()
    except Exception:
        logger.exception("%s reminder to %s failed; the next run tries again.", kind, recipient.email)
        dispatch_release(token=token, **lookup)
        return False
    dispatch_finish(token=token, outcome=Dispatch.Outcome.SENT, now=now, **lookup)
    return True


def overdue_content_groups(now: datetime) -> list[tuple]:
    """[(recipient, company, [items])] of the content items to remind about now (three queries)."""
    items = list(
        ContentItem.objects.filter(company__is_active=True, scheduled_at__gte=now - CONTENT_REMINDED_FOR)
        .overdue(now)
        .select_related("company", "channel")
        .order_by("company_id", "scheduled_at", "pk")
    )
    members = _members_by_company({item.company_id for item in items})
    groups: dict[tuple[int, int], tuple] = {}
    for item in items:
        day = digest_day(item.company, now)
        if day is None:
            continue
        company_members = members.get(item.company_id, [])
        author = next((m.user for m in company_members if m.user_id == item.author_id), None)
        recipients = (
            [author] if author is not None else [m.user for m in company_members if m.role == Role.DIGITAL_MANAGER]
        )
        item.reminder_key = f"{item.pk}:{day.isoformat()}"
        item.url = absolute_url("content_item", company_slug=item.company.slug, item_id=item.pk)
        for user in recipients:
            groups.setdefault((user.pk, item.company_id), (user, item.company, []))[2].append(item)
    return list(groups.values())


def overdue_milestone_groups(now: datetime) -> list[tuple]:
    """[(recipient, company, [milestones])] of the milestones to remind about now (four queries).

    A line is keyed by the milestone and the local day (two runs of a day: one reminder), and
    left out while the recipient had a reminder of it in the last seven days."""
    milestones = list(
        Milestone.objects.open()
        .filter(
            # A day later than UTC's is later than every zone's today; each company's is checked below.
            due_on__lt=now.astimezone(UTC).date() + timedelta(days=1),
            phase__engagement__company__is_active=True,
        )
        .exclude(phase__engagement__status=Engagement.Status.CLOSED)
        .select_related("phase__engagement__company", "phase__engagement__consultant")
        .order_by("phase__engagement__company_id", "due_on", "pk")
    )
    companies = {m.phase.engagement.company_id for m in milestones}
    owners = {
        company_id: [m.user for m in members if m.role == Role.OWNER]
        for company_id, members in _members_by_company(companies).items()
    }
    recent = _reminded_recently(now)
    groups: dict[tuple[int, int], tuple] = {}
    for milestone in milestones:
        engagement = milestone.phase.engagement
        company = engagement.company
        today = timezone.localtime(now, company.tzinfo).date()
        if milestone.due_on >= today:
            continue
        milestone.days_late = (today - milestone.due_on).days
        milestone.reminder_key = f"{milestone.pk}:{today.isoformat()}"
        recipients = [engagement.consultant] if engagement.consultant.is_active else []
        recipients += [user for user in owners.get(company.pk, []) if user.pk != engagement.consultant_id]
        for user in recipients:
            if (user.pk, milestone.pk) not in recent:
                groups.setdefault((user.pk, company.pk), (user, company, []))[2].append(milestone)
    return list(groups.values())


def _reminded_recently(now: datetime) -> set[tuple[int, int]]:
    """(recipient id, milestone id) of the milestone reminders of the last week (one query)."""
    recent = set()
    for recipient_id, key in Dispatch.objects.filter(
        kind=Dispatch.Kind.MILESTONE_OVERDUE, claimed_at__gt=now - timedelta(days=MILESTONE_REMIND_EVERY_DAYS)
    ).values_list("recipient_id", "key"):
        recent.add((recipient_id, int(key.split(":", 1)[0])))
    return recent


def overdue_reminders_send(now: datetime | None = None) -> int:
    """One run of the content and milestone reminders; returns the number of emails sent."""
    now = now or timezone.now()
    token = new_claim_token()
    sent = 0
    for user, company, items in overdue_content_groups(now):
        calendar_url = absolute_url("content_calendar_list", company_slug=company.slug)
        sent += _send_group(
            kind=Dispatch.Kind.CONTENT_OVERDUE,
            template="content_overdue",
            recipient=user,
            company=company,
            lines=items,
            now=now,
            token=token,
            context={"calendar_url": calendar_url},
        )
    for user, company, milestones in overdue_milestone_groups(now):
        engagement_url = absolute_url("engagement_overview", company_slug=company.slug)
        sent += _send_group(
            kind=Dispatch.Kind.MILESTONE_OVERDUE,
            template="milestone_overdue",
            recipient=user,
            company=company,
            lines=milestones,
            now=now,
            token=token,
            context={"engagement_url": engagement_url},
        )
    return sent
