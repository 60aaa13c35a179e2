"""Fetching an IMAP mailbox into its email channel: claimed, cursor-driven, restartable.

* A run claims the mailbox with a conditional update (a lease renewed at every message), so
  two runs never fetch the same mailbox at once.
* The cursor is the folder's UIDVALIDITY and the last UID stored, never the unread flags:
  a person reading the mailbox in a mail client changes nothing here.
* Each message is fetched with BODY.PEEK[], stored (or quarantined) and the cursor moved in
  one transaction; only after that commit is it marked \\Seen on the server. A run that stops
  anywhere (error, killed worker, lost connection) is restarted from the cursor: what was
  committed is not fetched again, what was not is; duplicates are recognised anyway.
* The first run (and a run after UIDVALIDITY changed, i.e. the folder was recreated) starts
  with the messages of the last FIRST_SYNC_DAYS days, not with years of old mail.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta
from secrets import token_hex

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from inbox.email_in.credentials import CredentialsUnreadable, decrypt
from inbox.email_in.imap import ImapProblem, fetch_raw, imap_session, mark_seen, select_folder, uids_after, uids_since
from inbox.email_in.models import Mailbox, QuarantinedEmail
from inbox.email_in.services import DATABASE_UNAVAILABLE, Outcome, email_receive

logger = logging.getLogger(__name__)

LEASE = timedelta(minutes=5)
BATCH = 200
FIRST_SYNC_DAYS = 7
MAX_BACKOFF = timedelta(hours=1)


class ClaimLost(Exception):
    """Another run took the mailbox over (our lease ran out): stop without touching it."""


@dataclass
class FetchResult:
    stored: int = 0
    duplicates: int = 0
    quarantined: int = 0
    problem: str = ""


def mailbox_claim(*, mailbox_id: int, now=None) -> str | None:
    """A token if this run may fetch the mailbox now; None if another run holds it."""
    now = now or timezone.now()
    token = token_hex(16)
    claimed = (
        Mailbox.objects.filter(pk=mailbox_id, is_active=True)
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .update(claim_token=token, claimed_until=now + LEASE)
    )
    return token if claimed else None


def mailbox_release(*, mailbox_id: int, token: str) -> None:
    Mailbox.objects.filter(pk=mailbox_id, claim_token=token).update(claim_token="", claimed_until=None)


def backoff(failures: int) -> timedelta:
    """How long a failing mailbox waits before the next attempt: 1, 2, 4… minutes, at most an hour."""
    return min(timedelta(minutes=2 ** max(failures - 1, 0)), MAX_BACKOFF) if failures else timedelta(0)


def mailboxes_due(*, now=None) -> list[int]:
    """Active mailboxes not claimed by a run and not waiting after failures."""
    now = now or timezone.now()
    rows = (
        Mailbox.objects.filter(is_active=True, channel__is_active=True, company__is_active=True)
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .values_list("pk", "failures", "last_attempt_at")
        .order_by("pk")
    )
    return [pk for pk, failures, last in rows if last is None or last + backoff(failures) <= now]


def _record(mailbox_id: int, *, problem: str = "", detail: str = "") -> None:
    now = timezone.now()
    if problem:
        Mailbox.objects.filter(pk=mailbox_id).update(
            problem=problem, problem_detail=detail[:2000], failures=F("failures") + 1, last_attempt_at=now
        )
    else:
        Mailbox.objects.filter(pk=mailbox_id).update(
            problem="", problem_detail="", failures=0, last_attempt_at=now, last_success_at=now
        )


def _advance(mailbox_id: int, token: str, **fields) -> None:
    if not Mailbox.objects.filter(pk=mailbox_id, claim_token=token).update(**fields):
        raise ClaimLost(f"Mailbox {mailbox_id} was claimed by another run.")


def _start_cursor(connection, mailbox: Mailbox, validity: int, uidnext: int, token: str) -> int:
    """The cursor to start from on the first run, or after the folder was recreated."""
    since = timezone.localdate() - timedelta(days=FIRST_SYNC_DAYS)
    recent = uids_since(connection, since)
    if recent:
        start = recent[0] - 1
    elif uidnext:
        start = uidnext - 1
    else:
        existing = uids_after(connection, 0)
        start = existing[-1] if existing else 0
    _advance(mailbox.pk, token, uidvalidity=validity, last_uid=start, seen_uid=start)
    mailbox.uidvalidity, mailbox.last_uid, mailbox.seen_uid = validity, start, start
    return start


def _fetch(connection, mailbox: Mailbox, token: str, limit: int, result: FetchResult) -> None:
    validity, uidnext = select_folder(connection, mailbox.folder)
    if mailbox.uidvalidity != validity:
        _start_cursor(connection, mailbox, validity, uidnext, token)
    elif mailbox.seen_uid < mailbox.last_uid:
        # A run stopped after storing but before marking: mark what it stored.
        mark_seen(connection, mailbox.seen_uid + 1, mailbox.last_uid)
        _advance(mailbox.pk, token, seen_uid=mailbox.last_uid)
    marked = None
    for uid in uids_after(connection, mailbox.last_uid)[:limit]:
        raw = fetch_raw(connection, uid)
        with transaction.atomic():
            if raw is not None:
                received = email_receive(
                    channel=mailbox.channel, raw=raw, source=QuarantinedEmail.Source.IMAP, mailbox_id=mailbox.pk
                )
                if received.outcome == Outcome.STORED:
                    result.stored += 1
                elif received.outcome == Outcome.DUPLICATE:
                    result.duplicates += 1
                else:
                    result.quarantined += 1
            _advance(mailbox.pk, token, last_uid=uid, claimed_until=timezone.now() + LEASE)
        mailbox.last_uid = uid
        if raw is not None:
            mark_seen(connection, uid)  # only now: the message is safe in the database
        marked = uid
    if marked is not None:
        _advance(mailbox.pk, token, seen_uid=marked)


def mailbox_fetch(*, mailbox_id: int, limit: int = BATCH) -> FetchResult | None:
    """Fetch new messages of one mailbox; None when another run holds it (or it is off)."""
    token = mailbox_claim(mailbox_id=mailbox_id)
    if token is None:
        return None
    result = FetchResult()
    try:
        mailbox = Mailbox.objects.select_related("channel__company").get(pk=mailbox_id)
        password = decrypt(mailbox.password_encrypted)
        with imap_session(
            host=mailbox.host,
            port=mailbox.port,
            security=mailbox.security,
            username=mailbox.username,
            password=password,
        ) as connection:
            _fetch(connection, mailbox, token, limit, result)
    except CredentialsUnreadable as exc:
        result.problem = Mailbox.Problem.CREDENTIALS
        _record(mailbox_id, problem=result.problem, detail=str(exc))
    except ImapProblem as exc:
        result.problem = exc.code
        _record(mailbox_id, problem=exc.code, detail=exc.detail)
        logger.warning("Fetching mailbox %s stopped: %s (%s).", mailbox_id, exc.code, exc.detail)
    except ClaimLost:
        logger.warning("Mailbox %s was taken over by another run; this one stops.", mailbox_id)
        return result
    except DATABASE_UNAVAILABLE:
        raise
    except Exception as exc:
        result.problem = Mailbox.Problem.OTHER
        _record(mailbox_id, problem=result.problem, detail=f"{exc.__class__.__name__}: {exc}")
        logger.exception("Fetching mailbox %s failed.", mailbox_id)
    else:
        _record(mailbox_id)
    finally:
        try:
            mailbox_release(mailbox_id=mailbox_id, token=token)
        except DATABASE_UNAVAILABLE:
            logger.warning("Mailbox %s stays claimed until its lease ends.", mailbox_id)
    return result
