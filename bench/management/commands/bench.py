import json
import platform
from datetime import UTC, datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from bench.intake import as_dict, measure_intake
from bench.pages import as_dicts, measure_pages, measure_report
from engagements.models import Company
from inbox.models import IntakeChannel

RESULTS = Path(__file__).resolve().parent.parent.parent / "results"
# The targets of docs/performance.md, checked in the printed table.
PAGE_MEDIAN_MS, PAGE_P95_MS, REPORT_MS, INTAKE_PER_SECOND = 50, 150, 2000, 200


class Command(BaseCommand):
    help = (
        "Measure the main pages, the monthly report and the public intake on the largest company of "
        "the seed_perf data set; print a table and save JSON under bench/results/."
    )

    def add_arguments(self, parser):
        parser.add_argument("--company", default="perf-001", help="The company measured (default perf-001).")
        parser.add_argument("--repeat", type=int, default=30, help="Requests per page (default 30).")
        parser.add_argument("--intake-requests", type=int, default=2000, help="Posts to the form (0: skip).")
        parser.add_argument("--intake-clients", type=int, default=16, help="Concurrent clients.")
        parser.add_argument("--intake-workers", type=int, default=4, help="gunicorn workers.")
        parser.add_argument("--label", default="", help="Added to the result file's name.")
        parser.add_argument("--skip", default="", help='Pages left out, comma-separated (e.g. "inbox search").')

    def handle(self, *args, company, repeat, intake_requests, intake_clients, intake_workers, label, skip, **options):
        target = Company.objects.filter(slug=company).first()
        if target is None:
            raise CommandError(f"No company {company!r}: run `python manage.py seed_perf` first.")
        if connection.vendor != "postgresql":
            self.stderr.write("Measuring on SQLite: the targets are for PostgreSQL.")
        size = {
            "conversations": target.conversations.count(),
            "messages": target.conversations.model.messages.rel.related_model.objects.filter(company=target).count(),
            "companies": Company.objects.count(),
        }
        pages = measure_pages(target, repeat=repeat, skip=frozenset(n.strip() for n in skip.split(",") if n.strip()))
        report = measure_report(target)
        intake = None
        if intake_requests:
            channel = IntakeChannel.objects.filter(company=target, kind=IntakeChannel.Kind.FORM).first()
            intake = measure_intake(channel, requests=intake_requests, clients=intake_clients, workers=intake_workers)
        self._print(size, pages, report, intake)
        result = {
            "at": datetime.now(UTC).isoformat(timespec="seconds"),
            "database": connection.vendor,
            "machine": {"python": platform.python_version(), "cpus": _cpus()},
            "company": company,
            "size": size,
            "pages": as_dicts(pages),
            "report": as_dicts([report])[0],
            "intake": as_dict(intake) if intake else None,
        }
        RESULTS.mkdir(exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        path = RESULTS / f"{stamp}-{connection.vendor}{'-' + label if label else ''}.json"
        path.write_text(json.dumps(result, indent=2) + "\n")
        self.stdout.write(f"Saved {path.relative_to(RESULTS.parent.parent)}")

    def _print(self, size, pages, report, intake):
        self.stdout.write(
            f"{size['companies']} companies; measured company: {size['conversations']:,} conversations, "
            f"{size['messages']:,} messages"
        )
        self.stdout.write(f"{'page':<28}{'median ms':>10}{'p95 ms':>9}{'queries':>9}  status")
        for m in pages:
            ok = m.median_ms < PAGE_MEDIAN_MS and m.p95_ms < PAGE_P95_MS and m.status == 200
            self.stdout.write(
                f"{m.name:<28}{m.median_ms:>10.1f}{m.p95_ms:>9.1f}{m.queries:>9}  {m.status} {'ok' if ok else 'SLOW'}"
            )
        ok = report.median_ms < REPORT_MS
        self.stdout.write(
            f"{report.name:<28}{report.median_ms:>10.1f}{report.p95_ms:>9.1f}{report.queries:>9}  {'ok' if ok else 'SLOW'}"
        )
        if intake:
            ok = intake.per_second >= INTAKE_PER_SECOND and intake.lost == 0
            self.stdout.write(
                f"intake: {intake.accepted}/{intake.requests} accepted in {intake.seconds} s = "
                f"{intake.per_second}/s; stored {intake.stored}, lost {intake.lost}  {'ok' if ok else 'SLOW'}"
            )


def _cpus() -> int:
    import os

    return os.cpu_count() or 0
