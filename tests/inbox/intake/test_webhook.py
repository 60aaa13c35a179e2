"""POST /in/<key>/webhook/: signed JSON enquiries from other tools."""

import json

import pytest

from inbox.intake.signature import sign
from inbox.models import Contact, Conversation, InboundItem
from tests.factories import CompanyFactory
from tests.inbox.intake.factories import WebhookChannelFactory

PAYLOAD = {
    "email": "Marco.Bianchi@Example.com",
    "name": "Marco Bianchi",
    "subject": "Richiesta catalogo",
    "message": "Buongiorno, potete inviarmi il catalogo delle valvole?",
    "organisation": "Bianchi Impianti",
    "phone": "+39 045 999",
    "language": "it",
    "landing_page": "https://www.officine-test.example/valvole",
    "utm": {"source": "linkedin", "utm_medium": "social", "ignored": "x"},
    "consent": {"given_at": "2025-03-14T09:30:00+01:00", "text": "Acconsento al trattamento.", "source": "CRM"},
}


def post(client, channel, payload=PAYLOAD, *, secret=None, body=None, content_type="application/json", **headers):
    raw = body if body is not None else json.dumps(payload).encode()
    if secret is not False:
        headers.setdefault("HTTP_X_STAFFETTA_SIGNATURE", sign(secret or channel.secret, raw))
    return client.post(f"/in/{channel.public_key}/webhook/", raw, content_type=content_type, **headers)


def test_a_signed_enquiry_is_stored_and_answered_201(client, webhook_channel):
    response = post(client, webhook_channel)

    assert response.status_code == 201
    body = response.json()
    item = InboundItem.objects.get()
    conversation = Conversation.objects.get()
    assert body == {"ok": True, "message": body["message"], "id": item.pk, "conversation_id": conversation.pk}
    assert item.payload["received"] == PAYLOAD
    assert conversation.channel == webhook_channel
    assert (conversation.subject, conversation.language) == ("Richiesta catalogo", "it")
    assert (conversation.utm_source, conversation.utm_medium) == ("linkedin", "social")
    assert conversation.landing_page == "https://www.officine-test.example/valvole"
    contact = conversation.contact
    assert (contact.email, contact.organisation, contact.phone) == (
        "marco.bianchi@example.com",
        "Bianchi Impianti",
        "+39 045 999",
    )
    assert contact.consent_given_at.isoformat() == "2025-03-14T08:30:00+00:00"
    assert (contact.consent_text, contact.consent_source) == ("Acconsento al trattamento.", "CRM")


def test_only_email_and_message_are_required(client, webhook_channel):
    response = post(client, webhook_channel, {"email": "x@example.com", "message": "Ciao, vorrei informazioni"})
    assert response.status_code == 201
    assert Conversation.objects.get().subject == "Ciao, vorrei informazioni"


def test_the_same_idempotency_key_is_stored_once_and_answered_200_with_the_original_result(client, webhook_channel):
    first = post(client, webhook_channel, HTTP_IDEMPOTENCY_KEY="crm-4711")
    again = post(client, webhook_channel, {**PAYLOAD, "message": "changed"}, HTTP_IDEMPOTENCY_KEY="crm-4711")

    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert InboundItem.objects.count() == Conversation.objects.count() == Contact.objects.count() == 1


def test_the_idempotency_key_may_come_in_the_body(client, webhook_channel):
    payload = {**PAYLOAD, "idempotency_key": "crm-4712"}
    assert post(client, webhook_channel, payload).status_code == 201
    assert post(client, webhook_channel, payload).status_code == 200
    assert InboundItem.objects.get().idempotency_key == "crm-4712"


def test_the_same_key_on_another_channel_is_another_enquiry(client, webhook_channel):
    other = WebhookChannelFactory(company=webhook_channel.company)
    assert post(client, webhook_channel, HTTP_IDEMPOTENCY_KEY="k1").status_code == 201
    assert post(client, other, HTTP_IDEMPOTENCY_KEY="k1").status_code == 201
    assert InboundItem.objects.count() == 2


@pytest.mark.parametrize(
    "signature",
    ["", "sha256=" + "0" * 64, "deadbeef", "sha1=abc"],
    ids=["missing", "wrong", "no-prefix", "other-algorithm"],
)
def test_a_bad_signature_gets_401_and_nothing_is_stored(client, webhook_channel, signature):
    response = post(client, webhook_channel, HTTP_X_STAFFETTA_SIGNATURE=signature)
    assert response.status_code == 401
    assert "X-Staffetta-Signature" in response.json()["message"]
    assert InboundItem.objects.count() == 0


