from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

ROME = ZoneInfo("Europe/Rome")
NOW = datetime(2026, 11, 20, 10, 30, tzinfo=ROME)  # a Friday morning in Italy


@pytest.fixture(autouse=True)
def _now():
    """Every dashboard test runs on Friday 20 November 2026, mid-morning in Italy."""
    with time_machine.travel(NOW, tick=True):
        yield NOW


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Report PDFs go to a throwaway folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def smtp(settings):
    """A real SMTP server (aiosmtpd) on loopback receiving what the reports send."""
    from aiosmtpd.controller import Controller

    from tests.conftest import free_port
    from tests.inbox.mail.conftest import Mailbox

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    box = Mailbox()
    server = Controller(box, hostname="127.0.0.1", port=settings.EMAIL_PORT)
    server.start()
    yield box
    server.stop()
