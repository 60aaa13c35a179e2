import pytest

from tests.inbox.intake.factories import IntakeChannelFactory, WebhookChannelFactory

ALLOWED_ORIGIN = "https://www.officine-test.example"


@pytest.fixture
def form_channel(company):
    return IntakeChannelFactory(company=company, name="Sito web", allowed_origins=ALLOWED_ORIGIN)


@pytest.fixture
def webhook_channel(company):
    return WebhookChannelFactory(company=company, name="CRM")


@pytest.fixture
def queued(monkeypatch):
    """Tasks published through inbox.intake.queue, recorded instead of sent to the broker."""
    calls = []

    def fake_enqueue(task, *args):
        calls.append((task.name, args))
        return True

    monkeypatch.setattr("inbox.intake.queue.enqueue", fake_enqueue)
    return calls
