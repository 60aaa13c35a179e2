"""Periodic and queued jobs run by a real Celery worker process, not in eager mode."""

import os
import threading

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings

from engagements.models import Invitation, JobRun
from engagements.roles import Role
from tests.celery_worker import celery_worker, wait_for
from tests.conftest import free_port, port_open, require

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

REDIS_FOR_TESTS = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/15"


def _heartbeats() -> int:
    run = JobRun.objects.filter(name="heartbeat").first()
    return run.run_count if run else 0


@pytest.mark.parametrize("broker", ["redis", "filesystem"])
def test_beat_schedules_the_heartbeat_and_a_worker_runs_it(tmp_path, broker):
    env = {"HEARTBEAT_SECONDS": "1"}
    if broker == "redis":
        require(port_open("127.0.0.1", 6379), "Redis is not running on 127.0.0.1:6379")
        env["REDIS_URL"] = REDIS_FOR_TESTS
    else:
        env["REDIS_URL"] = ""
    with celery_worker(tmp_path, beat=True, env=env):
        runs = wait_for(lambda: _heartbeats() >= 2)
    assert runs, "the heartbeat did not run twice within the time limit"
    assert JobRun.objects.get(name="heartbeat").run_count >= 2


class _Inbox:
    def __init__(self):
        self.messages = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.messages.append(envelope)
        return "250 OK"


def test_invitation_is_mailed_by_the_worker_over_smtp_after_commit(tmp_path, login, company, owner, broker_var_dir):
    if settings.CELERY_BROKER_URL.startswith("redis"):
        require(port_open("127.0.0.1", 6379), "Redis is not running on 127.0.0.1:6379")
    inbox = _Inbox()
    port = free_port()
    smtp = Controller(inbox, hostname="127.0.0.1", port=port)
    smtp.start()
    env = {"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(port), "SITE_URL": "https://staffetta.example"}
    if broker_var_dir:
        env["STAFFETTA_VAR_DIR"] = broker_var_dir
    try:
        with celery_worker(tmp_path, env=env):
            response = login(owner).post(
                f"/c/{company.slug}/members/invite/",
                {"email": "nuova@example.com", "role": Role.DIGITAL_MANAGER, "language": "it"},
            )
            assert response.status_code == 302
            assert wait_for(lambda: inbox.messages), "no email reached the SMTP server"
    finally:
        smtp.stop()
    envelope = inbox.messages[0]
    assert envelope.rcpt_tos == ["nuova@example.com"]
    body = envelope.content.decode("utf-8", "replace")
    assert "https://staffetta.example/accounts/invitation/" in body
    assert Invitation.objects.get(email="nuova@example.com").company == company
