"""The follow-up work queued by a real request is done by a real Celery worker process."""

import json

import pytest
from django.conf import settings

from inbox.models import InboundItem
from tests.celery_worker import celery_worker, wait_for
from tests.conftest import port_open, require
from tests.inbox.intake.conftest import ALLOWED_ORIGIN

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def test_a_worker_processes_the_enquiry_queued_on_commit(tmp_path, client, form_channel, broker_var_dir):
    if settings.CELERY_BROKER_URL.startswith("redis"):
        require(port_open("127.0.0.1", 6379), "Redis is not running on 127.0.0.1:6379")
    env = {"STAFFETTA_VAR_DIR": broker_var_dir} if broker_var_dir else {}
    with celery_worker(tmp_path, env=env):
        response = client.post(
            f"/in/{form_channel.public_key}/submit/",
            json.dumps(
                {
                    "name": "Giulia",
                    "email": "giulia@example.com",
                    "message": "Good morning, could you send me your catalogue of stainless steel valves?",
                    "consent": True,
                    "language": "it",
                }
            ),
            content_type="application/json",
            HTTP_ORIGIN=ALLOWED_ORIGIN,
        )
        assert response.status_code == 200
        assert wait_for(lambda: InboundItem.objects.filter(processed_at__isnull=False).exists()), (
            "the worker did not process the item"
        )
    item = InboundItem.objects.select_related("conversation").get()
    assert item.attempts == 1
    assert item.conversation.language == "en"
