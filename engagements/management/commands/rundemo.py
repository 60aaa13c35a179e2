"""Start web, Celery worker and beat together for the embedded default (no servers)."""

import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand

from config.celery import ensure_broker_folders
from engagements.demo import DEMO_PASSWORD, DEMO_USERS, demo_recovery_codes


def _raise_keyboard_interrupt(signum, frame):
    raise KeyboardInterrupt


class Command(BaseCommand):
    help = "Run Staffetta with a Celery worker and beat, and print the address and demo logins."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000", help="Address and port of the web server.")

    def handle(self, *args, addrport, **options):
        # Stopped by a service manager (SIGTERM) as by Ctrl+C: take the children down too.
        signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
        ensure_broker_folders()
        python = sys.executable
        env = os.environ.copy()
        processes = [
            subprocess.Popen(
                [
                    python,
                    "-m",
                    "celery",
                    "-A",
                    "config",
                    "worker",
                    "--beat",
                    "--concurrency",
                    "1",
                    "--loglevel",
                    "warning",
                    "--schedule",
                    settings.CELERY_BEAT_SCHEDULE_FILENAME,
                ],
                env=env,
            ),
            subprocess.Popen([python, "manage.py", "runserver", "--noreload", addrport], env=env),
        ]
        # A first heartbeat right away, through the broker, so /health/ shows the worker at once.
        from engagements.tasks import heartbeat

        heartbeat.delay()
        host = addrport if ":" in addrport else f"127.0.0.1:{addrport}"
        # Owners and the consultant sign in with a second factor: a fresh single-use recovery code
        # for each, at every start (the demo's phones are imaginary).
        codes = demo_recovery_codes()
        lines = [
            "",
            "Staffetta is running (web, Celery worker and beat).",
            f"  Open:    http://{host}/",
            f"  Health:  http://{host}/health/",
            f"  Demo logins (password {DEMO_PASSWORD}):",
            *[
                f"    {email}" + (f"  (then the recovery code {codes[email]}, valid once)" if email in codes else "")
                for email, *_rest in DEMO_USERS
            ],
            f"  Emails sent by the demo are written to {settings.EMAIL_FILE_PATH}"
            if hasattr(settings, "EMAIL_FILE_PATH")
            else "",
            "  Stop with Ctrl+C.",
            "",
        ]
        self.stdout.write("\n".join(line for line in lines if line is not None))
        try:
            while all(p.poll() is None for p in processes):
                time.sleep(0.5)
        except KeyboardInterrupt:
            pass
        finally:
            for p in processes:
                if p.poll() is None:
                    p.send_signal(signal.SIGTERM)
            for p in processes:
                try:
                    p.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    p.kill()
        failed = [p for p in processes if p.returncode not in (0, -signal.SIGTERM, None)]
        if failed:
            raise SystemExit(1)
