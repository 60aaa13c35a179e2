"""Email intake fixtures: an email channel, and a real IMAP server (Debian's dovecot) on
loopback in a temporary folder, started and stopped by each test that asks for it."""

import contextlib
import imaplib
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from tests.conftest import free_port, require
from tests.inbox.email_in.factories import EmailChannelFactory, MailboxFactory

DOVECOT = shutil.which("dovecot") or ("/usr/sbin/dovecot" if os.path.exists("/usr/sbin/dovecot") else None)
USER, PASSWORD = "user", "secret"
MAIL_UID = 65534  # dovecot refuses to deliver mail as root: the mail belongs to nobody

CONFIG = """
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
mail_location = maildir:{root}/mail/%u
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
first_valid_uid = 1
passdb {{
  driver = passwd-file
  args = {root}/passwd
}}
userdb {{
  driver = passwd-file
  args = {root}/passwd
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
"""


class Dovecot:
    """A throwaway dovecot: `start()`, `stop()`, and helpers that act as the user's mail client."""

    def __init__(self, root: Path, port: int):
        self.root, self.port, self.process = root, port, None
        (root / "mail").mkdir()
        uid = MAIL_UID if os.geteuid() == 0 else os.geteuid()
        if os.geteuid() == 0:
            os.chown(root / "mail", uid, uid)
        (root / "passwd").write_text(f"{USER}:{{PLAIN}}{PASSWORD}:{uid}:{uid}::{root}/mail/{USER}\n")
        (root / "dovecot.conf").write_text(CONFIG.format(root=root, port=port))

    def start(self):
        self.process = subprocess.Popen(
            [DOVECOT, "-F", "-c", str(self.root / "dovecot.conf")], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with imaplib.IMAP4("127.0.0.1", self.port, timeout=2) as probe:
                    if probe.welcome.startswith(b"* OK"):
                        return self
            except OSError:
                time.sleep(0.02)
        self.stop()
        raise RuntimeError(f"dovecot did not answer on port {self.port}: {self.log()}")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process and self.process.stderr:
            self.process.stderr.close()
        self.process = None

    def kill(self):
        """Kill the server and every process it runs (the open IMAP sessions die with them)."""
        master = self.process.pid
        children = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == master:
                children.append(int(stat.parent.name))
        for pid in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        self.process.kill()
        self.process.wait()
        self.stop()
        # A killed server leaves its sockets behind, and refuses to start over them.
        shutil.rmtree(self.root / "run", ignore_errors=True)

    def log(self) -> str:
        path = self.root / "dovecot.log"
        return path.read_text(errors="replace")[-2000:] if path.exists() else ""

    def client(self) -> imaplib.IMAP4:
        connection = imaplib.IMAP4("127.0.0.1", self.port, timeout=5)
        connection.login(USER, PASSWORD)
        return connection

    def append(self, raw: bytes, folder: str = "INBOX") -> int:
        """Deliver `raw` into `folder`; its UID."""
        with self.client() as connection:
            status, data = connection.append(f'"{folder}"', None, None, raw)
            assert status == "OK", data
            return int(re.search(rb"APPENDUID \d+ (\d+)", data[0]).group(1))

    def flags(self, folder: str = "INBOX") -> dict[int, set[str]]:
        with self.client() as connection:
            connection.select(f'"{folder}"', readonly=True)
            _status, data = connection.uid("FETCH", "1:*", "(FLAGS)")
            flags = {}
            for line in data or []:
                if not line:
                    continue
                match = re.search(rb"UID (\d+) FLAGS \(([^)]*)\)", line)
                if match:
                    flags[int(match.group(1))] = set(match.group(2).decode().split())
            return flags

    def seen(self, folder: str = "INBOX") -> set[int]:
        return {uid for uid, flags in self.flags(folder).items() if "\\Seen" in flags}

    def create_folder(self, folder: str):
        with self.client() as connection:
            assert connection.create(f'"{folder}"')[0] == "OK"

    def delete_folder(self, folder: str):
        with self.client() as connection:
            assert connection.delete(f'"{folder}"')[0] == "OK"


@pytest.fixture
def dovecot():
    require(DOVECOT is not None, "dovecot (Debian's dovecot-imapd) is not installed")
    root = Path(tempfile.mkdtemp(prefix="staffetta-dovecot-"))
    root.chmod(0o755)  # the mail store's owner (nobody) must reach it
    server = Dovecot(root, free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def email_channel(company):
    return EmailChannelFactory(company=company, name="Info", address="info@officine-test.example")


@pytest.fixture
def imap_mailbox(email_channel, dovecot):
    return MailboxFactory(channel=email_channel, host="127.0.0.1", port=dovecot.port, username=USER)


@pytest.fixture
def queued(monkeypatch):
    """Tasks published through inbox.intake.queue, recorded instead of sent to the broker."""
    calls = []

    def fake_enqueue(task, *args):
        calls.append((task.name, args))
        return True

    monkeypatch.setattr("inbox.intake.queue.enqueue", fake_enqueue)
    return calls


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def smtp(settings):
    """A real SMTP server (aiosmtpd) on loopback receiving what the inbox sends."""
    from aiosmtpd.controller import Controller

    from tests.inbox.mail.conftest import Mailbox as SmtpMailbox

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    settings.DEFAULT_FROM_EMAIL = "Staffetta <noreply@staffetta.example>"
    settings.SITE_URL = "https://staffetta.example"
    box = SmtpMailbox()
    server = Controller(box, hostname="127.0.0.1", port=settings.EMAIL_PORT)
    server.start()
    yield box
    server.stop()
