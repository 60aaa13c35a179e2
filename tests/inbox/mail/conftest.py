"""A real SMTP server on loopback (aiosmtpd) for the tests that send mail."""

import email
import email.policy
import threading

import pytest
from aiosmtpd.controller import Controller

from tests.conftest import free_port


class Mailbox:
    """What the SMTP server received, parsed as the recipient's mail client would."""

    def __init__(self):
        self.envelopes = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.envelopes.append(envelope)
        return "250 OK"

    @property
    def messages(self) -> list[email.message.EmailMessage]:
        with self.lock:
            return [email.message_from_bytes(e.content, policy=email.policy.default) for e in self.envelopes]

    def only(self) -> email.message.EmailMessage:
        messages = self.messages
        assert len(messages) == 1, f"expected one email, got {len(messages)}"
        return messages[0]


def text_of(message) -> str:
    return message.get_body(("plain",)).get_content().replace("\r\n", "\n")


def html_of(message) -> str:
    return message.get_body(("html",)).get_content()


@pytest.fixture
def smtp_settings(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port()
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    settings.DEFAULT_FROM_EMAIL = "Staffetta <noreply@staffetta.example>"
    settings.SITE_URL = "https://staffetta.example"
    return settings


@pytest.fixture
def mailbox(smtp_settings):
    box = Mailbox()
    server = Controller(box, hostname="127.0.0.1", port=smtp_settings.EMAIL_PORT)
    server.start()
    yield box
    server.stop()
