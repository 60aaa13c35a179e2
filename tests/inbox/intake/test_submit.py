"""POST /in/<key>/submit/: the website form's submission, from the snippet (JSON) and the hosted form."""

import json
from urllib.parse import urlencode

import pytest

from inbox.models import Contact, Conversation, InboundItem, Message
from tests.factories import CompanyFactory
from tests.inbox.intake.conftest import ALLOWED_ORIGIN
from tests.inbox.intake.factories import ContactFactory, IntakeChannelFactory

ENQUIRY = {
    "name": "Anna Rossi",
    "email": "Anna.Rossi@Example.com",
    "organisation": "Rossi Srl",
    "phone": "+39 0444 123456",
    "subject": "Preventivo flange",
    "message": "Buongiorno, vorrei un preventivo per 200 flange DN50.",
    "consent": True,
    "language": "it",
    "landing_page": "https://www.officine-test.example/flange?utm_source=newsletter&utm_campaign=primavera",
    "referrer": "https://www.google.com/",
    "utm_source": "newsletter",
    "utm_campaign": "primavera",
}


def post_json(client, channel, data, *, origin=ALLOWED_ORIGIN, query="", **headers):
    if origin:
        headers["HTTP_ORIGIN"] = origin
    return client.post(
        f"/in/{channel.public_key}/submit/{query}",
        json.dumps(data),
        content_type="application/json",
        HTTP_ACCEPT="application/json",
        **headers,
    )


def test_snippet_post_from_an_allowed_website_stores_the_enquiry_at_once(client, form_channel):
    response = post_json(client, form_channel, ENQUIRY)

    assert response.status_code == 200
    assert response.json() == {"ok": True, "message": response.json()["message"]}
    assert "Grazie" in response.json()["message"]
    assert response["Access-Control-Allow-Origin"] == ALLOWED_ORIGIN
    assert "Origin" in response["Vary"]
    conversation = Conversation.objects.for_company(form_channel.company).get()
    assert conversation.channel == form_channel
    assert conversation.status == Conversation.Status.NEW
    assert conversation.subject == "Preventivo flange"
    assert conversation.landing_page == ENQUIRY["landing_page"]
    assert conversation.referrer == "https://www.google.com/"
    assert (conversation.utm_source, conversation.utm_campaign) == ("newsletter", "primavera")
    assert conversation.first_response_due_at is not None
    message = Message.objects.get(conversation=conversation)
    assert message.direction == Message.Direction.IN
    assert message.body_text == ENQUIRY["message"]
    contact = conversation.contact
    assert (contact.email, contact.name, contact.organisation) == ("anna.rossi@example.com", "Anna Rossi", "Rossi Srl")
    assert contact.consent_given_at is not None
    assert "Officine Test" in contact.consent_text
    assert contact.consent_source.startswith("Sito web · https://www.officine-test.example/flange")


def test_the_raw_payload_is_kept_on_the_inbound_item(client, form_channel):
    post_json(client, form_channel, ENQUIRY, HTTP_USER_AGENT="Mozilla/5.0 Test")
    item = InboundItem.objects.get()
    assert item.payload["received"] == ENQUIRY
    assert item.payload["meta"]["origin"] == ALLOWED_ORIGIN
    assert (item.remote_addr, item.user_agent) == ("127.0.0.1", "Mozilla/5.0 Test")
    assert item.conversation == Conversation.objects.get()
    assert item.processed_at is None
    assert Message.objects.get().inbound_item == item


