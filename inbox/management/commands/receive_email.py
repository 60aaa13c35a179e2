"""`manage.py receive_email <address>`: one email on standard input, for a mail server's pipe.

Postfix, for example (master.cf, then a transport or alias for the addresses):

    staffetta unix - n n - - pipe flags=Rq user=staffetta argv=/srv/staffetta/.venv/bin/python
      /srv/staffetta/manage.py receive_email ${original_recipient}

Exit codes follow sysexits.h, which mail servers understand:

* 0  the email is stored (or was already), or kept in the quarantine because it cannot be read;
* 67 (EX_NOUSER) no active email channel or conversation has this address: the server bounces;
* 75 (EX_TEMPFAIL) the database cannot be reached: the server keeps the email and retries;
* 65 (EX_DATAERR) nothing could be kept: the input is empty or larger than MAX_EMAIL_BYTES.
"""

import os
import sys

from django.core.management.base import BaseCommand, CommandError

from inbox.email_in.services import DATABASE_UNAVAILABLE, Outcome, email_receive
from inbox.email_in.thread import destination_for

EX_OK = 0
EX_DATAERR = getattr(os, "EX_DATAERR", 65)
EX_NOUSER = getattr(os, "EX_NOUSER", 67)
EX_TEMPFAIL = getattr(os, "EX_TEMPFAIL", 75)
MAX_EMAIL_BYTES = 50 * 1024 * 1024


class Command(BaseCommand):
    help = "Store one email read from standard input, delivered to <address> (for a mail server's pipe)."
    # Tests pass the bytes with call_command(..., stdin=BytesIO(raw)).
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument("address", help="The address the email was delivered to (the envelope recipient).")

    def handle(self, *args, address, **options):
        stream = options.get("stdin") or sys.stdin.buffer
        raw = stream.read(MAX_EMAIL_BYTES + 1)
        if not raw or not raw.strip():
            raise CommandError("Empty input: there is no email to store.", returncode=EX_DATAERR)
        if len(raw) > MAX_EMAIL_BYTES:
            raise CommandError(
                f"The email is larger than {MAX_EMAIL_BYTES // (1024 * 1024)} MB: not stored.", returncode=EX_DATAERR
            )
        try:
            destination = destination_for(address)
            if destination is None:
                raise CommandError(f"No email channel receives mail for {address}.", returncode=EX_NOUSER)
            received = email_receive(
                channel=destination.channel, raw=raw, recipient=address, conversation=destination.conversation
            )
        except DATABASE_UNAVAILABLE as exc:
            raise CommandError(f"The database is unavailable, try again later: {exc}", returncode=EX_TEMPFAIL) from exc
        except CommandError:
            raise
        except Exception as exc:
            # Not stored and not quarantined (a bug, a full disk…): the mail server keeps it.
            raise CommandError(f"The email could not be kept, try again later: {exc}", returncode=EX_TEMPFAIL) from exc
        if received.outcome == Outcome.QUARANTINED:
            self.stderr.write(f"Kept in the quarantine (it could not be read or stored): {received.quarantined.error}")
        elif options["verbosity"] > 1:
            self.stdout.write(f"{received.outcome}: inbound item {received.item.pk}")
