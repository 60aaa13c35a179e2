"""The confirmation email goes through a real Celery worker process, after the commit, once."""

import re

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings

from contentdesk.models import Subscription
from contentdesk.newsletter.tasks import send_confirmation
from tests.celery_worker import celery_worker, wait_for
from tests.conftest import free_port, port_open, require
from tests.contentdesk.newsletter.factories import NewsletterListFactory
from tests.inbox.mail.conftest import Mailbox, text_of

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def test_subscribing_queues_one_confirmation_that_the_worker_sends_once(tmp_path, client, company, broker_var_dir):
    if settings.CELERY_BROKER_URL.startswith("redis"):
        require(port_open("127.0.0.1", 6379), "Redis is not running on 127.0.0.1:6379")
    newsletter_list = NewsletterListFactory(company=company, name="Clienti e prospect")
    box = Mailbox()
    port = free_port()
    smtp = Controller(box, hostname="127.0.0.1", port=port)
    smtp.start()
    env = {"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(port), "SITE_URL": "https://staffetta.example"}
    if broker_var_dir:
        env["STAFFETTA_VAR_DIR"] = broker_var_dir
    try:
        with celery_worker(tmp_path, env=env):
            response = client.post(
                f"/nl/{newsletter_list.public_key}/subscribe/",
                {"email": "giulia@example.it", "consent": "on", "language": "it"},
            )
            assert response.status_code == 303
            subscription = Subscription.objects.get()
            # The same job queued again (a retry, the sweep) sends nothing more.
            send_confirmation.delay(subscription.pk)
            assert wait_for(lambda: len(box.envelopes) >= 1)
            wait_for(lambda: len(box.envelopes) > 1, timeout=3)
    finally:
        smtp.stop()
    assert len(box.envelopes) == 1
    assert box.envelopes[0].rcpt_tos == ["giulia@example.it"]
    link = re.search(r"https://staffetta\.example(/nl/confirm/[^/\s]+/)", text_of(box.only())).group(1)
    assert client.post(link).status_code == 200
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.SUBSCRIBED
