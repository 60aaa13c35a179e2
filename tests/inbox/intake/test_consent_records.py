"""Each consent given on the website form is kept as given: text shown, language, time, source, address."""

from inbox.models import ConsentRecord, Conversation
from tests.inbox.intake.test_submit import ENQUIRY, post_json


def test_the_form_keeps_each_consent_with_text_language_source_and_address(client, form_channel):
    data = {**ENQUIRY, "consent": "on"}
    response = client.post(
        f"/in/{form_channel.public_key}/submit/?lang=en",
        data,
        HTTP_ORIGIN="http://testserver",
        HTTP_ACCEPT="text/html",
        REMOTE_ADDR="198.51.100.4",
    )
    assert response.status_code == 303
    conversation = Conversation.objects.get()
    record = ConsentRecord.objects.get()
    assert record.contact == conversation.contact
    assert record.company == form_channel.company
    assert record.kind == ConsentRecord.Kind.FORM
    assert record.language == "en"
    assert record.text == (
        "I agree that Officine Test processes the data I have entered in order to answer my enquiry."
    )
    assert record.source.startswith("Sito web · ")
    assert str(record.ip) == "198.51.100.4"
    assert record.given_at is not None


def test_a_second_enquiry_adds_a_second_record_and_keeps_the_first(client, form_channel):
    post_json(client, form_channel, {**ENQUIRY, "idempotency_key": "a"}, REMOTE_ADDR="198.51.100.4")
    post_json(client, form_channel, {**ENQUIRY, "idempotency_key": "b"}, REMOTE_ADDR="198.51.100.5")
    records = ConsentRecord.objects.order_by("pk")
    assert [str(r.ip) for r in records] == ["198.51.100.4", "198.51.100.5"]
    assert {r.language for r in records} == {"it"}
    assert (
        records[0].text
        == "Acconsento che Officine Test tratti i dati che ho inserito per rispondere alla mia richiesta."
    )


def test_a_spam_enquiry_records_no_consent(client, form_channel):
    post_json(client, form_channel, {**ENQUIRY, "website": "http://spam.example"})
    assert not ConsentRecord.objects.exists()


def test_a_webhook_consent_keeps_its_own_time_and_text_but_not_the_callers_address(client, webhook_channel):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from tests.inbox.intake.test_webhook import PAYLOAD
    from tests.inbox.intake.test_webhook import post as post_webhook

    assert post_webhook(client, webhook_channel, REMOTE_ADDR="192.0.2.50").status_code == 201
    record = ConsentRecord.objects.get()
    assert record.kind == ConsentRecord.Kind.WEBHOOK
    assert record.given_at == datetime(2025, 3, 14, 9, 30, tzinfo=ZoneInfo("Europe/Rome"))
    assert record.text == PAYLOAD["consent"]["text"]
    assert record.source == "CRM"
    assert record.ip is None
