"""The approval emails go through a real Celery worker process, after the commit, once."""

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings

from contentdesk.items.tasks import notify_content_event
from contentdesk.models import ContentEvent, ContentItem, ContentNotification
from tests.celery_worker import celery_worker, wait_for
from tests.conftest import free_port, port_open, require
from tests.contentdesk.items.conftest import item_url
from tests.inbox.mail.conftest import Mailbox

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def test_submitting_for_approval_reaches_the_approvers_once_through_the_worker(
    tmp_path, login, company, owner, digital_manager, make_item, broker_var_dir
):
    if settings.CELERY_BROKER_URL.startswith("redis"):
        require(port_open("127.0.0.1", 6379), "Redis is not running on 127.0.0.1:6379")
    item = make_item(status=ContentItem.Status.DRAFT, title="Valvola DN50")
    box = Mailbox()
    port = free_port()
    smtp = Controller(box, hostname="127.0.0.1", port=port)
    smtp.start()
    env = {"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(port), "SITE_URL": "https://staffetta.example"}
    if broker_var_dir:
        env["STAFFETTA_VAR_DIR"] = broker_var_dir
    try:
        with celery_worker(tmp_path, env=env):
            response = login(digital_manager).post(item_url(item, "move/"), {"target": "in_review"})
            assert response.status_code == 302
            event = ContentEvent.objects.get(item=item, kind="status")
            # The same job queued again (a retry, a second worker) sends nothing more.
            notify_content_event.delay(event.pk)
            assert wait_for(lambda: ContentNotification.objects.filter(event=event, sent_at__isnull=False).exists())
            wait_for(lambda: len(box.envelopes) > 1, timeout=3)
    finally:
        smtp.stop()
    assert len(box.envelopes) == 1
    assert box.envelopes[0].rcpt_tos == [owner.email]
    sent = box.only()
    assert sent["Subject"] == "[Officine Test] Da approvare: Valvola DN50"
    assert (
        f"https://staffetta.example/c/{company.slug}/calendar/items/{item.pk}/"
        in sent.get_body(("plain",)).get_content()
    )
