"""The periodic IMAP fetch, against a real dovecot on loopback: UID cursor, BODY.PEEK, marked
only after storing, restartable after any interruption, one run per mailbox at a time."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from inbox.email_in import fetch as fetch_module
from inbox.email_in.credentials import encrypt
from inbox.email_in.fetch import backoff, mailbox_claim, mailbox_fetch, mailbox_release, mailboxes_due
from inbox.email_in.services import email_receive
from inbox.models import InboundItem, Mailbox, Message, QuarantinedEmail
from tests.inbox.email_in.factories import email_bytes

pytestmark = pytest.mark.django_db


def deliver(dovecot, count, folder="INBOX", prefix="Richiesta") -> list[bytes]:
    emails = [email_bytes(subject=f"{prefix} {n}", text=f"Messaggio numero {n}.") for n in range(count)]
    for raw in emails:
        dovecot.append(raw, folder)
    return emails


def subjects() -> list[str]:
    return sorted(Message.objects.values_list("conversation__subject", flat=True))


def test_new_messages_are_stored_and_marked_seen_only_once_stored(dovecot, imap_mailbox, queued, media):
    deliver(dovecot, 3)
    result = mailbox_fetch(mailbox_id=imap_mailbox.pk)
    assert (result.stored, result.duplicates, result.quarantined, result.problem) == (3, 0, 0, "")
    assert subjects() == ["Richiesta 0", "Richiesta 1", "Richiesta 2"]
    assert dovecot.seen() == {1, 2, 3}
    imap_mailbox.refresh_from_db()
    assert (imap_mailbox.last_uid, imap_mailbox.seen_uid, imap_mailbox.problem) == (3, 3, "")
    assert imap_mailbox.last_success_at is not None
    assert imap_mailbox.claim_token == ""
    assert imap_mailbox.claimed_until is None
    # Nothing new: a second run fetches nothing and stores nothing.
    assert mailbox_fetch(mailbox_id=imap_mailbox.pk).stored == 0
    assert Message.objects.count() == 3


def test_the_cursor_not_the_unread_flag_decides_what_is_new(dovecot, imap_mailbox, queued, media):
    deliver(dovecot, 2)
    mailbox_fetch(mailbox_id=imap_mailbox.pk)
    # Someone marks the messages unread again in their mail client: they are not fetched twice.
    with dovecot.client() as client:
        client.select("INBOX")
        client.uid("STORE", "1:*", "-FLAGS", "(\\Seen)")
    deliver(dovecot, 1, prefix="Nuova")
    result = mailbox_fetch(mailbox_id=imap_mailbox.pk)
    assert result.stored == 1
    assert Message.objects.count() == 3


def test_an_interrupted_fetch_restarted_loses_and_duplicates_nothing(dovecot, imap_mailbox, queued, media, monkeypatch):
    deliver(dovecot, 5)
    calls = []

    def failing_on_the_third(**kwargs):
        calls.append(kwargs)
        if len(calls) == 3:
            raise RuntimeError("worker lost half-way")
        return email_receive(**kwargs)

    monkeypatch.setattr(fetch_module, "email_receive", failing_on_the_third)
    result = mailbox_fetch(mailbox_id=imap_mailbox.pk)
    assert result.problem == Mailbox.Problem.OTHER
    assert Message.objects.count() == 2
    # Read with BODY.PEEK[]: the message whose storing failed, and those after it, are still unread.
    assert dovecot.seen() == {1, 2}
    imap_mailbox.refresh_from_db()
    assert imap_mailbox.last_uid == 2
    assert "worker lost half-way" in imap_mailbox.problem_detail

    monkeypatch.setattr(fetch_module, "email_receive", email_receive)
    imap_mailbox.refresh_from_db()
    Mailbox.objects.filter(pk=imap_mailbox.pk).update(last_attempt_at=None)  # no back-off in the test
    result = mailbox_fetch(mailbox_id=imap_mailbox.pk)
    assert (result.stored, result.problem) == (3, "")
    assert subjects() == [f"Richiesta {n}" for n in range(5)]
    assert InboundItem.objects.count() == 5
    assert dovecot.seen() == {1, 2, 3, 4, 5}
    imap_mailbox.refresh_from_db()
    assert (imap_mailbox.problem, imap_mailbox.failures) == ("", 0)


def test_a_fetch_stopped_between_storing_and_marking_marks_at_the_next_run(
    dovecot, imap_mailbox, queued, media, monkeypatch
):
    deliver(dovecot, 3)
    real_mark_seen = fetch_module.mark_seen
    marks = []

    def crash_on_the_second_mark(connection, first, last=None):
        marks.append(first)
        if len(marks) == 2:
            raise RuntimeError("killed after the commit, before the flag")
        return real_mark_seen(connection, first, last)

    monkeypatch.setattr(fetch_module, "mark_seen", crash_on_the_second_mark)
    mailbox_fetch(mailbox_id=imap_mailbox.pk)
    assert Message.objects.count() == 2  # the second message is stored…
    assert dovecot.seen() == {1}  # …but not marked

    monkeypatch.setattr(fetch_module, "mark_seen", real_mark_seen)
    Mailbox.objects.filter(pk=imap_mailbox.pk).update(last_attempt_at=None)
    mailbox_fetch(mailbox_id=imap_mailbox.pk)
    assert subjects() == ["Richiesta 0", "Richiesta 1", "Richiesta 2"]
    assert dovecot.seen() == {1, 2, 3}


def test_a_connection_killed_half_way_is_recorded_and_the_next_run_finishes(
    dovecot, imap_mailbox, queued, media, monkeypatch
):
    deliver(dovecot, 4)
    calls = []

    def kill_the_server_during_the_second(**kwargs):
        calls.append(1)
        if len(calls) == 2:
            dovecot.kill()
        return email_receive(**kwargs)

    monkeypatch.setattr(fetch_module, "email_receive", kill_the_server_during_the_second)
    result = mailbox_fetch(mailbox_id=imap_mailbox.pk)
    assert result.problem == Mailbox.Problem.CONNECT
    assert Message.objects.count() == 2

    dovecot.start()
    monkeypatch.setattr(fetch_module, "email_receive", email_receive)
    Mailbox.objects.filter(pk=imap_mailbox.pk).update(last_attempt_at=None)
    result = mailbox_fetch(mailbox_id=imap_mailbox.pk)
    assert result.problem == ""
    assert subjects() == [f"Richiesta {n}" for n in range(4)]
    assert dovecot.seen() == {1, 2, 3, 4}


def test_the_same_email_piped_and_fetched_is_stored_once(dovecot, imap_mailbox, email_channel, queued, media):
    raw = email_bytes(subject="Doppia consegna")
    email_receive(channel=email_channel, raw=raw)
    dovecot.append(raw)
    result = mailbox_fetch(mailbox_id=imap_mailbox.pk)
    assert (result.stored, result.duplicates) == (0, 1)
    assert Message.objects.count() == 1
    assert dovecot.seen() == {1}  # a duplicate is marked too: it is safe in the database


def test_an_unreadable_message_is_quarantined_and_marked(dovecot, imap_mailbox, queued, media):
    dovecot.append(b"\x00\x01\x02 this is not an email at all\r\n")
    result = mailbox_fetch(mailbox_id=imap_mailbox.pk)
    assert result.quarantined == 1
    quarantined = QuarantinedEmail.objects.get()
    assert (quarantined.source, quarantined.mailbox_id) == (QuarantinedEmail.Source.IMAP, imap_mailbox.pk)
    assert dovecot.seen() == {1}


def test_a_recreated_folder_restarts_the_cursor(dovecot, email_channel, queued, media):
    dovecot.create_folder("Richieste")
    mailbox = Mailbox.objects.create(
        company=email_channel.company,
        channel=email_channel,
        host="127.0.0.1",
        port=dovecot.port,
        security=Mailbox.Security.NONE,
        username="user",
        password_encrypted=encrypt("secret"),
        folder="Richieste",
    )
    deliver(dovecot, 2, folder="Richieste")
    mailbox_fetch(mailbox_id=mailbox.pk)
    mailbox.refresh_from_db()
    validity = mailbox.uidvalidity
    dovecot.delete_folder("Richieste")
    dovecot.create_folder("Richieste")
    dovecot.append(email_bytes(subject="Dopo la ricreazione"), "Richieste")  # UID 1 again
    result = mailbox_fetch(mailbox_id=mailbox.pk)
    assert result.stored == 1
    mailbox.refresh_from_db()
    assert mailbox.uidvalidity != validity
    assert "Dopo la ricreazione" in subjects()


def test_the_first_fetch_leaves_out_old_mail(dovecot, imap_mailbox, queued, media):
    old = timezone.now() - timedelta(days=30)
    with dovecot.client() as client:
        client.append("INBOX", None, old.timestamp(), email_bytes(subject="Vecchia"))
    dovecot.append(email_bytes(subject="Recente"))
    mailbox_fetch(mailbox_id=imap_mailbox.pk)
    assert subjects() == ["Recente"]
    assert dovecot.seen() == {2}


def test_two_runs_never_fetch_the_same_mailbox_at_once(dovecot, imap_mailbox, queued, media, monkeypatch):
    deliver(dovecot, 2)
    second_runs = []

    def while_fetching(**kwargs):
        # Another worker starts a run on the same mailbox now: it must find it claimed.
        second_runs.append(mailbox_fetch(mailbox_id=imap_mailbox.pk))
        return email_receive(**kwargs)

    monkeypatch.setattr(fetch_module, "email_receive", while_fetching)
    assert mailbox_fetch(mailbox_id=imap_mailbox.pk).stored == 2
    assert second_runs == [None, None]
    assert imap_mailbox.pk in mailboxes_due()  # released at the end


def test_a_claim_expires_so_a_crashed_run_does_not_block_the_mailbox_for_ever(imap_mailbox):
    assert mailbox_claim(mailbox_id=imap_mailbox.pk) is not None
    assert mailbox_claim(mailbox_id=imap_mailbox.pk) is None
    assert imap_mailbox.pk not in mailboxes_due()
    later = timezone.now() + fetch_module.LEASE + timedelta(seconds=1)
    token = mailbox_claim(mailbox_id=imap_mailbox.pk, now=later)
    assert token is not None
    mailbox_release(mailbox_id=imap_mailbox.pk, token=token)
    assert imap_mailbox.pk in mailboxes_due()


def test_a_wrong_password_is_recorded_and_retried_later(dovecot, imap_mailbox, media):
    Mailbox.objects.filter(pk=imap_mailbox.pk).update(password_encrypted=encrypt("wrong"))
    result = mailbox_fetch(mailbox_id=imap_mailbox.pk)
    assert result.problem == Mailbox.Problem.LOGIN
    imap_mailbox.refresh_from_db()
    assert imap_mailbox.failures == 1
    assert "AUTHENTICATIONFAILED" in imap_mailbox.problem_detail
    assert imap_mailbox.pk not in mailboxes_due()  # waits a minute before the next attempt
    assert imap_mailbox.pk in mailboxes_due(now=timezone.now() + backoff(1) + timedelta(seconds=1))


def test_a_server_that_does_not_answer_is_recorded(imap_mailbox, dovecot):
    dovecot.stop()
    assert mailbox_fetch(mailbox_id=imap_mailbox.pk).problem == Mailbox.Problem.CONNECT


def test_a_password_no_key_can_open_asks_to_enter_it_again(imap_mailbox, settings):
    settings.SECRET_KEY = "another installation's key"
    assert mailbox_fetch(mailbox_id=imap_mailbox.pk).problem == Mailbox.Problem.CREDENTIALS


def test_backoff_grows_and_stops_at_an_hour():
    assert [backoff(n) for n in (0, 1, 2, 3)] == [timedelta(minutes=m) for m in (0, 1, 2, 4)]
    assert backoff(30) == timedelta(hours=1)


def test_switched_off_mailboxes_are_not_fetched(imap_mailbox):
    Mailbox.objects.filter(pk=imap_mailbox.pk).update(is_active=False)
    assert mailboxes_due() == []
    assert mailbox_fetch(mailbox_id=imap_mailbox.pk) is None


def test_the_fetch_command_fetches_now_and_says_what_happened(dovecot, imap_mailbox, queued, media):
    deliver(dovecot, 2)
    out = io.StringIO()
    call_command("fetch_mailboxes", stdout=out)
    assert f"Mailbox {imap_mailbox.pk}: 2 stored, 0 duplicates, 0 quarantined." in out.getvalue()
    Mailbox.objects.filter(pk=imap_mailbox.pk).update(password_encrypted=encrypt("wrong"))
    err = io.StringIO()
    call_command("fetch_mailboxes", mailbox=imap_mailbox.pk, stderr=err)
    assert "login" in err.getvalue()
