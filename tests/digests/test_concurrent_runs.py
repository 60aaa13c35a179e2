"""Two workers running the same job at the same moment send each email once: the claim decides."""

import threading
from datetime import timedelta

import pytest
from django.db import connection

from contentdesk.models import ContentItem
from digests.models import Dispatch
from digests.morning import morning_digests_send
from digests.reminders import overdue_reminders_send
from tests.contentdesk.factories import ContentItemFactory
from tests.digests.conftest import NOW
from tests.inbox.factories import ConversationFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _twice_at_once(job) -> list:
    start = threading.Barrier(2)
    results, errors = [], []

    def run():
        try:
            start.wait(timeout=10)
            results.append(job(NOW))
        except Exception as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    return results


def test_two_morning_runs_at_once_send_one_digest(company, digital_manager, smtp):
    ConversationFactory(company=company, subject="Preventivo flange")
    assert sum(_twice_at_once(morning_digests_send)) == 1
    assert len(smtp.messages) == 1
    assert Dispatch.objects.get().outcome == Dispatch.Outcome.SENT


def test_two_reminder_runs_at_once_remind_each_item_once(company, digital_manager, smtp):
    for hours in (2, 3, 4):
        ContentItemFactory(
            company=company,
            author=digital_manager,
            status=ContentItem.Status.APPROVED,
            scheduled_at=NOW - timedelta(hours=hours),
        )
    _twice_at_once(overdue_reminders_send)
    reminded = [line for message in smtp.messages for line in message.get_body(("plain",)).get_content().splitlines()]
    assert sum("/calendar/items/" in line for line in reminded) == 3
    assert Dispatch.objects.filter(outcome=Dispatch.Outcome.SENT).count() == 3