def test_follow_up_work_is_queued_on_commit(client, form_channel, queued, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post_json(client, form_channel, ENQUIRY)
    assert queued == [("inbox.intake.tasks.process_inbound_item", (InboundItem.objects.get().pk,))]


def test_a_returning_visitor_is_the_same_contact(client, form_channel):
    contact = ContactFactory(company=form_channel.company, email="anna.rossi@example.com", phone="045 111")
    post_json(client, form_channel, {**ENQUIRY, "phone": ""})
    contact.refresh_from_db()
    assert Contact.objects.count() == 1
    assert contact.phone == "045 111"  # an empty field never erases what we know
    assert contact.organisation == "Rossi Srl"


def test_hosted_form_post_redirects_to_the_thank_you_page(client, form_channel):
    data = {**ENQUIRY, "consent": "on"}
    response = client.post(
        f"/in/{form_channel.public_key}/submit/?lang=it",
        data,
        HTTP_ORIGIN="http://testserver",
        HTTP_ACCEPT="text/html,application/xhtml+xml",
    )
    assert response.status_code == 303
    assert response["Location"] == f"/in/{form_channel.public_key}/thanks/?lang=it"
    assert Conversation.objects.count() == 1
    thanks = client.get(response["Location"])
    assert "Messaggio inviato" in thanks.content.decode()


def test_hosted_form_with_errors_is_shown_again_with_what_was_typed(client, form_channel):
    data = {**ENQUIRY, "email": "not-an-address", "consent": ""}
    response = client.post(f"/in/{form_channel.public_key}/submit/", data, HTTP_ACCEPT="text/html")
    assert response.status_code == 400
    content = response.content.decode()
    assert "Correggi i campi indicati" in content
    assert 'value="not-an-address"' in content
    assert "Anna Rossi" in content
    assert Conversation.objects.count() == 0


@pytest.mark.parametrize(
    ("language_header", "field", "expected"),
    [
        ("it-IT,it;q=0.9", "email", "Inserisci un indirizzo email valido."),
        ("en-GB,en;q=0.9", "email", "Enter a valid email address."),
        ("en-GB,en;q=0.9", "message", "This field is required."),
        ("it", "message", "Questo campo è obbligatorio."),
    ],
)
def test_missing_or_wrong_fields_answer_400_in_the_visitors_language(
    client, form_channel, language_header, field, expected
):
    data = {**ENQUIRY, "email": "nope", "message": "", "language": ""}
    response = post_json(client, form_channel, data, HTTP_ACCEPT_LANGUAGE=language_header)
    assert response.status_code == 400
    body = response.json()
    assert body["ok"] is False
    assert body["errors"][field] == [expected]
    assert response["Access-Control-Allow-Origin"] == ALLOWED_ORIGIN
    assert InboundItem.objects.count() == 0


def test_the_language_field_of_the_snippet_wins_over_accept_language(client, form_channel):
    response = post_json(
        client, form_channel, {**ENQUIRY, "consent": False, "language": "en"}, HTTP_ACCEPT_LANGUAGE="it"
    )
    assert response.status_code == 400
    assert response["Content-Language"] == "en"
    assert "consent" in response.json()["errors"]
    assert response.json()["message"] == "Please correct the fields marked below."


def test_fields_of_the_wrong_type_are_errors_not_crashes(client, form_channel):
    response = post_json(client, form_channel, {**ENQUIRY, "language": 5, "email": ["a@b.it"], "consent": None})
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"email", "consent"}


def test_consent_is_required(client, form_channel):
    response = post_json(client, form_channel, {**ENQUIRY, "consent": False})
    assert response.status_code == 400
    assert response.json()["errors"]["consent"] == ["Dai il tuo consenso: senza non possiamo risponderti."]


def test_english_thank_you_for_an_english_page(client, form_channel):
    response = post_json(client, form_channel, {**ENQUIRY, "language": "en"})
    assert response.json()["message"].startswith("Thank you!")
    assert Conversation.objects.get().language == "en"


def test_honeypot_filled_answers_like_a_success_but_stores_the_enquiry_as_spam(client, form_channel):
    real = ContactFactory(company=form_channel.company, email="anna.rossi@example.com", name="Anna Rossi")
    response = post_json(client, form_channel, {**ENQUIRY, "name": "Cheap pills", "website": "http://spam.example"})

    assert response.status_code == 200
    assert response.json()["ok"] is True
    conversation = Conversation.objects.get()
    assert conversation.status == Conversation.Status.SPAM
    assert InboundItem.objects.get().payload["enquiry"]["honeypot"] is True
    real.refresh_from_db()
    assert real.name == "Anna Rossi"  # a bot never renames a real contact
    assert real.consent_given_at is None


def test_a_disallowed_website_gets_403_with_a_clear_message_and_no_cors_headers(client, form_channel):
    response = post_json(client, form_channel, ENQUIRY, origin="https://evil.example")
    assert response.status_code == 403
    assert "Access-Control-Allow-Origin" not in response
    assert "siti web autorizzati" in response.json()["message"]
    assert InboundItem.objects.count() == 0


def test_an_opaque_origin_is_refused(client, form_channel):
    assert post_json(client, form_channel, ENQUIRY, origin="null").status_code == 403


def test_another_companys_website_is_refused(client, form_channel):
    IntakeChannelFactory(company=CompanyFactory(), allowed_origins="https://other.example")
    assert post_json(client, form_channel, ENQUIRY, origin="https://other.example").status_code == 403


