"""Nothing is lost: follow-up work on stored items, the sweep, and the broker being down."""

import json
import threading
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.utils import timezone

from config.celery import app as celery_app
from inbox.intake.tasks import process_inbound_item, sweep_unprocessed
from inbox.models import Conversation, InboundItem
from inbox.services import MAX_ATTEMPTS, inbound_receive
from tests.factories import CompanyFactory
from tests.inbox.intake.conftest import ALLOWED_ORIGIN
from tests.inbox.intake.factories import IntakeChannelFactory

ACK = "inbox.mail.tasks.send_acknowledgement"


def enquiry(**changes) -> dict:
    data = {
        "email": "giulia@example.com",
        "name": "Giulia Verdi",
        "organisation": "",
        "phone": "",
        "subject": "Flanges",
        "message": "Good morning, I would like a quote for two hundred stainless steel flanges.",
        "language": "it",
        "landing_page": "",
        "referrer": "",
        "utm": {},
        "consent": None,
        "honeypot": False,
    }
    return {**data, **changes}


def receive(channel, **changes) -> InboundItem:
    data = enquiry(**changes)
    item, _created = inbound_receive(channel=channel, enquiry=data, received=data)
    return item


def test_processing_detects_the_language_and_queues_the_acknowledgement(
    form_channel, queued, django_capture_on_commit_callbacks
):
    item = receive(form_channel)
    queued.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert process_inbound_item(item.pk) is True

    item.refresh_from_db()
    conversation = item.conversation
    assert item.processed_at is not None
    assert (item.attempts, item.error) == (1, "")
    assert conversation.language == "en"  # the text wins over the page's language
    assert conversation.contact.language == "it"  # known already: kept
    assert conversation.spam_score is not None
    assert conversation.status == Conversation.Status.NEW
    assert queued == [(ACK, (conversation.pk,))]


def test_an_item_is_processed_once_however_often_it_is_queued(form_channel, queued, django_capture_on_commit_callbacks):
    item = receive(form_channel)
    queued.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert process_inbound_item(item.pk) is True
        assert process_inbound_item(item.pk) is False
    assert [name for name, _args in queued] == [ACK]
    item.refresh_from_db()
    assert item.attempts == 1


def test_no_acknowledgement_for_spam_or_when_the_channel_sends_none(
    company, queued, django_capture_on_commit_callbacks
):
    quiet = IntakeChannelFactory(company=company, auto_acknowledge=False)
    loud = IntakeChannelFactory(company=company)
    items = [receive(quiet), receive(loud, honeypot=True)]
    queued.clear()
    with django_capture_on_commit_callbacks(execute=True):
        for item in items:
            assert process_inbound_item(item.pk) is True
    assert queued == []
    assert Conversation.objects.get(channel=loud).status == Conversation.Status.SPAM


def test_a_high_spam_score_moves_a_new_conversation_to_spam(form_channel, queued, monkeypatch):
    monkeypatch.setattr("inbox.spam.spam_score", lambda **kwargs: 0.97)
    item = receive(form_channel)
    process_inbound_item(item.pk)
    conversation = Conversation.objects.get()
    assert (conversation.status, conversation.spam_score) == (Conversation.Status.SPAM, 0.97)


def test_a_conversation_someone_already_opened_is_not_moved_to_spam(form_channel, queued, monkeypatch):
    monkeypatch.setattr("inbox.spam.spam_score", lambda **kwargs: 0.97)
    item = receive(form_channel)
    Conversation.objects.update(status=Conversation.Status.OPEN)
    process_inbound_item(item.pk)
    assert Conversation.objects.get().status == Conversation.Status.OPEN


def test_a_failure_is_recorded_and_retried_up_to_the_cap(form_channel, queued, monkeypatch):
    def broken(text, default=""):
        raise RuntimeError("detector exploded")

    monkeypatch.setattr("inbox.language.detect_language", broken)
    item = receive(form_channel)
    assert process_inbound_item(item.pk) is False
    item.refresh_from_db()
    assert (item.processed_at, item.attempts) == (None, 1)
    assert item.error == "RuntimeError: detector exploded"
    with time_machine.travel(timezone.now() + timedelta(minutes=3)):
        for _n in range(MAX_ATTEMPTS + 2):
            sweep_unprocessed()
    item.refresh_from_db()
    assert (item.processed_at, item.attempts) == (None, MAX_ATTEMPTS)


