"""Claiming an email before it goes out (see digests.models): once, whatever runs at the same time."""

import secrets
from datetime import datetime

from django.db import IntegrityError, transaction

from digests.models import STALE_CLAIM, Dispatch


def new_claim_token() -> str:
    return secrets.token_hex(16)


def dispatch_claim(
    *, kind: str, recipient_id: int, key: str, company_id: int | None, now: datetime, token: str
) -> bool:
    """Claim (kind, recipient, key) for the run holding `token`; False when it is someone else's.

    The insert is the claim: the unique constraint lets one run in. A claim still pending after
    STALE_CLAIM belongs to a worker that died before sending, and is taken over.
    """
    try:
        with transaction.atomic():
            Dispatch.objects.create(
                kind=kind, key=key, recipient_id=recipient_id, company_id=company_id, claim_token=token, claimed_at=now
            )
        return True
    except IntegrityError:
        return bool(
            Dispatch.objects.filter(
                kind=kind,
                recipient_id=recipient_id,
                key=key,
                outcome=Dispatch.Outcome.PENDING,
                claimed_at__lt=now - STALE_CLAIM,
            ).update(claim_token=token, claimed_at=now)
        )


def dispatch_finish(*, token: str, outcome: str, now: datetime, **lookup) -> int:
    """Mark this run's claims (narrowed by `lookup`) sent or "nothing to say"."""
    sent_at = now if outcome == Dispatch.Outcome.SENT else None
    return Dispatch.objects.filter(claim_token=token, outcome=Dispatch.Outcome.PENDING, **lookup).update(
        outcome=outcome, sent_at=sent_at
    )


def dispatch_release(*, token: str, **lookup) -> int:
    """Give back this run's pending claims (the email failed): the next run tries again."""
    deleted, _by_model = Dispatch.objects.filter(claim_token=token, outcome=Dispatch.Outcome.PENDING, **lookup).delete()
    return deleted


def already_done(kind: str, keys: list[tuple[int, str]]) -> set[tuple[int, str]]:
    """Which (recipient id, key) pairs already have a claim, in one query (to skip work early)."""
    if not keys:
        return set()
    recipients = {recipient for recipient, _key in keys}
    wanted = {key for _recipient, key in keys}
    return set(
        Dispatch.objects.filter(kind=kind, recipient_id__in=recipients, key__in=wanted)
        .exclude(outcome=Dispatch.Outcome.PENDING)
        .values_list("recipient_id", "key")
    )
