"""`manage.py receive_email <address>`: exit codes a mail server understands (sysexits.h)."""

import io
import os
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from inbox.mail.compose import reply_address
from inbox.models import Conversation, InboundItem, Message, QuarantinedEmail
from tests import celery_worker
from tests.inbox.email_in.factories import ConversationFactory, EmailChannelFactory, email_bytes

EX_DATAERR, EX_NOUSER, EX_TEMPFAIL = 65, 67, 75


def receive(address: str, raw: bytes):
    call_command("receive_email", address, stdin=io.BytesIO(raw))


def exit_code(address: str, raw: bytes) -> int:
    try:
        receive(address, raw)
    except CommandError as error:
        return error.returncode
    return 0


@pytest.mark.django_db
class TestInProcess:
    def test_an_email_to_a_channel_address_is_stored(self, email_channel, media):
        assert exit_code("Info@Officine-Test.example", email_bytes(subject="Flange")) == 0
        assert Conversation.objects.get().channel == email_channel

    def test_a_plus_tag_reaches_the_channel(self, email_channel, media):
        assert exit_code("info+preventivi@officine-test.example", email_bytes()) == 0
        assert Conversation.objects.get().channel == email_channel

    def test_an_unknown_or_switched_off_address_is_no_such_user(self, email_channel, company):
        EmailChannelFactory(company=company, address="vecchio@officine-test.example", is_active=False)
        assert exit_code("nobody@officine-test.example", email_bytes()) == EX_NOUSER
        assert exit_code("vecchio@officine-test.example", email_bytes()) == EX_NOUSER
        assert exit_code("reply+0123456789abcdef0123@reply.staffetta.example", email_bytes()) == EX_NOUSER
        assert not InboundItem.objects.exists()

    def test_a_reply_address_threads_into_its_conversation(self, company, media):
        conversation = ConversationFactory(company=company, status=Conversation.Status.WAITING_CUSTOMER)
        assert exit_code(reply_address(conversation), email_bytes(text="La mia risposta.")) == 0
        conversation.refresh_from_db()
        assert conversation.status == Conversation.Status.OPEN
        assert conversation.messages.get().body_text == "La mia risposta."

    def test_an_unreadable_email_is_quarantined_not_rejected(self, email_channel):
        assert exit_code("info@officine-test.example", b"\x00\x01 rubbish") == 0
        assert QuarantinedEmail.objects.get().channel == email_channel

    def test_empty_input_is_a_data_error(self, email_channel):
        assert exit_code("info@officine-test.example", b"") == EX_DATAERR
        assert exit_code("info@officine-test.example", b"\r\n \r\n") == EX_DATAERR


def run(address: str, raw: bytes, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "receive_email", address],
        input=raw,
        cwd=celery_worker.ROOT,
        env={**env, "PYTHONWARNINGS": "ignore"},
        capture_output=True,
        timeout=60,
    )


@pytest.fixture
def subprocess_env(tmp_path):
    database = celery_worker.test_database_url()
    return {**os.environ, "DATABASE_URL": database, "STAFFETTA_VAR_DIR": str(tmp_path / "var")}


@pytest.mark.django_db(transaction=True)
def test_the_command_as_the_mail_server_runs_it(email_channel, subprocess_env):
    stored = run("info@officine-test.example", email_bytes(subject="Dal server di posta"), subprocess_env)
    assert stored.returncode == 0, stored.stderr
    assert Message.objects.get().conversation.subject == "Dal server di posta"
    again = run("info@officine-test.example", b"", subprocess_env)
    assert again.returncode == EX_DATAERR
    unknown = run("nessuno@officine-test.example", email_bytes(), subprocess_env)
    assert unknown.returncode == EX_NOUSER
    assert b"No email channel receives mail for nessuno@officine-test.example" in unknown.stderr


def test_an_unreachable_database_asks_the_mail_server_to_retry(tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": "postgres://nobody@127.0.0.1:1/staffetta",
        "STAFFETTA_VAR_DIR": str(tmp_path / "var"),
    }
    result = run("info@officine-test.example", email_bytes(), env)
    assert result.returncode == EX_TEMPFAIL, result.stderr
    assert b"database is unavailable" in result.stderr