def test_the_sweep_leaves_fresh_items_to_their_own_task(form_channel, queued):
    fresh = receive(form_channel)
    assert sweep_unprocessed() == 0
    with time_machine.travel(timezone.now() + timedelta(minutes=3)):
        older = receive(form_channel, email="later@example.com")
        assert sweep_unprocessed() == 1
    fresh.refresh_from_db()
    older.refresh_from_db()
    assert fresh.processed_at is not None
    assert older.processed_at is None


def test_the_sweep_opens_the_conversation_of_an_item_stored_without_one(client, form_channel, queued, monkeypatch):
    def failing_open(**kwargs):
        raise RuntimeError("SLA calendar unavailable")

    monkeypatch.setattr("inbox.services.conversation_open", failing_open)
    response = client.post(
        f"/in/{form_channel.public_key}/submit/",
        json.dumps({"name": "Giulia", "email": "giulia@example.com", "message": "Ciao", "consent": True}),
        content_type="application/json",
        HTTP_ORIGIN=ALLOWED_ORIGIN,
    )
    assert response.status_code == 200  # stored: the visitor is told so
    item = InboundItem.objects.get()
    assert item.conversation is None
    monkeypatch.undo()

    with time_machine.travel(timezone.now() + timedelta(minutes=3)):
        assert sweep_unprocessed() == 1
    item.refresh_from_db()
    assert item.conversation.contact.email == "giulia@example.com"
    assert item.processed_at is not None


def test_an_acknowledgement_that_cannot_be_queued_leaves_the_item_for_the_sweep(
    form_channel, monkeypatch, django_capture_on_commit_callbacks
):
    item = receive(form_channel)
    monkeypatch.setattr("inbox.intake.queue.enqueue", lambda task, *args: False)
    with django_capture_on_commit_callbacks(execute=True):
        assert process_inbound_item(item.pk) is True
    item.refresh_from_db()
    assert item.processed_at is None
    assert "acknowledgement" in item.error


@pytest.mark.django_db(transaction=True)
def test_with_the_broker_down_the_enquiry_is_stored_and_accepted_and_the_sweep_finishes_it(client, monkeypatch, caplog):
    channel = IntakeChannelFactory(company=CompanyFactory(), allowed_origins=ALLOWED_ORIGIN)
    monkeypatch.setitem(celery_app.conf, "broker_url", "redis://127.0.0.1:1/0")
    monkeypatch.setattr(celery_app, "_pool", None)  # forget connections made to the real broker
    monkeypatch.setattr(celery_app.amqp, "_producer_pool", None)

    response = client.post(
        f"/in/{channel.public_key}/submit/",
        json.dumps(
            {"name": "Giulia", "email": "giulia@example.com", "message": "Vorrei un preventivo", "consent": True}
        ),
        content_type="application/json",
        HTTP_ORIGIN=ALLOWED_ORIGIN,
    )

    assert response.status_code == 200
    assert response.json()["ok"] is True
    item = InboundItem.objects.get()
    assert item.processed_at is None
    assert Conversation.objects.for_company(channel.company).get().contact.email == "giulia@example.com"
    assert "Could not queue inbox.intake.tasks.process_inbound_item" in caplog.text

    monkeypatch.undo()  # the broker is back
    acknowledgements = []
    monkeypatch.setattr("inbox.mail.tasks.send_acknowledgement.apply_async", lambda **kw: acknowledgements.append(kw))
    with time_machine.travel(timezone.now() + timedelta(minutes=3)):
        assert sweep_unprocessed() == 1
    item.refresh_from_db()
    assert item.processed_at is not None
    assert item.attempts == 1
    assert acknowledgements == [
        {"args": (item.conversation_id,), "retry": True, "retry_policy": acknowledgements[0]["retry_policy"]}
    ]


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_process_an_item_once(queued, monkeypatch):
    channel = IntakeChannelFactory(company=CompanyFactory())
    item = receive(channel)
    started = threading.Event()
    detections = []

    def slow_detect(text, default=""):
        detections.append(text)
        started.set()
        threading.Event().wait(0.5)
        return "it"

    monkeypatch.setattr("inbox.language.detect_language", slow_detect)
    results = []

    def worker():
        try:
            results.append(process_inbound_item(item.pk))
        finally:
            connection.close()

    first = threading.Thread(target=worker)
    first.start()
    started.wait(5)
    second = threading.Thread(target=worker)
    second.start()
    first.join(30)
    second.join(30)

    assert sorted(results) == [False, True]
    assert len(detections) == 1
    item.refresh_from_db()
    assert item.processed_at is not None
    assert item.attempts == 1
