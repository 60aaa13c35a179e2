from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

ROME = ZoneInfo("Europe/Rome")
# Friday 20 November 2026, 08:30 in Italy: after the morning digest's 07:00.
NOW = datetime(2026, 11, 20, 8, 30, tzinfo=ROME)


@pytest.fixture(autouse=True)
def _now():
    """The rows are made on Friday 20 November 2026 in the morning; the jobs get their `now`."""
    with time_machine.travel(NOW, tick=False):
        yield NOW


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def smtp(settings):
    """A real SMTP server (aiosmtpd) on loopback receiving what the jobs send."""
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


@pytest.fixture
def smtp_down(settings):
    """An SMTP address where nothing listens: every send fails."""
    from tests.conftest import free_port

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 2
