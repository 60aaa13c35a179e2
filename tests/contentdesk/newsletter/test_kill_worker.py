"""A real worker killed (SIGKILL) in the middle of a send: the next one finishes it, nobody twice.

The SMTP server on loopback is slow (it holds each message a moment after receiving it), so
the kill lands while a message is in flight: received by the server, not yet marked sent.
"""

import asyncio
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings
from django.utils import timezone

from contentdesk.models import ContentItem, Delivery, NewsletterSend
from contentdesk.newsletter import sending
from contentdesk.newsletter.tasks import send_newsletter_batch
from tests.celery_worker import celery_worker, kill_hard, wait_for
from tests.conftest import free_port, port_open, require
from tests.contentdesk.newsletter.conftest import S
from tests.contentdesk.newsletter.sending_helpers import scheduled_send
from tests.inbox.mail.conftest import Mailbox

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]
D = Delivery.Status
RECIPIENTS = 12


class SlowMailbox(Mailbox):
    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.envelopes.append(envelope)
        await asyncio.sleep(0.3)
        return "250 OK"


def test_a_worker_killed_mid_send_resumes_without_sending_anyone_twice(
    tmp_path, company, newsletter_list, subscribe_people, broker_var_dir
):
    if settings.CELERY_BROKER_URL.startswith("redis"):
        require(port_open("127.0.0.1", 6379), "Redis is not running on 127.0.0.1:6379")
    eligible = {sub.contact.email for sub in subscribe_people(RECIPIENTS)}
    left = {sub.contact.email for sub in subscribe_people(2, status=S.UNSUBSCRIBED)}
    withdrawn = subscribe_people(1)[0]
    withdrawn.contact.marketing_consent = False
    withdrawn.contact.save()
    send = scheduled_send(company, newsletter_list)
    assert sending.newsletter_send_start(send.pk)

    box = SlowMailbox()
    port = free_port()
    smtp = Controller(box, hostname="127.0.0.1", port=port)
    smtp.start()
    env = {"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(port), "SITE_URL": "https://staffetta.example"}
    if broker_var_dir:
        env["STAFFETTA_VAR_DIR"] = broker_var_dir
    try:
        with celery_worker(_folder(tmp_path, "first"), env=env) as worker:
            send_newsletter_batch.delay(send.pk)
            assert wait_for(lambda: len(box.envelopes) >= 4, timeout=60, interval=0.02)
            kill_hard(worker)
        received_at_kill = len(box.envelopes)
        assert received_at_kill < RECIPIENTS
        time.sleep(0.5)  # the server finishes the message it was holding
        in_flight = Delivery.objects.filter(send=send, status=D.QUEUED, claimed_at__isnull=False)
        assert in_flight.count() == 1  # claimed, received by the server, never marked sent

        with celery_worker(_folder(tmp_path, "second"), env=env):
            # What acks_late redelivery or the periodic sweep does: queue the send's batch again.
            send_newsletter_batch.delay(send.pk)
            assert wait_for(
                lambda: not Delivery.objects.filter(send=send, status=D.QUEUED, claimed_at__isnull=True).exists(),
                timeout=60,
            )
            wait_for(lambda: len(box.envelopes) > RECIPIENTS, timeout=2)
    finally:
        smtp.stop()

    per_recipient = Counter(rcpt for envelope in box.envelopes for rcpt in envelope.rcpt_tos)
    assert set(per_recipient) == eligible
    assert set(per_recipient.values()) == {1}
    assert not (left | {withdrawn.contact.email}) & set(per_recipient)
    assert Delivery.objects.filter(send=send, status=D.SENT).count() == RECIPIENTS - 1
    # Once the claim is stale the send is closed; the interrupted one is not sent again.
    later = timezone.now() + sending.CLAIM_STALE + timedelta(seconds=1)
    assert sending.newsletter_send_finish(send.pk, now=later)
    send.refresh_from_db()
    assert send.status == NewsletterSend.Status.SENT
    assert ContentItem.objects.get(pk=send.item_id).status == ContentItem.Status.PUBLISHED
    assert Delivery.objects.filter(send=send, status=D.FAILED, error=sending.INTERRUPTED).count() == 1


def _folder(tmp_path: Path, name: str) -> Path:
    """Each worker its own log and var folder."""
    (tmp_path / name).mkdir()
    return tmp_path / name
