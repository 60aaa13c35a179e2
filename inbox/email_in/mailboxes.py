"""Write services of the email channels: create or change a channel and its IMAP mailbox."""

from django.db import transaction

from inbox.email_in.credentials import encrypt
from inbox.email_in.models import Mailbox
from inbox.models import IntakeChannel


def _queue_fetch(mailbox_id: int) -> None:
    from inbox.email_in.tasks import fetch_mailbox
    from inbox.intake.queue import enqueue_on_commit

    enqueue_on_commit(fetch_mailbox, mailbox_id)


def email_channel_save(*, company, channel: IntakeChannel | None = None, values: dict, imap: dict | None):
    """Create or update an email channel; `imap` (MailboxForm's cleaned data) sets, or with
    use_imap false removes, its mailbox. A changed server, user or folder starts a new cursor."""
    with transaction.atomic():
        if channel is None:
            channel = IntakeChannel(company=company, kind=IntakeChannel.Kind.EMAIL)
        for name, value in values.items():
            setattr(channel, name, value)
        channel.save()
        mailbox = Mailbox.objects.filter(channel=channel).first()
        if not imap or not imap.get("use_imap"):
            if mailbox is not None:
                mailbox.delete()
            return channel
        if mailbox is None:
            mailbox = Mailbox(company=company, channel=channel)
        moved = (mailbox.host, mailbox.port, mailbox.username, mailbox.folder) != (
            imap["host"],
            imap["port"],
            imap["username"],
            imap["folder"],
        )
        fields = ["host", "port", "security", "username", "folder", "is_active", "password_encrypted"]
        fields += ["problem", "problem_detail", "failures"]
        if mailbox.pk and moved:
            # Another folder: its UIDs mean nothing to the old cursor.
            mailbox.uidvalidity, mailbox.last_uid, mailbox.seen_uid = None, 0, 0
            fields += ["uidvalidity", "last_uid", "seen_uid"]
        mailbox.host = imap["host"]
        mailbox.port = imap["port"]
        mailbox.security = imap["security"]
        mailbox.username = imap["username"]
        mailbox.folder = imap["folder"]
        mailbox.is_active = bool(imap.get("is_active"))
        mailbox.password_encrypted = encrypt(imap["password"])
        # The server let us in just now: whatever went wrong before is history.
        mailbox.problem, mailbox.problem_detail, mailbox.failures = "", "", 0
        # Only what the form sets: a fetch running now keeps its cursor and its claim.
        mailbox.save(update_fields=fields if mailbox.pk else None)
        if mailbox.is_active:
            _queue_fetch(mailbox.pk)
    return channel
