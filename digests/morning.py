"""The morning digest: what the digital manager of each company has to do today, by email.

Once per company, digital manager and local day, at or after 07:00 in the company's time
zone (the job runs every 15 minutes and sends only where the morning has come and today's
digest has not gone). The blocks are those of the Today page (reports.today), so the email and
the page never disagree. Nothing at all to say: no email (the claim is kept as "nothing", so
the later runs of the day do not compute it again).
"""

import logging
from datetime import date, datetime, time

from django.utils import timezone, translation

from digests.claims import already_done, dispatch_claim, dispatch_finish, dispatch_release, new_claim_token
from digests.mail import absolute_url, absolute_url_of, email_build, recipient_language
from digests.models import Dispatch
from engagements.models import Membership
from engagements.roles import Role
from inbox.mail.compose import conversation_url, local_text
from reports import today as blocks

logger = logging.getLogger(__name__)

KIND = Dispatch.Kind.MORNING_DIGEST
MORNING = time(7, 0)


def digest_day(company, now: datetime) -> date | None:
    """The company's local day, once its morning has come (07:00); None before."""
    local = timezone.localtime(now, company.tzinfo)
    return local.date() if local.time() >= MORNING else None


def morning_digest_contents(membership: Membership, now: datetime) -> dict | None:
    """The Today blocks for `membership`, with absolute links; None when every block is empty."""
    company, user = membership.company, membership.user
    day = timezone.localtime(now, company.tzinfo).date()
    replies = blocks.replies(company, membership, now)
    content = blocks.content_due(company, now) if membership.can("content.view") else None
    slots = blocks.empty_slots(company, now) if membership.can("content.view") else None
    training = blocks.training_tasks(company, user, day) if membership.can("training.view") else None
    spends = blocks.my_pending_spends(company, user) if membership.can("budget.spend") else None
    if not any(block is not None and block.total for block in (replies, content, slots, training, spends)):
        return None
    slug = company.slug
    for conversation in replies.rows:
        conversation.company = company  # the link needs the slug: no query per row
        conversation.url = conversation_url(conversation)
    for item in content.rows if content else []:
        item.url = absolute_url("content_item", company_slug=slug, item_id=item.pk)
    for task in training.rows if training else []:
        task["absolute_url"] = absolute_url_of(task.get("url"))
    return {
        "company": company,
        "user": user,
        "today": day,
        "day_text": local_text(now, company.tzinfo, "l j F"),
        "last_day": blocks.last_day(day),
        "replies": replies,
        "content": content,
        "slots": slots,
        "training": training,
        "spends": spends,
        "today_url": absolute_url("today", company_slug=slug),
        "inbox_url": absolute_url("inbox", company_slug=slug),
        "calendar_url": absolute_url("content_calendar_week", company_slug=slug),
        "budget_url": absolute_url("budget_month", company_slug=slug),
        "training_url": absolute_url("training_home", company_slug=slug),
    }


def _digital_managers():
    return (
        Membership.objects.filter(role=Role.DIGITAL_MANAGER, company__is_active=True, user__is_active=True)
        .select_related("company", "user")
        .order_by("company_id", "user_id")
    )


def morning_digests_send(now: datetime | None = None) -> int:
    """One run: the digests whose morning has come and that have not gone yet; returns how many went."""
    now = now or timezone.now()
    due = []
    for membership in _digital_managers():
        day = digest_day(membership.company, now)
        if day is not None:
            due.append((membership, f"{membership.company_id}:{day.isoformat()}"))
    done = already_done(KIND, [(membership.user_id, key) for membership, key in due])
    token = new_claim_token()
    sent = 0
    for membership, key in due:
        if (membership.user_id, key) in done:
            continue
        claim = {"kind": KIND, "recipient_id": membership.user_id, "key": key}
        if not dispatch_claim(**claim, company_id=membership.company_id, now=now, token=token):
            continue
        company, user = membership.company, membership.user
        language = recipient_language(user, company)
        with translation.override(language):
            contents = morning_digest_contents(membership, now)
        if contents is None:
            dispatch_finish(token=token, outcome=Dispatch.Outcome.NOTHING, now=now, **claim)
            continue
        try:
            email_build(
                template="morning", context=contents, to=user.email, language=language, tz=company.tzinfo
            ).send()
        except Exception:
            logger.exception("Morning digest of %s to %s failed; the next run tries again.", company.slug, user.email)
            dispatch_release(token=token, **claim)
            continue
        dispatch_finish(token=token, outcome=Dispatch.Outcome.SENT, now=now, **claim)
        sent += 1
    return sent
