"""`manage.py fetch_mailboxes [--mailbox ID]`: fetch IMAP mailboxes now, without Celery.

For a first check of a new mailbox or an installation without a worker; the periodic task
`inbox.email_in.tasks.mailboxes_fetch` does the same every minute. A mailbox another run is
fetching right now is skipped (it is claimed), so running this beside the worker is safe.
"""

from django.core.management.base import BaseCommand

from inbox.email_in.fetch import mailbox_fetch, mailboxes_due


class Command(BaseCommand):
    help = "Fetch the new messages of the IMAP mailboxes now (all those due, or one)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--mailbox", type=int, help="Only this mailbox (its id), even if it is waiting after errors."
        )

    def handle(self, *args, mailbox=None, **options):
        ids = [mailbox] if mailbox else mailboxes_due()
        for mailbox_id in ids:
            result = mailbox_fetch(mailbox_id=mailbox_id)
            if result is None:
                self.stdout.write(f"Mailbox {mailbox_id}: switched off or being fetched by another run.")
            elif result.problem:
                self.stderr.write(f"Mailbox {mailbox_id}: {result.problem} (see the channels page).")
            else:
                self.stdout.write(
                    f"Mailbox {mailbox_id}: {result.stored} stored, {result.duplicates} duplicates, "
                    f"{result.quarantined} quarantined."
                )
