"""Checks behind /health/: the database answers, the broker answers, jobs are running."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection
from django.utils import timezone

from config.celery import app as celery_app
from engagements.models import JobRun


@dataclass
class Check:
    name: str
    ok: bool
    detail: str = ""


def check_database() -> Check:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # Any failure means the same thing here: not healthy.
        return Check("database", False, exc.__class__.__name__)
    return Check("database", True, connection.vendor)


def check_broker() -> Check:
    try:
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, interval_start=0, timeout=2)
            transport = conn.transport_cls
    except Exception as exc:
        return Check("broker", False, exc.__class__.__name__)
    return Check("broker", True, str(transport))


def heartbeat_status(now: datetime | None = None) -> tuple[JobRun | None, bool]:
    """The heartbeat's last run and whether it is recent (three missed beats is late)."""
    now = now or timezone.now()
    run = JobRun.objects.filter(name="heartbeat").first()
    if run is None:
        return None, False
    return run, now - run.last_run_at <= timedelta(seconds=3 * settings.HEARTBEAT_SECONDS)


@dataclass
class JobStatus:
    name: str
    every_seconds: int
    run: JobRun | None
    recent: bool


def periodic_jobs_status(now: datetime | None = None) -> list[JobStatus]:
    """Every job of the beat schedule with its last run (one query); late after three missed runs."""
    now = now or timezone.now()
    schedule = {
        entry["task"].rsplit(".", 1)[-1]: int(entry["schedule"])
        for entry in settings.CELERY_BEAT_SCHEDULE.values()
        if isinstance(entry["schedule"], int | float)
    }
    runs = {run.name: run for run in JobRun.objects.filter(name__in=schedule)}
    return [
        JobStatus(
            name=name,
            every_seconds=seconds,
            run=runs.get(name),
            recent=name in runs and now - runs[name].last_run_at <= timedelta(seconds=3 * seconds),
        )
        for name, seconds in sorted(schedule.items())
    ]