def test_a_signature_made_with_another_secret_or_over_another_body_is_refused(client, webhook_channel):
    assert post(client, webhook_channel, secret="another-secret").status_code == 401
    tampered = json.dumps({**PAYLOAD, "email": "attacker@example.com"}).encode()
    good_signature = sign(webhook_channel.secret, json.dumps(PAYLOAD).encode())
    response = post(client, webhook_channel, body=tampered, HTTP_X_STAFFETTA_SIGNATURE=good_signature)
    assert response.status_code == 401


def test_a_body_that_is_not_json_gets_415(client, webhook_channel):
    body = b"email=x@example.com&message=hi"
    response = post(client, webhook_channel, body=body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 415


def test_invalid_json_gets_400(client, webhook_channel):
    assert post(client, webhook_channel, body=b"{oops").status_code == 400
    assert post(client, webhook_channel, body=b'["a list"]').status_code == 400
    assert post(client, webhook_channel, body=b"[" * 20_000 + b"]" * 20_000).status_code == 400


def test_missing_fields_get_400_with_the_errors_by_field(client, webhook_channel):
    response = post(client, webhook_channel, {"name": "Senza email"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors["email"] == ["This field is required."]
    assert errors["message"] == ["This field is required."]
    assert InboundItem.objects.count() == 0


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"email": "not-an-address"}, "email"),
        ({"email": 42}, "email"),
        ({"message": {"text": "nested"}}, "message"),
        ({"landing_page": "javascript:alert(1)"}, "landing_page"),
        ({"utm": "newsletter"}, "utm"),
        ({"consent": {"text": "yes"}}, "consent"),
        ({"consent": {"given_at": "yesterday", "text": "yes"}}, "consent"),
        ({"consent": True}, "consent"),
        ({"name": "x" * 161}, "name"),
        ({"idempotency_key": "k" * 201}, "idempotency_key"),
    ],
)
def test_wrong_fields_get_400_naming_the_field(client, webhook_channel, change, field):
    response = post(client, webhook_channel, {**PAYLOAD, **change})
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_an_oversized_body_gets_413(client, webhook_channel):
    response = post(client, webhook_channel, {**PAYLOAD, "message": "x" * 70_000}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 413
    assert response.json()["message"] == "The message is too long: send at most 64 KB."


def test_errors_are_in_italian_by_default(client, webhook_channel):
    response = post(client, webhook_channel, {"message": "hi"})
    assert response.json()["errors"]["email"] == ["Questo campo è obbligatorio."]


@pytest.mark.parametrize("broken", ["unknown-key", "form-key", "inactive-channel", "inactive-company"])
def test_unknown_or_switched_off_webhooks_answer_404(client, webhook_channel, form_channel, broken):
    channel = webhook_channel
    if broken == "unknown-key":
        channel.public_key = "no-such-key"
    elif broken == "form-key":
        channel = form_channel
    elif broken == "inactive-channel":
        channel.is_active = False
        channel.save()
    else:
        channel.company.is_active = False
        channel.company.save()
    response = post(client, channel)
    assert response.status_code == 404
    assert response.json()["ok"] is False


def test_get_is_not_allowed(client, webhook_channel):
    assert client.get(f"/in/{webhook_channel.public_key}/webhook/").status_code == 405


def test_a_webhook_stores_the_enquiry_in_its_own_company(client, webhook_channel):
    other = WebhookChannelFactory(company=CompanyFactory())
    post(client, other)
    assert Conversation.objects.for_company(other.company).count() == 1
    assert Conversation.objects.for_company(webhook_channel.company).count() == 0


def test_webhook_query_count_is_fixed(client, webhook_channel, django_assert_max_num_queries):
    # channel+company; savepoint; savepoint (key); inbound item; release; savepoint; contact
    # lookup; savepoint; contact; release; SLA (business hours, presence periods);
    # conversation; message; consent record (issue 10: the text shown, kept); item → conversation;
    # release; release
    with django_assert_max_num_queries(18):
        assert post(client, webhook_channel, HTTP_IDEMPOTENCY_KEY="a").status_code == 201
    for n in range(10):
        post(client, webhook_channel, {**PAYLOAD, "email": f"p{n}@example.com"}, HTTP_IDEMPOTENCY_KEY=f"k{n}")
    with django_assert_max_num_queries(18):
        assert post(client, webhook_channel, HTTP_IDEMPOTENCY_KEY="b").status_code == 201
