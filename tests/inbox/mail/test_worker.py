"""The mail tasks run in a real Celery worker process (not eager), found by autodiscovery."""

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings

from inbox.mail.tasks import send_acknowledgement
from inbox.models import Message
from tests.celery_worker import celery_worker, wait_for
from tests.conftest import free_port, port_open, require
from tests.inbox.mail.conftest import Mailbox
from tests.inbox.mail.factories import ConversationFactory, MessageFactory

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def test_an_acknowledgement_queued_twice_reaches_the_smtp_server_once(tmp_path, company, broker_var_dir):
    if settings.CELERY_BROKER_URL.startswith("redis"):
        require(port_open("127.0.0.1", 6379), "Redis is not running on 127.0.0.1:6379")
    conversation = ConversationFactory(company=company, language="en", subject="Ball valves DN50")
    MessageFactory(conversation=conversation, body_text="Hello, we need 200 ball valves DN50.")
    box = Mailbox()
    port = free_port()
    smtp = Controller(box, hostname="127.0.0.1", port=port)
    smtp.start()
    env = {"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(port), "SITE_URL": "https://staffetta.example"}
    if broker_var_dir:
        env["STAFFETTA_VAR_DIR"] = broker_var_dir
    try:
        with celery_worker(tmp_path, env=env):
            send_acknowledgement.delay(conversation.pk)
            send_acknowledgement.delay(conversation.pk)
            assert wait_for(lambda: Message.objects.filter(conversation=conversation, sent_at__isnull=False).exists())
            # Give the second task time to run, then check it sent nothing.
            wait_for(lambda: len(box.envelopes) > 1, timeout=3)
    finally:
        smtp.stop()
    assert len(box.envelopes) == 1
    sent = box.only()
    assert sent["Subject"] == "Re: Ball valves DN50"
    assert "We will answer" in sent.get_body(("plain",)).get_content()
    assert box.envelopes[0].rcpt_tos == [conversation.contact.email]
