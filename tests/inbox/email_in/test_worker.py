"""The periodic IMAP fetch run by a real Celery worker process against a real dovecot."""

import pytest
from django.conf import settings

from inbox.email_in.tasks import mailboxes_fetch
from inbox.models import InboundItem, Mailbox, Message
from tests.celery_worker import celery_worker, wait_for
from tests.conftest import port_open, require
from tests.inbox.email_in.factories import email_bytes

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def test_the_beat_task_fetches_each_mailbox_once_however_often_it_runs(tmp_path, imap_mailbox, dovecot, broker_var_dir):
    if settings.CELERY_BROKER_URL.startswith("redis"):
        require(port_open("127.0.0.1", 6379), "Redis is not running on 127.0.0.1:6379")
    for n in range(3):
        dovecot.append(email_bytes(subject=f"Dalla casella {n}"))
    env = {"STAFFETTA_VAR_DIR": broker_var_dir} if broker_var_dir else {}
    incoming = Message.objects.filter(direction=Message.Direction.IN)
    with celery_worker(tmp_path, env=env):
        mailboxes_fetch.delay()
        mailboxes_fetch.delay()  # the beat fired again before the first run ended
        assert wait_for(lambda: incoming.count() == 3)
        assert wait_for(lambda: Mailbox.objects.get(pk=imap_mailbox.pk).last_success_at is not None)
        wait_for(lambda: incoming.count() > 3, timeout=3)
    assert InboundItem.objects.count() == 3
    assert sorted(incoming.values_list("conversation__subject", flat=True)) == [f"Dalla casella {n}" for n in range(3)]
    assert dovecot.seen() == {1, 2, 3}
