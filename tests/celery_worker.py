"""Run a real Celery worker process (optionally with beat) against the test database."""

import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def test_database_url() -> str:
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{s['NAME']}"
    if connection.vendor == "postgresql":
        auth = quote(s["USER"] or "")
        if s.get("PASSWORD"):
            auth += ":" + quote(s["PASSWORD"])
        return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"
    raise RuntimeError(f"No worker recipe for {connection.vendor}")


@contextmanager
def celery_worker(tmp_path, *, beat: bool = False, env: dict | None = None):
    """Start `celery worker` (and beat) as a separate process; stop it on exit."""
    worker_env = os.environ.copy()
    worker_env.update({"DATABASE_URL": test_database_url(), "STAFFETTA_VAR_DIR": str(tmp_path / "worker-var")})
    worker_env.update(env or {})
    command = [sys.executable, "-m", "celery", "-A", "config", "worker", "--concurrency", "1", "--loglevel", "info"]
    command += ["--hostname", f"test-{os.getpid()}@%h", "--without-gossip", "--without-mingle"]
    if beat:
        command += ["--beat", "--schedule", str(tmp_path / "beat-schedule")]
    log = open(tmp_path / "worker.log", "w+")  # noqa: SIM115 - closed below, read on failure
    process = subprocess.Popen(command, cwd=ROOT, env=worker_env, stdout=log, stderr=subprocess.STDOUT)
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.seek(0)
        output = log.read()
        log.close()
        print(output[-4000:])


def wait_for(predicate, *, timeout: float = 45, interval: float = 0.25):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(interval)
    return predicate()


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def kill_hard(process) -> None:
    """SIGKILL the pool process that runs the task, then the worker itself: no clean-up at all."""
    for child in children(process.pid):
        os.kill(child, signal.SIGKILL)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
