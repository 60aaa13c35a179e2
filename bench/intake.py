"""Public intake throughput: gunicorn serving the contact form, concurrent clients posting.

Each request comes "from" its own visitor address (X-Forwarded-For behind one trusted proxy,
as in production), so the per-visitor rate limit does not refuse them. The answer to count is
how many posts per second were accepted (200) — and that every accepted one was stored.
"""

import http.client
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.db import connection

from inbox.models import InboundItem, IntakeChannel

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Throughput:
    requests: int
    accepted: int
    refused: int
    seconds: float
    per_second: float
    stored: int
    lost: int
    workers: int
    clients: int


def _database_url() -> str:
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    return f"sqlite:///{settings.DATABASES['default']['NAME']}"


def _wait_for_port(port: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            connection_ = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            connection_.request("GET", "/health/")
            connection_.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer on port {port}")


def measure_intake(
    channel: IntakeChannel,
    *,
    requests: int = 2000,
    clients: int = 16,
    workers: int = 4,
    port: int = 8799,
    env: dict | None = None,
) -> Throughput:
    server_env = os.environ.copy()
    server_env.update(
        {
            "DATABASE_URL": _database_url(),
            "TRUSTED_PROXY_COUNT": "1",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
        }
    )
    server_env.update(env or {})
    command = [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", str(workers), "--log-level", "warning"]
    server = subprocess.Popen(command, cwd=ROOT, env=server_env)
    before = set(InboundItem.objects.filter(channel=channel).values_list("pk", flat=True))
    path = f"/in/{channel.public_key}/submit/"
    try:
        _wait_for_port(port)

        def post(number: int) -> int:
            body = urlencode(
                {
                    "name": f"Visitatore {number}",
                    "email": f"visitatore{number}@bench.example",
                    "subject": "Richiesta di preventivo",
                    "message": "Vorrei un preventivo per 40 valvole a sfera DN50 in acciaio inox.",
                    "consent": "on",
                }
            )
            headers = {
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/json",
                "X-Forwarded-For": f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}",
            }
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            try:
                conn.request("POST", path, body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                return response.status
            finally:
                conn.close()

        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=clients) as pool:
            statuses = list(pool.map(post, range(requests)))
        seconds = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=20)
    connection.close()
    stored = InboundItem.objects.filter(channel=channel).exclude(pk__in=before).count()
    accepted = sum(1 for status in statuses if status == 200)
    return Throughput(
        requests=requests,
        accepted=accepted,
        refused=requests - accepted,
        seconds=round(seconds, 2),
        per_second=round(accepted / seconds, 1),
        stored=stored,
        lost=max(0, accepted - stored),
        workers=workers,
        clients=clients,
    )


def as_dict(result: Throughput) -> dict:
    return asdict(result)