def test_preflight_from_an_allowed_website_is_answered_with_the_cors_headers(client, form_channel):
    response = client.options(
        f"/in/{form_channel.public_key}/submit/",
        HTTP_ORIGIN=ALLOWED_ORIGIN,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type, x-evil",
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == ALLOWED_ORIGIN
    assert response["Access-Control-Allow-Methods"] == "POST, OPTIONS"
    assert response["Access-Control-Allow-Headers"] == "content-type"
    assert int(response["Access-Control-Max-Age"]) > 0
    assert "Access-Control-Allow-Credentials" not in response


def test_preflight_from_a_disallowed_website_gets_403_without_cors_headers(client, form_channel):
    response = client.options(
        f"/in/{form_channel.public_key}/submit/",
        HTTP_ORIGIN="https://evil.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
    )
    assert response.status_code == 403
    assert not [h for h in response.headers if h.lower().startswith("access-control-")]


def test_an_oversized_body_gets_413_and_nothing_is_stored(client, form_channel):
    response = post_json(client, form_channel, {**ENQUIRY, "message": "x" * 70_000}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 413
    assert response.json() == {"ok": False, "message": "The message is too long: send at most 64 KB."}
    assert response["Access-Control-Allow-Origin"] == ALLOWED_ORIGIN
    assert InboundItem.objects.count() == 0


def test_the_hosted_form_explains_an_oversized_body_on_a_page(client, form_channel):
    # Form-encoded (multipart bodies have a larger limit for files: see test_attachments.py).
    response = client.post(
        f"/in/{form_channel.public_key}/submit/",
        urlencode({**ENQUIRY, "message": "x" * 70_000}),
        content_type="application/x-www-form-urlencoded",
        HTTP_ACCEPT="text/html",
    )
    assert response.status_code == 413
    assert "Il messaggio è troppo lungo" in response.content.decode()


def test_the_eleventh_post_in_ten_minutes_from_one_address_gets_429_with_retry_after(client, form_channel):
    for _n in range(10):
        assert post_json(client, form_channel, {**ENQUIRY, "email": ""}).status_code == 400
    response = post_json(client, form_channel, ENQUIRY, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 600
    assert "Too many messages" in response.json()["message"]
    assert response["Access-Control-Allow-Origin"] == ALLOWED_ORIGIN
    assert InboundItem.objects.count() == 0
    # Another address and another channel are not affected.
    assert post_json(client, form_channel, ENQUIRY, REMOTE_ADDR="10.1.2.3").status_code == 200
    other = IntakeChannelFactory(company=form_channel.company, allowed_origins=ALLOWED_ORIGIN)
    assert post_json(client, other, ENQUIRY).status_code == 200


def test_the_same_idempotency_key_is_stored_once(client, form_channel):
    data = {**ENQUIRY, "idempotency_key": "form-render-1"}
    assert post_json(client, form_channel, data).status_code == 200
    assert post_json(client, form_channel, data).status_code == 200
    assert InboundItem.objects.count() == Conversation.objects.count() == 1


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        ("{not json", "application/json", 400),
        ("[1, 2]", "application/json", 400),
        ("[" * 20_000 + "]" * 20_000, "application/json", 400),
        ("name=Anna", "text/plain", 415),
    ],
)
def test_a_body_that_is_not_a_form_is_refused_with_a_message(client, form_channel, body, content_type, status):
    response = client.post(
        f"/in/{form_channel.public_key}/submit/", body, content_type=content_type, HTTP_ORIGIN=ALLOWED_ORIGIN
    )
    assert response.status_code == status
    assert response.json()["message"]


def test_an_empty_post_is_a_400_not_a_crash(client, form_channel):
    response = client.post(f"/in/{form_channel.public_key}/submit/")
    assert response.status_code == 400


def test_get_is_not_allowed(client, form_channel):
    assert client.get(f"/in/{form_channel.public_key}/submit/").status_code == 405


@pytest.mark.parametrize("broken", ["unknown-key", "inactive-channel", "inactive-company", "webhook-key"])
def test_unknown_or_switched_off_channels_answer_404(client, form_channel, webhook_channel, broken):
    key = form_channel.public_key
    if broken == "unknown-key":
        key = "no-such-key"
    elif broken == "inactive-channel":
        form_channel.is_active = False
        form_channel.save()
    elif broken == "inactive-company":
        form_channel.company.is_active = False
        form_channel.company.save()
    else:
        key = webhook_channel.public_key
    response = client.post(f"/in/{key}/submit/", json.dumps(ENQUIRY), content_type="application/json")
    assert response.status_code == 404
    assert response.json()["ok"] is False


def test_submit_query_count_is_fixed(client, form_channel, django_assert_max_num_queries):
    # channel+company; savepoint; inbound item; savepoint; contact lookup; savepoint; contact;
    # release; SLA (business hours, presence periods); conversation; message; item →
    # conversation; release; release (no savepoint for the item: it has no idempotency key)
    with django_assert_max_num_queries(16):
        assert post_json(client, form_channel, ENQUIRY).status_code == 200
    for n in range(10):
        ContactFactory(company=form_channel.company, email=f"other{n}@example.com")
        post_json(client, form_channel, {**ENQUIRY, "email": f"other{n}@example.com"}, REMOTE_ADDR=f"10.0.0.{n}")
    with django_assert_max_num_queries(16):
        assert (
            post_json(client, form_channel, {**ENQUIRY, "email": "new@example.com"}, REMOTE_ADDR="10.9.9.9").status_code
            == 200
        )
