"""The weekly portfolio digest: one email per consultant on Monday morning, every client at a glance.

Monday from 07:00 in the time zone of the consultant's first company (their membership as
consultant; the Italian default is Europe/Rome), once per ISO week. A run missed at 07:00 is
caught up by the next one that day; the digest is about the week ahead, so on a Tuesday it
waits for the next Monday.
For each company where the user is the consultant: the portfolio row of the engagement
(engagements.plan.portfolio with its providers: phase, overdue and next milestones, spends
waiting for approval, responsibilities handed over), plus the enquiries past their reply time
and the content items waiting for approval, each counted for all companies in one query.
"""

import logging
from datetime import datetime, time

from django.db.models import Count, Q
from django.utils import timezone, translation

from contentdesk.models import ContentItem
from digests.claims import already_done, dispatch_claim, dispatch_finish, dispatch_release, new_claim_token
from digests.mail import absolute_url, email_build, recipient_language
from digests.models import Dispatch
from engagements.models import Membership
from engagements.plan.portfolio import portfolio_rows
from engagements.roles import Role
from inbox.models import Conversation

logger = logging.getLogger(__name__)

KIND = Dispatch.Kind.PORTFOLIO_DIGEST
MONDAY_MORNING = time(7, 0)


def consultants_first_company() -> dict[int, tuple]:
    """{user id: (user, their first company)} of every active consultant (one query); the
    first company gives the time zone and, when the user has none, the language."""
    result = {}
    for membership in (
        Membership.objects.filter(role=Role.CONSULTANT, company__is_active=True, user__is_active=True)
        .select_related("user", "company")
        .order_by("user_id", "created_at", "pk")
    ):
        result.setdefault(membership.user_id, (membership.user, membership.company))
    return result


def portfolio_week(tz, now: datetime) -> str | None:
    """The ISO week ("2026-W48") on its Monday from 07:00 in `tz`, else None."""
    local = timezone.localtime(now, tz)
    if local.weekday() != 0 or local.time() < MONDAY_MORNING:
        return None
    year, week, _weekday = local.isocalendar()
    return f"{year}-W{week:02d}"


def portfolio_digest_contents(user, now: datetime, tz) -> dict | None:
    """The consultant's companies with their figures; None when they consult for no company."""
    today = timezone.localtime(now, tz).date()
    rows = portfolio_rows(user, today)
    if not rows:
        return None
    company_ids = [row.company.pk for row in rows]
    overdue = dict(
        Conversation.objects.filter(company_id__in=company_ids)
        .needing_reply()
        .filter(first_response_at__isnull=True, first_response_due_at__lt=now)
        .order_by()
        .values("company_id")
        .annotate(n=Count("pk"))
        .values_list("company_id", "n")
    )
    waiting_approval = dict(
        ContentItem.objects.filter(company_id__in=company_ids)
        .filter(Q(status=ContentItem.Status.IN_REVIEW))
        .order_by()
        .values("company_id")
        .annotate(n=Count("pk"))
        .values_list("company_id", "n")
    )
    for row in rows:
        row.overdue_conversations = overdue.get(row.company.pk, 0)
        row.waiting_approval = waiting_approval.get(row.company.pk, 0)
        row.url = absolute_url("company_home", company_slug=row.company.slug)
        row.inbox_url = absolute_url("inbox", company_slug=row.company.slug)
    return {"user": user, "rows": rows, "today": today, "portfolio_url": absolute_url("portfolio")}


def portfolio_digests_send(now: datetime | None = None) -> int:
    """One run: the consultants whose week has begun and who have not had this week's digest."""
    now = now or timezone.now()
    due = []
    for user, company in consultants_first_company().values():
        week = portfolio_week(company.tzinfo, now)
        if week is not None:
            due.append((user, company, week))
    done = already_done(KIND, [(user.pk, week) for user, _company, week in due])
    token = new_claim_token()
    sent = 0
    for user, company, week in due:
        tz = company.tzinfo
        if (user.pk, week) in done:
            continue
        claim = {"kind": KIND, "recipient_id": user.pk, "key": week}
        if not dispatch_claim(**claim, company_id=None, now=now, token=token):
            continue
        language = recipient_language(user, company)
        with translation.override(language):
            contents = portfolio_digest_contents(user, now, tz)
        if contents is None:
            dispatch_finish(token=token, outcome=Dispatch.Outcome.NOTHING, now=now, **claim)
            continue
        try:
            email_build(template="portfolio", context=contents, to=user.email, language=language, tz=tz).send()
        except Exception:
            logger.exception("Portfolio digest to %s failed; the next run tries again.", user.email)
            dispatch_release(token=token, **claim)
            continue
        dispatch_finish(token=token, outcome=Dispatch.Outcome.SENT, now=now, **claim)
        sent += 1
    return sent
