"""An erased conversation (data retention, GDPR) says so in the list and on its page."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from inbox.retention import conversation_anonymise
from tests.inbox.work.factories import enquiry

pytestmark = pytest.mark.django_db


def test_an_erased_conversation_says_its_data_were_erased(login, company, digital_manager):
    conversation = enquiry(company, subject="Valvole per Mario Rossi")
    conversation_anonymise(conversation, now=datetime(2026, 11, 3, 2, 0, tzinfo=ZoneInfo("Europe/Rome")))
    client = login(digital_manager)
    listing = client.get(f"/c/{company.slug}/inbox/?status=all").content.decode()
    page = client.get(f"/c/{company.slug}/inbox/{conversation.pk}/").content.decode()
    for content in (listing, page):
        assert "Dati personali cancellati il 03/11/2026" in content
        assert "Mario Rossi" not in content
